/** The hash routes between the popup window and the main window, and small input helpers of the Lines screen. */
import { chequeRoute, contactChequesRoute, parseAppRoute } from '../../src/renderer/app/routes';
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
  it('reads the main window routes', () => {
    expect(parseAppRoute('#contact=42')).toEqual({ kind: 'contact', id: 42 });
    expect(parseAppRoute('#new-contact=%2B98%20912')).toEqual({ kind: 'new-contact', number: '+98 912' });
    expect(parseAppRoute('#new-contact=%E0%A4')).toBeNull(); // broken escape
    expect(parseAppRoute('#new-contact=%20')).toBeNull();
    expect(parseAppRoute('#contact=x')).toBeNull();
    expect(parseAppRoute('#file=7')).toEqual({ kind: 'file', id: 7 });
    expect(parseAppRoute('#file=')).toBeNull();
    expect(parseAppRoute('#voicemail')).toEqual({ kind: 'voicemail' });
    expect(parseAppRoute('#voicemail=3')).toBeNull();
    expect(parseAppRoute('')).toBeNull();
  });
  it("reads the cheque routes from a contact's list of cheques", () => {
    expect(parseAppRoute(chequeRoute(5))).toEqual({ kind: 'cheque', id: 5 });
    expect(parseAppRoute(contactChequesRoute(12))).toEqual({ kind: 'contact-cheques', contactId: 12 });
    expect(parseAppRoute('#cheques?contact=')).toBeNull();
    expect(parseAppRoute('#cheques?contact=1x')).toBeNull();
    expect(parseAppRoute('#cheque=-1')).toBeNull();
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
