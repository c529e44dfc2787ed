/**
 * Cheque report files read back with real tools: the PDF with poppler's pdftotext (Persian shaped,
 * Jalali months, Persian digits; English too), the workbook with exceljs (numbers stay numbers,
 * Persian sheets right to left), and the CSV as Excel opens it (UTF-8 with BOM).
 */
import ExcelJS from 'exceljs';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { describeWithPoppler, pageCount, pdfText, rasterise, savePdf } from '../print/helpers/poppler';

const maybe = describeWithPoppler;
const NOW = new Date(2026, 10, 11, 10, 0);

describe('cheque report files', () => {
  let dir: string;
  let e: TestEngine;
  beforeAll(async () => {
    dir = tempDir();
    e = testEngine(dir, () => NOW, { noAlarms: true });
    const base = { bankCode: 'mellat' as const };
    const a = await e.ok('cheques/create', {
      ...base,
      direction: 'received',
      amount: 125_000_000,
      dueDate: '2026-11-21',
      partyName: 'شرکت آسیا تک',
      serial: '456789',
      series: '123',
    });
    await e.ok('cheques/create', { ...base, direction: 'received', amount: 20_000_000, dueDate: '2026-11-22', partyName: 'Maryam Ahmadi', bankCode: 'saman' });
    await e.ok('cheques/create', { ...base, direction: 'paid', amount: 40_000_000, dueDate: '2026-12-22', partyName: 'پخش البرز' });
    await e.ok('cheques/set-status', { id: a.id, status: 'deposited', date: '2026-11-11' });
    await e.ok('cheques/set-status', { id: a.id, status: 'bounced', date: '2026-11-11' });
  });
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });

  const squash = (t: string) => t.replace(/\s+/g, '');

  maybe('PDF', () => {
    test('Persian: title, totals, statuses, Jalali months, the list with Persian digits', async () => {
      const out = await e.ok('cheques/export', { format: 'pdf' }, 'fa');
      expect([out.mime, out.count]).toEqual(['application/pdf', 3]);
      const file = savePdf('cheques-report-fa', Buffer.from(out.base64, 'base64'));
      rasterise(file, 'cheques-report-fa');
      expect(pageCount(file)).toBe(1);
      const text = squash(pdfText(file));
      for (const s of [
        'گزارش چک‌ها',
        'دریافتی',
        'چک—۱۴۵٬۰۰۰٬۰۰۰ریال',
        'پرداختی',
        'چک—۴۰٬۰۰۰٬۰۰۰ریال',
        'جمع بر پایهٔ وضعیت',
        'برگشتی',
        'نزد صندوق',
        'پاس نشده',
        'جمع بر پایهٔ ماه سررسید',
        'آبان۱۴۰۵',
        'آذر۱۴۰۵',
        'دی۱۴۰۵',
        'شرکت آسیا تک',
        'MaryamAhmadi',
        'پخش البرز',
        '۱۲۵٬۰۰۰٬۰۰۰',
        '۱۴۰۵/۰۸/۳۰',
        'بانک ملت',
        '۱۲۳/۴۵۶۷۸۹',
      ]) {
        expect([s, text.includes(squash(s))]).toEqual([s, true]);
      }
    });

    test('English, filtered to bounced cheques with its own title', async () => {
      const out = await e.ok('cheques/export', { format: 'pdf', statuses: ['bounced'], title: 'Bounced cheques' }, 'en');
      expect(out.count).toBe(1);
      const file = savePdf('cheques-report-en', Buffer.from(out.base64, 'base64'));
      rasterise(file, 'cheques-report-en');
      const text = pdfText(file);
      for (const s of ['Bounced cheques', 'Received: 1 cheque — 125,000,000 rials', 'Totals by status', 'Bounced', 'Aban 1405', 'Bank Mellat', '125,000,000'])
        expect([s, text.includes(s)]).toEqual([s, true]);
      expect(text).not.toContain('Maryam');
    });
  });

  test('Excel: the list, by status and by month; amounts are numbers; Persian sheets run right to left', async () => {
    const out = await e.ok('cheques/export', { format: 'xlsx' }, 'fa');
    expect(out.fileName).toMatch(/^cheques-1405-08-20\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['چک‌ها', 'بر پایه وضعیت', 'بر پایه ماه']);
    const list = wb.worksheets[0]!;
    expect(list.views[0]).toMatchObject({ rightToLeft: true });
    expect(list.getRow(1).getCell(10).value).toBe('مبلغ (ریال)');
    expect(list.rowCount).toBe(4);
    expect(list.getRow(2).values).toEqual([
      undefined,
      '1405/08/30',
      'دریافتی',
      'شرکت آسیا تک',
      undefined,
      'بانک ملت',
      undefined,
      undefined,
      '123/456789',
      undefined,
      125_000_000,
      'برگشتی',
      undefined,
      undefined,
      '1405/08/20',
    ]);
    expect(list.getColumn(10).numFmt).toBe('#,##0');
    const months = wb.worksheets[2]!;
    expect([2, 3, 4].map((r) => months.getRow(r).values)).toEqual([
      [undefined, 'آبان 1405', 'دریافتی', 1, 125_000_000],
      [undefined, 'آذر 1405', 'دریافتی', 1, 20_000_000],
      [undefined, 'دی 1405', 'پرداختی', 1, 40_000_000],
    ]);
  });

  test('CSV: UTF-8 with a BOM, ASCII digits, the groupings after the list', async () => {
    const out = await e.ok('cheques/export', { format: 'csv' }, 'en');
    const bytes = Buffer.from(out.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Due,Type,Payer / payee,National/legal ID,Bank,Branch,Account,Series/serial,Sayad ID,Amount (rials),Status,Purpose,Issued,Registered',
    );
    expect(lines[1]).toBe('1405/08/30,Received,شرکت آسیا تک,,Bank Mellat,,,123/456789,,125000000,Bounced,,,1405/08/20');
    expect(lines).toContain('Totals by due month');
    expect(lines).toContain('Dey 1405,Paid,1,40000000');
  });
});
