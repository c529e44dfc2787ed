/**
 * The amount in words under the cheque form's amount (the printer's Persian words, rials and toman),
 * a contact's cheque summary from the totals by status, and the cheque book's filter by contact.
 */
import { amountWordsOf } from '../../src/renderer/cheques/amount-words';
import { buildChequeFilter, EMPTY_FILTERS } from '../../src/renderer/cheques/cheque-filter-draft';
import { contactChequeSummary } from '../../src/renderer/cheques/contact-cheque-summary';
import { messages } from '../../src/renderer/i18n/messages';
import { parseAmount } from '../../src/shared/text/amount';

describe('amount in words under the amount', () => {
  it('reads back what the cheque will say, from what the clerk typed in any digits', () => {
    expect(amountWordsOf(parseAmount('۱۲۵٬۰۰۰٬۰۰۰'), false)).toEqual({ rials: 'یکصد و بیست و پنج میلیون ریال', toman: null });
    expect(amountWordsOf(parseAmount('48,500,000'), true)).toEqual({
      rials: 'چهل و هشت میلیون و پانصد هزار ریال',
      toman: 'چهار میلیون و هشتصد و پنجاه هزار تومان',
    });
  });
  it('keeps the rials a toman amount cannot say, and reaches the largest amount', () => {
    expect(amountWordsOf(12_345, true)?.toman).toBe('یک هزار و دویست و سی و چهار تومان و پنج ریال');
    expect(amountWordsOf(7, true)).toEqual({ rials: 'هفت ریال', toman: 'هفت ریال' });
    expect(amountWordsOf(999_999_999_999_999, false)?.rials).toBe(
      'نهصد و نود و نه هزار و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه ریال',
    );
  });
  it('shows nothing for an empty or invalid amount', () => {
    expect(amountWordsOf(parseAmount(''), true)).toBeNull();
    expect(amountWordsOf(parseAmount('۱۲.۵'), true)).toBeNull();
    expect(amountWordsOf(parseAmount('1000000000000000'), false)).toBeNull(); // above the largest amount
    expect(amountWordsOf(0, false)).toBeNull();
  });
});

describe("a contact's cheque summary", () => {
  it('counts each way, sums what is still open each way, and lists statuses in their order', () => {
    const s = contactChequeSummary([
      { direction: 'paid', status: 'cleared', count: 2, amount: 5_000_000 },
      { direction: 'received', status: 'cashed', count: 1, amount: 40_000_000 },
      { direction: 'received', status: 'deposited', count: 1, amount: 7_000_000 },
      { direction: 'paid', status: 'issued', count: 1, amount: 20_000_000 },
      { direction: 'received', status: 'on_hand', count: 2, amount: 30_000_000 },
      { direction: 'received', status: 'bounced', count: 1, amount: 9_000_000 },
    ]);
    expect(s.all).toBe(8);
    expect(s.received).toEqual({ count: 5, openCount: 3, openAmount: 37_000_000 });
    expect(s.paid).toEqual({ count: 3, openCount: 1, openAmount: 20_000_000 });
    expect(s.byStatus.map((x) => `${x.direction}:${x.status}:${x.count}`)).toEqual([
      'received:on_hand:2',
      'received:deposited:1',
      'received:cashed:1',
      'received:bounced:1',
      'paid:issued:1',
      'paid:cleared:2',
    ]);
  });
  it('is empty for a contact without cheques', () => {
    expect(contactChequeSummary([])).toEqual({
      all: 0,
      received: { count: 0, openCount: 0, openAmount: 0 },
      paid: { count: 0, openCount: 0, openAmount: 0 },
      byStatus: [],
    });
  });
});

describe('the cheque book filtered to a contact', () => {
  it('asks the engine for that contact only, with the other filters as they are', () => {
    const r = buildChequeFilter({ ...EMPTY_FILTERS, contact: { id: 12, name: 'مریم احمدی' }, direction: 'paid' }, '2026-11-01', 'jalali', messages.fa);
    expect(r.ok && [r.filter.contactId, r.filter.direction]).toEqual([12, 'paid']);
    const none = buildChequeFilter(EMPTY_FILTERS, '2026-11-01', 'jalali', messages.fa);
    expect(none.ok && none.filter.contactId).toBeNull();
  });
});
