/** The main window's router: every route has one address, the address reads back as the same route, and no address throws. */
import { FILE_KINDS } from '../../src/shared/contract/people';
import { screenOf, TAB_HOMES, tabRoute } from '../../src/renderer/app/route-memory';
import { ATTENDANCE_TABS, CALLS_TABS, HOME, href, IVR_TABS, newContactRoute, parse, type Route } from '../../src/renderer/app/router';

/** One of every route the app has, each tab and each record kind; a new route kind is a compile error here until listed. */
const EVERY: { [S in Route['screen']]: Extract<Route, { screen: S }>[] } = {
  dashboard: [{ screen: 'dashboard' }],
  phonebook: [{ screen: 'phonebook' }],
  contact: [
    { screen: 'contact', id: 12 },
    { screen: 'contact', id: 999_999_999_999 },
  ],
  'new-contact': [
    { screen: 'new-contact', number: '09121234567' },
    { screen: 'new-contact', number: '+98 912 / ۱۲۳#?&' },
  ],
  calls: CALLS_TABS.map((tab) => ({ screen: 'calls', tab })),
  call: [{ screen: 'call', id: 31 }],
  recording: [{ screen: 'recording', id: 9 }],
  reminders: [{ screen: 'reminders' }],
  reminder: [{ screen: 'reminder', id: 3 }],
  people: FILE_KINDS.map((kind) => ({ screen: 'people', kind })),
  file: [{ screen: 'file', id: 7 }],
  attendance: ATTENDANCE_TABS.map((tab) => ({ screen: 'attendance', tab })),
  cheques: [
    { screen: 'cheques', contactId: null },
    { screen: 'cheques', contactId: 12 },
  ],
  cheque: [{ screen: 'cheque', id: 5 }],
  'cheque-books': [{ screen: 'cheque-books' }],
  templates: [{ screen: 'templates' }],
  template: [{ screen: 'template', id: 2 }],
  'ivr-tree': [{ screen: 'ivr-tree', id: 4 }],
  line: [{ screen: 'line', id: 1 }],
  ivr: IVR_TABS.map((tab) => ({ screen: 'ivr', tab })),
  voicemail: [{ screen: 'voicemail' }],
  lines: [{ screen: 'lines' }],
  fax: [{ screen: 'fax' }],
  'fax-document': [{ screen: 'fax-document', id: 4 }],
  'fax-send': [{ screen: 'fax-send' }],
  'fax-job': [{ screen: 'fax-job', id: 7 }],
  'fax-log': [{ screen: 'fax-log' }],
  'fax-log-entry': [{ screen: 'fax-log-entry', id: 7 }],
  'fax-routes': [{ screen: 'fax-routes' }],
  settings: [{ screen: 'settings' }],
  audit: [{ screen: 'audit' }],
  duplicates: [{ screen: 'duplicates' }],
};
const ALL: Route[] = Object.values(EVERY).flat();

describe('router', () => {
  it('reads every route back from its address, and writes every address back the same', () => {
    for (const route of ALL) {
      const h = href(route);
      expect(h).toMatch(/^#\//);
      expect(parse(h)).toEqual(route);
      expect(href(parse(h))).toBe(h);
    }
    // Every route has its own address.
    expect(new Set(ALL.map(href)).size).toBe(ALL.length);
  });

  it('writes the addresses the docs name', () => {
    expect(href({ screen: 'contact', id: 12 })).toBe('#/contact/12');
    expect(href({ screen: 'call', id: 31 })).toBe('#/call/31');
    expect(href({ screen: 'calls', tab: 'log' })).toBe('#/calls');
    expect(href({ screen: 'calls', tab: 'report' })).toBe('#/calls/report');
    expect(href({ screen: 'cheques', contactId: 3 })).toBe('#/cheques?contact=3');
    expect(href({ screen: 'templates' })).toBe('#/cheques/templates');
    expect(href({ screen: 'fax-document', id: 4 })).toBe('#/fax/document/4');
    expect(href({ screen: 'fax-send' })).toBe('#/fax/send');
    expect(href({ screen: 'fax-job', id: 7 })).toBe('#/fax/job/7');
    expect(href({ screen: 'fax-log' })).toBe('#/fax/log');
    expect(href({ screen: 'fax-log-entry', id: 7 })).toBe('#/fax/log/7');
    expect(href({ screen: 'people', kind: 'applicant' })).toBe('#/people/applicant');
    expect(href({ screen: 'new-contact', number: '+98 912' })).toBe('#/new-contact/%2B98%20912');
    // A first tab named in full is the same place.
    expect(parse('#/calls/log')).toEqual({ screen: 'calls', tab: 'log' });
    expect(parse('#/people/staff')).toEqual({ screen: 'people', kind: 'staff' });
  });

  it('gives the phonebook for any address it cannot read, never an error', () => {
    const bad = [
      '',
      '#',
      '#/',
      '#/nowhere',
      '#/contact',
      '#/contact/',
      '#/contact/0',
      '#/contact/-1',
      '#/contact/1.5',
      '#/contact/12/x',
      '#/contact/1e3',
      '#/contact/99999999999999999999',
      '#/calls/nope',
      '#/call',
      '#/call/0',
      '#/call/x',
      '#/call/12/notes',
      '#/people/boss',
      '#/ivr/x',
      '#/attendance/report/2',
      '#/cheques?contact=x',
      '#/cheques?contact=',
      '#/cheques?kind=1',
      '#/cheques/templates?contact=1',
      '#/cheques/books/1',
      '#/lines/3',
      '#/fax/3',
      '#/fax/document',
      '#/fax/document/0',
      '#/fax/document/4/x',
      '#/fax/log/0',
      '#/fax/log/7/x',
      '#/fax/page/4',
      '#/template/x',
      '#/ivr-tree/',
      '#/new-contact/',
      '#/new-contact/%20%20',
      '#/new-contact/%E0%A4',
      `#/new-contact/${'1'.repeat(41)}`,
      '#/settings?x',
      '#/%',
      '#popup?callId=3',
      '#/contact/١٢',
      'contact/12',
      '#/__proto__',
      '#/constructor/1',
      '#__proto__',
      '#/toString',
    ];
    for (const h of bad) expect(parse(h)).toEqual(HOME);
  });

  it('takes a number from a call into a new-contact link trimmed and cut to length', () => {
    expect(newContactRoute('  0912 123 4567 ')).toEqual({ screen: 'new-contact', number: '0912 123 4567' });
    expect(newContactRoute('   ')).toEqual(HOME);
    const long = newContactRoute('9'.repeat(60));
    expect(parse(href(long))).toEqual(long);
  });

  it('puts every route under one header tab, and each tab returns to a place of its own', () => {
    for (const route of ALL) {
      const tab = screenOf(route);
      expect(TAB_HOMES[tab]).toBeDefined();
      expect(screenOf(tabRoute(route) ?? TAB_HOMES[tab])).toBe(tab);
      expect(screenOf(TAB_HOMES[tab])).toBe(tab);
    }
    // A record in a dialog is not opened again by its tab; one in place (a contact beside the list) is.
    expect(tabRoute({ screen: 'cheque', id: 5 })).toEqual({ screen: 'cheques', contactId: null });
    expect(tabRoute({ screen: 'contact', id: 5 })).toEqual({ screen: 'contact', id: 5 });
    expect(tabRoute({ screen: 'template', id: 2 })).toEqual({ screen: 'template', id: 2 });
    // The new-contact form leaves the phonebook's place as it was (the contact open under it).
    expect(tabRoute({ screen: 'new-contact', number: '0912' })).toBeNull();
    // So does one call's page over the Calls tab: the tab returns to the log or report it was opened from.
    expect(tabRoute({ screen: 'call', id: 31 })).toBeNull();
    expect(screenOf({ screen: 'call', id: 31 })).toBe('calls');
  });
});
