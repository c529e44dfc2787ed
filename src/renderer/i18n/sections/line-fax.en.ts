/** English messages of a line's fax setting; typed by the Persian section. */
import type { LineFaxMessages } from './line-fax.fa';

export const lineFaxEn: LineFaxMessages = {
  label: 'Fax on this line',
  modes: {
    off: 'Off (voice only)',
    adaptive: 'Adaptive: voice answers, a fax machine’s tone switches to fax',
    'fax-only': 'Fax only',
    'after-rings': 'Fax after a number of rings',
  },
  hints: {
    off: 'Calls are answered by voice only; no fax is received.',
    adaptive: 'The answering service, voicemail or call recording answers; when the caller is a fax machine, the call switches to fax and the fax is received.',
    'fax-only':
      'Every call is answered as a fax at the ring below. ' +
      'With caller ID on this line, ring 1 waits for the caller ID (or the 2nd ring), so the fax is logged with the sender’s number.',
    'after-rings': 'When nobody and no answering service has taken the call by the ring below, it is answered as a fax.',
  },
  rings: 'Answer fax at ring',
  ringsInvalid: 'Type a whole number from 1 to 20.',
  cannot: 'This line’s modem has no fax (Class 1, 2.0 or 2): it cannot fax.',
  faxClass: 'Fax',
  classes: {
    class1: 'Class 1 (this program runs the fax protocol)',
    'class2.0': 'Class 2.0 (the modem runs the fax protocol itself)',
    class2: 'Class 2 (the modem runs the fax protocol itself)',
  },
  unknown: 'Not known yet whether this line’s modem can fax: the line is not connected. Open this again once it is.',
  demoCaller: 'The caller is a fax machine (it sends a sample page)',
};
