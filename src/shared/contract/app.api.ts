/**
 * The app itself: its version and data folder, and the test clock.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { request, none, type RequestMap } from './request';

export type AppInfo = { version: string; dataDir: string; shell: 'electron' | 'browser' | 'headless'; demo: boolean };

export const appApi = {
  /** Version, data folder and shell kind; never fails. */
  'app/info': request(none).reads('app.read').returns<AppInfo>(),
  /**
   * Tests and demos only: moves the engine's clock forward. Exists only when the engine was started
   * with a test clock (`MONSHI_TEST_CLOCK=1 monshi serve`); otherwise 'not_found'. Alarms on the way
   * ring each at its time; with `away` the clock jumps as if the computer slept (or the app was
   * closed), so they ring at the end as late ("while you were away"), missed repeats merged.
   */
  'clock/advance': request(
    z.object({
      ms: z
        .number()
        .int()
        .min(0)
        .max(400 * 86_400_000),
      away: z.boolean().default(false),
    }),
  )
    .writes('app.admin')
    .returns<{ now: string }>(),
} satisfies RequestMap;
