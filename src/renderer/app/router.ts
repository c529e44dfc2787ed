import { useSyncExternalStore } from 'react';
import { FILE_KINDS, type FileKind } from '../../shared/contract/people';

export const CALLS_TABS = ['log', 'callbacks', 'followups', 'report', 'recordings'] as const;
export type CallsTab = (typeof CALLS_TABS)[number];
export const ATTENDANCE_TABS = ['clock', 'book', 'report', 'setup'] as const;
export type AttendanceTab = (typeof ATTENDANCE_TABS)[number];
export const IVR_TABS = ['trees', 'prompts', 'mailboxes', 'setup'] as const;
export type IvrTab = (typeof IVR_TABS)[number];

/**
 * Where the user is in the main window. The URL's hash is the only place this lives: a screen shows what
 * `parse(location.hash)` says, and moving anywhere is `navigate(route)`, so every place can be linked to,
 * copied, reloaded, and Back and Forward walk through it. Records that open in place (a contact beside
 * the list, a cheque's window, a file) are routes of their own.
 */
export type Route =
  /** The day at a glance: calls, numbers to call back, cheques due, birthdays, voicemail (issue 19). */
  | { screen: 'dashboard' }
  | { screen: 'phonebook' }
  | { screen: 'contact'; id: number }
  /** The new-contact form over the phonebook, with a number filled in (from a call). */
  | { screen: 'new-contact'; number: string }
  | { screen: 'calls'; tab: CallsTab }
  /** One call: when, who, how it went, its recording, voicemail, answering-service path and notes. */
  | { screen: 'call'; id: number }
  /** A call recording's player over the Recordings tab. */
  | { screen: 'recording'; id: number }
  | { screen: 'reminders' }
  | { screen: 'reminder'; id: number }
  | { screen: 'people'; kind: FileKind }
  | { screen: 'file'; id: number }
  | { screen: 'attendance'; tab: AttendanceTab }
  /** The cheque book, filtered to one contact's cheques when `contactId` is set. */
  | { screen: 'cheques'; contactId: number | null }
  | { screen: 'cheque'; id: number }
  /** The own cheque books' window over the cheque book. */
  | { screen: 'cheque-books' }
  | { screen: 'templates' }
  /** One print template open in the designer. */
  | { screen: 'template'; id: number }
  | { screen: 'ivr'; tab: IvrTab }
  /** One answering tree open in the editor. */
  | { screen: 'ivr-tree'; id: number }
  | { screen: 'voicemail' }
  | { screen: 'lines' }
  /** One line's settings, open over the lines. */
  | { screen: 'line'; id: number }
  /** The fax document library; one document's pages open over it. */
  | { screen: 'fax' }
  | { screen: 'fax-document'; id: number }
  /** The send form and one outbox job, open over the fax screen. */
  | { screen: 'fax-send' }
  | { screen: 'fax-job'; id: number }
  /** The fax log (every fax in and out), and one fax's pages and details. */
  | { screen: 'fax-log' }
  | { screen: 'fax-log-entry'; id: number }
  /** The routing rules of received faxes. */
  | { screen: 'fax-routes' }
  | { screen: 'settings' }
  /** The audit trail's viewer (a manager's, from Settings). */
  | { screen: 'audit' }
  /** Probable duplicate contacts (the duplicates finder), over the phonebook. */
  | { screen: 'duplicates' };

export const HOME: Route = { screen: 'phonebook' };
/** A new contact's number as it goes into a link: at most this long, never blank. */
export const MAX_NUMBER = 40;

/** A new contact with a number from a call or a caller card: trimmed and cut to a link's length; the phonebook if blank. */
export function newContactRoute(number: string): Route {
  const n = number.trim().slice(0, MAX_NUMBER);
  return n ? { screen: 'new-contact', number: n } : HOME;
}

/** The route's address: `#/contact/12`, `#/calls/report`, `#/cheques?contact=3`. `parse(href(r))` is `r`. */
export function href(route: Route): string {
  switch (route.screen) {
    case 'phonebook':
    case 'reminders':
    case 'voicemail':
    case 'lines':
    case 'fax':
    case 'settings':
    case 'audit':
    case 'dashboard':
    case 'duplicates':
      return `#/${route.screen}`;
    case 'fax-document':
      return `#/fax/document/${route.id}`;
    case 'fax-send':
      return '#/fax/send';
    case 'fax-job':
      return `#/fax/job/${route.id}`;
    case 'fax-log':
      return '#/fax/log';
    case 'fax-log-entry':
      return `#/fax/log/${route.id}`;
    case 'fax-routes':
      return '#/fax/routes';
    case 'contact':
    case 'call':
    case 'recording':
    case 'reminder':
    case 'file':
    case 'cheque':
    case 'template':
    case 'ivr-tree':
    case 'line':
      return `#/${route.screen}/${route.id}`;
    case 'new-contact':
      return `#/new-contact/${encodeURIComponent(route.number)}`;
    case 'calls':
      return route.tab === 'log' ? '#/calls' : `#/calls/${route.tab}`;
    case 'people':
      return route.kind === 'staff' ? '#/people' : `#/people/${route.kind}`;
    case 'attendance':
      return route.tab === 'clock' ? '#/attendance' : `#/attendance/${route.tab}`;
    case 'ivr':
      return route.tab === 'trees' ? '#/ivr' : `#/ivr/${route.tab}`;
    case 'cheques':
      return route.contactId === null ? '#/cheques' : `#/cheques?contact=${route.contactId}`;
    case 'templates':
      return '#/cheques/templates';
    case 'cheque-books':
      return '#/cheques/books';
  }
}

const ID = /^[1-9]\d{0,14}$/;
const idOf = (s: string | undefined): number | null => (s !== undefined && ID.test(s) ? Number(s) : null);
const oneOf = <T extends string>(list: readonly T[], s: string | undefined, first: T): T | null =>
  s === undefined ? first : (list as readonly string[]).includes(s) ? (s as T) : null;

function numberOf(encoded: string): string | null {
  let number: string;
  try {
    number = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return number.trim() && number.length <= MAX_NUMBER ? number : null;
}

/** Routes of the first version ('#contact=12', '#cheques?contact=3', '#lines', …): links saved or sent then still open. */
function parseOld(hash: string): Route | null {
  const plain: Record<string, Route> = { '#voicemail': { screen: 'voicemail' }, '#lines': { screen: 'lines' }, '#phonebook': HOME };
  if (plain[hash]) return plain[hash];
  const m = /^#(contact|file|cheque)=(\d+)$/.exec(hash);
  const id = idOf(m?.[2]);
  if (m && id !== null) return { screen: m[1] as 'contact' | 'file' | 'cheque', id };
  const of = idOf(/^#cheques\?contact=(\d+)$/.exec(hash)?.[1]);
  if (of !== null) return { screen: 'cheques', contactId: of };
  const add = /^#new-contact=(.+)$/.exec(hash);
  const number = add ? numberOf(add[1]!) : null;
  return number === null ? null : { screen: 'new-contact', number: number.trim().slice(0, MAX_NUMBER) };
}

function parseNew(hash: string): Route | null {
  const m = /^#\/([^?]*)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const [a, b, ...rest] = m[1]!.split('/');
  const query = m[2];
  // Only a fax document's or a logged fax's address has a third part (`#/fax/document/4`, `#/fax/log/7`).
  if (rest.length > (a === 'fax' ? 1 : 0) || (query !== undefined && a !== 'cheques')) return null;
  switch (a) {
    case 'phonebook':
    case 'reminders':
    case 'voicemail':
    case 'lines':
    case 'settings':
    case 'audit':
    case 'dashboard':
    case 'duplicates':
      return b === undefined ? { screen: a } : null;
    case 'contact':
    case 'call':
    case 'recording':
    case 'reminder':
    case 'file':
    case 'cheque':
    case 'template':
    case 'ivr-tree':
    case 'line': {
      const id = idOf(b);
      return id === null ? null : { screen: a, id };
    }
    case 'fax': {
      if (b === undefined) return { screen: 'fax' };
      if (b === 'send') return rest.length === 0 ? { screen: 'fax-send' } : null;
      if (b === 'routes') return rest.length === 0 ? { screen: 'fax-routes' } : null;
      if (b === 'log') {
        if (rest[0] === undefined) return { screen: 'fax-log' };
        const entry = idOf(rest[0]);
        return entry === null ? null : { screen: 'fax-log-entry', id: entry };
      }
      const id = b === 'document' || b === 'job' ? idOf(rest[0]) : null;
      return id === null ? null : b === 'job' ? { screen: 'fax-job', id } : { screen: 'fax-document', id };
    }
    case 'new-contact': {
      const number = b === undefined ? null : numberOf(b);
      return number === null ? null : { screen: 'new-contact', number };
    }
    case 'calls': {
      const tab = oneOf(CALLS_TABS, b, 'log');
      return tab && { screen: 'calls', tab };
    }
    case 'people': {
      const kind = oneOf(FILE_KINDS, b, 'staff');
      return kind && { screen: 'people', kind };
    }
    case 'attendance': {
      const tab = oneOf(ATTENDANCE_TABS, b, 'clock');
      return tab && { screen: 'attendance', tab };
    }
    case 'ivr': {
      const tab = oneOf(IVR_TABS, b, 'trees');
      return tab && { screen: 'ivr', tab };
    }
    case 'cheques': {
      if (b === 'templates' || b === 'books') return query === undefined ? { screen: b === 'books' ? 'cheque-books' : 'templates' } : null;
      if (b !== undefined) return null;
      if (query === undefined) return { screen: 'cheques', contactId: null };
      const contactId = idOf(/^contact=(\d+)$/.exec(query)?.[1]);
      return contactId === null ? null : { screen: 'cheques', contactId };
    }
    default:
      return null;
  }
}

/** The route a hash names; anything it cannot read (empty, mistyped, cut short) is the phonebook, never an error. */
export function parse(hash: string): Route {
  return parseNew(hash) ?? parseOld(hash) ?? HOME;
}

// replaceState fires no event of its own: this one tells `useRoute` the hash moved.
const REPLACED = 'monshi:route';

/** Goes to a route: a new history entry (Back returns here), or with `replace` the same entry rewritten. */
export function navigate(route: Route, opts: { replace?: boolean } = {}): void {
  const to = href(route);
  if (opts.replace) {
    if (window.location.hash === to) return;
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search + to);
    window.dispatchEvent(new Event(REPLACED));
  } else if (window.location.hash !== to) window.location.hash = to;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(REPLACED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(REPLACED, onChange);
  };
}

let cache: { hash: string; route: Route } = { hash: '\0', route: HOME };
function current(): Route {
  const hash = window.location.hash;
  if (cache.hash !== hash) cache = { hash, route: parse(hash) };
  return cache.route;
}

/** The route of the address bar, following every change of the hash (a link, Back, Forward, `navigate`). */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, current);
}
