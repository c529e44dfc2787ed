/** English messages of "To call back"; typed by the Persian section. */
import type { CallbacksMessages } from './callbacks.fa';

const plural = (n: string, one: string, many: string) => `${n} ${n === '1' ? one : many}`;

export const callbacksEn: CallbacksMessages = {
  tab: 'To call back',
  title: 'Numbers to call back',
  intro: 'Missed calls whose number nobody has called yet. A call back (or an answered call from the same number) takes it off the list by itself.',
  range: 'Range',
  days: (n: string) => (n === '1' ? 'Last 24 hours' : `Last ${n} days`),
  missed: (n: string) => plural(n, 'missed call', 'missed calls'),
  since: (when: string) => `First: ${when}`,
  last: 'Last call',
  callBack: 'Call back',
  dismiss: 'Dismiss',
  dismissTitle: 'Take it off the list without calling (wrong number, came in person); a new missed call puts it back.',
  dismissed: (number: string) => `${number} was taken off the call-back list.`,
  empty: 'No missed call in this range is waiting for a call back.',
  more: (n: string) => `and ${plural(n, 'more number', 'more numbers')} (choose a shorter range, or the call log's "Missed, not returned").`,
  withheld: (n: string) => `${plural(n, 'missed call', 'missed calls')} with no number (withheld) in this range; they cannot be called back.`,
  callerName: (name: string) => `Network name: ${name}`,
  returnDismissed: 'Dismissed',
  returnDismissedAt: (when: string) => `Taken off the call-back list: ${when}`,
};
