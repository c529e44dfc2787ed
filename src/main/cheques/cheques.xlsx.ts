/**
 * The cheque report as an Excel workbook (exceljs): one sheet for the list, one per grouping. Amounts
 * and counts are numbers (with thousands separators as a number format, so sums work in Excel);
 * dates are text in the chosen calendar (Excel has no Jalali dates). Persian sheets are right to left.
 */
// exceljs is loaded on the first export, not with the engine: reading it takes seconds on a busy PC.

export type XlsxSheet = { name: string; head: string[]; rows: (string | number)[][]; amountCols: number[] };

export async function toChequeXlsx(opts: { lang: 'fa' | 'en'; title: string; sheets: Record<string, XlsxSheet> }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Monshi';
  wb.title = opts.title;
  for (const sheet of Object.values(opts.sheets)) {
    // Sheet names may not hold []:*?/\ and are at most 31 characters.
    const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), {
      views: [{ rightToLeft: opts.lang === 'fa', state: 'frozen', ySplit: 1 }],
    });
    ws.addRow(sheet.head).font = { bold: true };
    // Empty text is an empty cell, not a cell holding ''.
    for (const r of sheet.rows) ws.addRow(r.map((v) => (v === '' ? null : v)));
    sheet.head.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      const longest = Math.max(h.length, ...sheet.rows.slice(0, 500).map((r) => String(r[i] ?? '').length));
      col.width = Math.min(40, Math.max(8, longest + 2));
      if (sheet.amountCols.includes(i) || (sheet.rows.length > 0 && sheet.rows.every((r) => typeof r[i] === 'number'))) col.numFmt = '#,##0';
    });
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.head.length } };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
