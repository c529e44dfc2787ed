/**
 * The first-run guide's sample data.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { request, none, type RequestMap } from './request';

export const onboardingApi = {
  /** First-run guide: adds a few sample contacts in one group named as sample data (once; again returns those there). */
  'onboarding/add-sample': request(none).writes('contacts.write').returns<{ groupId: number; count: number }>(),
  /** Removes the sample contacts and their group in one step (a sample contact given a people file stays). */
  'onboarding/remove-sample': request(none).writes('contacts.write').returns<{ removed: number }>(),
} satisfies RequestMap;
