/** The main window's routes in the URL hash; anything else is ignored. */
export type AppRoute =
  | { kind: 'contact'; id: number }
  | { kind: 'new-contact'; number: string }
  | { kind: 'file'; id: number }
  | { kind: 'voicemail' }
  | { kind: 'lines' }
  | { kind: 'cheque'; id: number }
  | { kind: 'contact-cheques'; contactId: number };

/** The voicemail inbox (from an IVR run that ended in a message, wherever it is shown). */
export const VOICEMAIL_ROUTE = '#voicemail';

/** The telephone lines screen (from the first-run guide's "add a modem"). */
export const LINES_ROUTE = '#lines';

/** One cheque, opened in the cheque book (from a contact's list of cheques). */
export const chequeRoute = (id: number) => `#cheque=${id}`;
/** The cheque book filtered to one contact's cheques (the contact's "all cheques" link). */
export const contactChequesRoute = (contactId: number) => `#cheques?contact=${contactId}`;

export function parseAppRoute(hash: string): AppRoute | null {
  if (hash === VOICEMAIL_ROUTE) return { kind: 'voicemail' };
  if (hash === LINES_ROUTE) return { kind: 'lines' };
  const open = /^#contact=(\d{1,12})$/.exec(hash);
  if (open) return { kind: 'contact', id: Number(open[1]) };
  // A people file ('#file=7', from a contact's list of files).
  const file = /^#file=(\d{1,12})$/.exec(hash);
  if (file) return { kind: 'file', id: Number(file[1]) };
  const cheque = /^#cheque=(\d{1,12})$/.exec(hash);
  if (cheque) return { kind: 'cheque', id: Number(cheque[1]) };
  const ofContact = /^#cheques\?contact=(\d{1,12})$/.exec(hash);
  if (ofContact) return { kind: 'contact-cheques', contactId: Number(ofContact[1]) };
  const add = /^#new-contact=(.{1,120})$/.exec(hash);
  if (add) {
    let number: string;
    try {
      number = decodeURIComponent(add[1]!);
    } catch {
      return null;
    }
    return number.trim() ? { kind: 'new-contact', number: number.trim().slice(0, 40) } : null;
  }
  return null;
}
