import type { onboardingApi } from '../../shared/contract/onboarding.api';
import type { Handlers } from '../kernel/handlers';
import type { createSampleDataService } from './sample-data.service';

export type OnboardingDeps = { sampleData: ReturnType<typeof createSampleDataService> };

/** The handlers of `onboardingApi` (src/shared/contract/onboarding.api.ts). */
export function onboardingHandlers({ sampleData }: OnboardingDeps): Handlers<typeof onboardingApi> {
  return {
    'onboarding/add-sample': (_, { lang }) => sampleData.add(lang),
    'onboarding/remove-sample': () => sampleData.remove(),
  };
}
