/**
 * When the engine does not start (a damaged or read-only database, a full disk, another Monshi on the
 * folder), the desktop app says why and where instead of quitting without a word: a small error
 * window with the reason and the data folder, and the ways out — try again (after fixing the cause),
 * open the data folder (to move a file aside or restore a backup), or quit.
 */
import { dialog, shell } from 'electron';
import type { StartFailure } from './host-messages';

const LABELS = {
  fa: { title: 'منشی آغاز نشد', retry: 'دوباره امتحان کن', open: 'باز کردن پوشهٔ داده‌ها', quit: 'خروج', folder: 'پوشهٔ داده‌ها' },
  en: { title: 'Monshi did not start', retry: 'Try again', open: 'Open the data folder', quit: 'Quit', folder: 'Data folder' },
};

/** Shows the failure until the user chooses to try again or to quit; opening the folder keeps it showing. */
export async function askAfterStartFailure(failure: StartFailure): Promise<'retry' | 'quit'> {
  // Both languages when the database could not tell us the user's (Persian first).
  const label = (k: keyof (typeof LABELS)['fa']) => (failure.lang ? LABELS[failure.lang][k] : `${LABELS.fa[k]} — ${LABELS.en[k]}`);
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: label('title'),
      message: label('title'),
      detail: `${failure.text}\n\n${label('folder')}: ${failure.dataDir}`,
      buttons: [label('retry'), label('open'), label('quit')],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 0) return 'retry';
    if (response !== 1) return 'quit';
    await shell.openPath(failure.dataDir);
  }
}

/** The engine process ended without a word (both languages: nothing could tell us which the user reads). */
export const engineStopped = (code: number) =>
  `موتور منشی بی‌آنکه دلیلی بگوید بسته شد (کد ${code})؛ جزئیات در monshi.log در پوشهٔ داده‌هاست.\n\nMonshi's engine stopped without saying why (code ` +
  `${code}); details are in monshi.log in the data folder.`;
