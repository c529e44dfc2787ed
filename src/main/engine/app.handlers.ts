import type { appApi } from '../../shared/contract/app.api';
import { AppError } from '../kernel/app-error';
import type { Handlers } from '../kernel/handlers';
import type { Steppable, TestClock } from '../kernel/test-clock';

export type AppDeps = {
  version: string;
  dataDir: string;
  shell: 'electron' | 'browser' | 'headless';
  /** Null unless the engine was started with a test clock: then 'clock/advance' is 'not_found'. */
  testClock: TestClock | null;
  /** What rings on the way when the test clock moves (the alarms). */
  alarms: Steppable;
};

/** The handlers of `appApi` (src/shared/contract/app.api.ts): the app's own facts and the test clock. */
export function appHandlers({ version, dataDir, shell, testClock, alarms }: AppDeps): Handlers<typeof appApi> {
  return {
    'app/info': () => ({ version, dataDir, shell, demo: false }),
    'clock/advance': ({ ms, away }) => {
      if (!testClock) throw new AppError('not_found', 'not_found.test_clock');
      return { now: (away ? testClock.jump(ms, alarms) : testClock.advance(ms, alarms)).toISOString() };
    },
  };
}
