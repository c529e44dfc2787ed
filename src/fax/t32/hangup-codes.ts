/**
 * What a Class 2/2.0 modem's hang-up status (+FHNG / +FHS, as Class 2's decimal number) means: the
 * fax log's reason (the same list our own T.30 gives, so the log and the outbox's retries work
 * unchanged) and the code's own words for the log's detail. The words are the codes' names in T.32
 * and mgetty's / HylaFAX's tables.
 */
import type { FaxFailure } from '../t30/session';

export type HangupMeaning = { reason: FaxFailure | 'modem-error' | 'cancelled' | null; words: string };

const WORDS: Record<number, string> = {
  0: 'normal end of the call',
  1: 'ring, but no fax handshake',
  2: 'call aborted',
  3: 'no loop current (the line was cut)',
  10: 'unspecified phase A error',
  11: 'no answer (T.30 T1 timeout)',
  20: 'unspecified transmit phase B error',
  21: 'the far machine cannot receive or send',
  22: 'COMREC error in transmit phase B',
  23: 'COMREC invalid command received',
  24: 'RSPREC error',
  25: 'DCS sent three times without response',
  26: 'DIS/DTC received three times; DCS not recognized',
  27: 'failure to train at 2400 bit/s',
  28: 'RSPREC invalid response received',
  40: 'unspecified transmit phase C error',
  43: 'DTE to DCE data underflow',
  50: 'unspecified transmit phase D error',
  51: 'RSPREC error (the far machine hung up)',
  52: 'no response to MPS repeated three times',
  53: 'invalid response to MPS',
  54: 'no response to EOP repeated three times',
  55: 'invalid response to EOP',
  56: 'no response to EOM repeated three times',
  57: 'invalid response to EOM',
  58: 'unable to continue after PIN or PIP',
  70: 'unspecified receive phase B error',
  71: 'RSPREC error (the far machine hung up)',
  72: 'COMREC error',
  73: 'T.30 T2 timeout, expected page not received',
  74: 'T.30 T1 timeout after EOM received',
  90: 'unspecified receive phase C error (the page stopped coming)',
  91: 'missing EOL after 5 seconds',
  93: 'DCE to DTE buffer overflow',
  94: 'bad CRC or frame (ECM)',
  100: 'unspecified receive phase D error',
  101: 'RSPREC invalid response received',
  102: 'COMREC invalid response received',
  103: 'unable to continue after PIN or PIP',
};

function reasonOf(code: number): HangupMeaning['reason'] {
  if (code === 0) return null;
  if (code === 2) return 'cancelled';
  if (code === 1 || code === 10 || code === 11 || code === 70) return 'no-handshake';
  if (code === 3 || code === 51 || code === 71) return 'remote-disconnected';
  if (code === 21 || code === 26) return 'incompatible';
  if (code === 27) return 'training-failed';
  if (code === 25 || code === 52 || code === 54 || code === 56) return 'no-response';
  if (code === 53 || code === 55 || code === 57) return 'page-rejected';
  if (code === 73 || code === 74 || (code >= 90 && code < 100)) return 'no-page-data';
  if (code >= 100 && code < 120) return 'remote-disconnected';
  return 'modem-error';
}

export function hangupMeaning(code: number): HangupMeaning {
  const ranges: [number, string][] = [
    [10, 'call'],
    [20, 'phase A'],
    [40, 'transmit phase B'],
    [50, 'transmit phase C'],
    [70, 'transmit phase D'],
  ];
  ranges.push([90, 'receive phase B'], [100, 'receive phase C'], [Infinity, 'receive phase D']);
  const range = ranges.find(([below]) => code < below)![1];
  return { reason: reasonOf(code), words: WORDS[code] ?? `${range} error ${code}` };
}
