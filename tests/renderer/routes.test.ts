/** The hash routes between the popup window and the main window, and small input helpers of the Lines screen. */
import { HOME, href, parse } from '../../src/renderer/app/router';
import { draftWithNumber } from '../../src/renderer/lib/contact-draft';
import { parseSmallNumber } from '../../src/renderer/lines/small-number';
import { parsePopupRoute } from '../../src/renderer/popup/popup-window-app';

describe('routes', () => {
  it('reads the popup route and refuses a bad call id', () => {
    expect(parsePopupRoute('#popup?callId=12&number=%2B989121234567')).toEqual({ callId: 12, number: '+989121234567' });
    expect(parsePopupRoute('#popup?callId=12')).toEqual({ callId: 12, number: '' });
    expect(parsePopupRoute('#popup?callId=abc')).toBeNull();
    expect(parsePopupRoute('#popup?callId=-3')).toBeNull();
    expect(parsePopupRoute('#contact=3')).toBeNull();
  });
  // The first version's addresses stay links that open: the router reads them as aliases (router.test.ts has the rest).
  it('reads the main window routes of the first version', () => {
    expect(parse('#contact=42')).toEqual({ screen: 'contact', id: 42 });
    expect(parse('#new-contact=%2B98%20912')).toEqual({ screen: 'new-contact', number: '+98 912' });
    expect(parse('#new-contact=%E0%A4')).toEqual(HOME); // broken escape
    expect(parse('#new-contact=%20')).toEqual(HOME);
    expect(parse('#contact=x')).toEqual(HOME);
    expect(parse('#file=7')).toEqual({ screen: 'file', id: 7 });
    expect(parse('#file=')).toEqual(HOME);
    expect(parse('#voicemail')).toEqual({ screen: 'voicemail' });
    expect(parse('#voicemail=3')).toEqual(HOME);
    expect(parse('#lines')).toEqual({ screen: 'lines' });
    expect(parse('#phonebook')).toEqual(HOME);
    expect(parse('')).toEqual(HOME);
  });
  it("reads the cheque routes of a contact's list of cheques, old and new", () => {
    expect(parse('#cheque=5')).toEqual({ screen: 'cheque', id: 5 });
    expect(parse('#cheques?contact=12')).toEqual({ screen: 'cheques', contactId: 12 });
    expect(parse(href({ screen: 'cheque', id: 5 }))).toEqual({ screen: 'cheque', id: 5 });
    expect(parse(href({ screen: 'cheques', contactId: 12 }))).toEqual({ screen: 'cheques', contactId: 12 });
    expect(parse('#cheques?contact=')).toEqual(HOME);
    expect(parse('#cheques?contact=1x')).toEqual(HOME);
    expect(parse('#cheque=-1')).toEqual(HOME);
  });
});

describe('a new contact from a call', () => {
  it('files a mobile as mobile and anything else as work, keeping the number as received', () => {
    expect(draftWithNumber('09121234567').phones[0]).toMatchObject({ kind: 'mobile', number: '09121234567' });
    expect(draftWithNumber('+989121234567').phones[0]?.kind).toBe('mobile');
    expect(draftWithNumber('۰۹۱۲ ۱۲۳ ۴۵۶۷').phones[0]).toMatchObject({ kind: 'mobile', number: '۰۹۱۲ ۱۲۳ ۴۵۶۷' });
    expect(draftWithNumber('02144556677').phones[0]?.kind).toBe('work');
    expect(draftWithNumber('4556677').phones[0]?.kind).toBe('work');
  });
});

describe('small numbers typed in any digits', () => {
  it('accepts 0–20 in Persian, Arabic-Indic or ASCII digits and nothing else', () => {
    expect(parseSmallNumber('۴', 0, 20)).toBe(4);
    expect(parseSmallNumber(' ٢٠ ', 0, 20)).toBe(20);
    expect(parseSmallNumber('0', 0, 20)).toBe(0);
    expect(parseSmallNumber('21', 0, 20)).toBeNull();
    expect(parseSmallNumber('-1', 0, 20)).toBeNull();
    expect(parseSmallNumber('2.5', 0, 20)).toBeNull();
    expect(parseSmallNumber('', 0, 20)).toBeNull();
  });
});
