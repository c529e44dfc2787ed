/**
 * The cheque form's draft → ChequeInput (amounts and IDs in any digits, Jalali dates, errors on the
 * engine's field names) and the cheque screen's filters → the query (quick views in Jalali weeks and
 * months, typed ranges).
 */
import type { Cheque } from '../../src/shared/contract/cheques';
import { messages } from '../../src/renderer/i18n/messages';
import { buildChequeInput, draftFromCheque, emptyChequeDraft, type ChequeDraft } from '../../src/renderer/cheques/cheque-draft';
import { buildChequeFilter, EMPTY_FILTERS, moreCount, type FilterDraft } from '../../src/renderer/cheques/cheque-filter-draft';

const t = messages.fa;
const draft = (patch: Partial<ChequeDraft> = {}): ChequeDraft => ({
  ...emptyChequeDraft('received'),
  amount: '۱۲٬۵۰۰٬۰۰۰',
  dueDate: '۱۴۰۵/۰۹/۱۴',
  bank: 'mellat',
  partyName: 'مریم احمدی',
  ...patch,
});
const errorOf = (d: ChequeDraft) => {
  const r = buildChequeInput(d, 'jalali', t, 'fa');
  return r.ok ? null : r.error;
};

describe('buildChequeInput', () => {
  it('reads Persian digits and separators, Jalali dates, a listed or typed bank', () => {
    const r = buildChequeInput(draft({ issueDate: '1405/9/1', sayadId: '۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶' }), 'jalali', t, 'fa');
    expect(r).toEqual({
      ok: true,
      input: expect.objectContaining({
        amount: 12_500_000,
        dueDate: '2026-12-05',
        issueDate: '2026-11-22',
        bankCode: 'mellat',
        bankName: '',
        direction: 'received',
        bookId: null,
      }),
    });
    const typed = buildChequeInput(draft({ bank: 'other', bankName: 'صندوق محل' }), 'jalali', t, 'fa');
    expect(typed.ok && [typed.input.bankCode, typed.input.bankName]).toEqual([null, 'صندوق محل']);
  });

  it('names the field of the first mistake with the message the user reads', () => {
    expect(errorOf(draft({ amount: '' }))).toEqual({ field: 'amount', message: 'مبلغ را بنویسید.' });
    expect(errorOf(draft({ amount: '۱۲.۵' }))?.field).toBe('amount');
    expect(errorOf(draft({ dueDate: '' }))?.field).toBe('dueDate');
    expect(errorOf(draft({ dueDate: '', guarantee: true }))).toBeNull();
    expect(errorOf(draft({ dueDate: '1405/13/01' }))?.field).toBe('dueDate');
    expect(errorOf(draft({ sayadId: '۱۲۳' }))).toEqual({ field: 'sayadId', message: 'شناسهٔ صیاد ۱۶ رقم است؛ ۳ رقم نوشته شده.' });
    expect(errorOf(draft({ bank: '' }))?.field).toBe('bankCode');
    expect(errorOf(draft({ bank: '', bookId: 3 }))).toBeNull(); // a book brings its bank
    expect(errorOf(draft({ partyName: '  ' }))?.field).toBe('partyName');
    expect(errorOf(draft({ partyId: '0076229646' }))?.field).toBe('partyId');
    expect(errorOf(draft({ partyId: '10380284790' }))).toBeNull();
    expect(errorOf(draft({ partyId: '۱۱۱۱۱۱۱۱۱۱' }))).toEqual({ field: 'partyId', message: messages.fa.cheques.partyIdNotIssued });
  });

  it('an edited cheque comes back in the user digits and calendar', () => {
    const c = {
      direction: 'paid',
      amount: 48_500_000,
      dueDate: '2026-12-21',
      issueDate: null,
      guarantee: false,
      sayadId: '1234567890123456',
      sayadRegistered: true,
      bankCode: null,
      bankName: 'صندوق',
      branch: '',
      account: '0102',
      series: '987',
      serial: '0047120',
      contact: null,
      partyName: 'پخش البرز',
      partyId: '',
      purpose: '',
      note: '',
    } as unknown as Cheque;
    expect(draftFromCheque(c, 'jalali', 'fa')).toMatchObject({
      amount: '۴۸٬۵۰۰٬۰۰۰',
      dueDate: '۱۴۰۵/۰۹/۳۰',
      sayadId: '۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶',
      bank: 'other',
      serial: '۰۰۴۷۱۲۰',
    });
  });
});

describe('buildChequeFilter', () => {
  const f = (patch: Partial<FilterDraft>) => buildChequeFilter({ ...EMPTY_FILTERS, ...patch }, '2026-12-03', 'jalali', t);

  it('quick views: due this Iranian week and this Jalali month, overdue open cheques, bounced', () => {
    // 2026-12-03 is a Thursday: its week runs Saturday 2026-11-28 to Friday 2026-12-04; Azar 1405 is 2026-11-22…12-21.
    expect(f({ view: 'dueWeek' })).toEqual({ ok: true, filter: expect.objectContaining({ dueFrom: '2026-11-28', dueTo: '2026-12-04' }) });
    expect(f({ view: 'dueMonth' })).toEqual({ ok: true, filter: expect.objectContaining({ dueFrom: '2026-11-22', dueTo: '2026-12-21' }) });
    expect(f({ view: 'overdue', status: 'cashed' })).toEqual({
      ok: true,
      filter: expect.objectContaining({ dueTo: '2026-12-02', statuses: ['on_hand', 'deposited', 'issued'] }),
    });
    expect(f({ view: 'bounced', direction: 'paid' })).toEqual({ ok: true, filter: expect.objectContaining({ direction: 'paid', statuses: ['bounced'] }) });
    // A typed range inside the week narrows it further.
    expect(f({ view: 'dueWeek', dueFrom: '1405/09/10' })).toEqual({
      ok: true,
      filter: expect.objectContaining({ dueFrom: '2026-12-01', dueTo: '2026-12-04' }),
    });
  });

  it('typed ranges in any digits; mistakes on their field; the count of extra filters', () => {
    expect(f({ amountMin: '۱٬۰۰۰٬۰۰۰', registeredFrom: '۱۴۰۵/۰۹/۰۱', bank: 'saman', guarantee: 'only' })).toEqual({
      ok: true,
      filter: expect.objectContaining({ amountMin: 1_000_000, registeredFrom: '2026-11-22', bank: 'saman', guarantee: true }),
    });
    expect(f({ amountMax: 'زیاد' })).toEqual({ ok: false, error: { field: 'amountMax', message: t.cheques.invalidAmount } });
    expect(f({ dueTo: '1405/02/32' })).toMatchObject({ ok: false, error: { field: 'dueTo' } });
    expect(moreCount({ ...EMPTY_FILTERS, person: 'x', guarantee: 'none' })).toBe(2);
  });
});
