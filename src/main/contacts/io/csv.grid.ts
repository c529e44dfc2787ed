/**
 * CSV as a grid of cells (RFC 4180 plus what spreadsheets really write): delimiter detection, quoted
 * cells with line breaks, and quoting for output.
 *
 * Not papaparse: the import preview names the physical line where each record starts, and a quoted
 * cell with line breaks moves every later record down, so the reader has to count line breaks inside
 * quotes itself — which is most of a CSV reader anyway.
 */
import { looksLikePhone } from '../../../shared/text/phone';
import { ImportParseError } from './record';

export type CsvRow = { line: number; cells: string[] };
export type Delimiter = ',' | ';' | '\t';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * The delimiter, from Excel's "sep=;" hint line if present, else the most frequent of , ; and tab
 * outside quotes in the header line (ties go to ',').
 */
export function detectDelimiter(text: string): { delimiter: Delimiter; hintLine: boolean } {
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  const hint = /^sep=([,;\t])\s*$/i.exec(firstLine);
  if (hint) return { delimiter: hint[1] as Delimiter, hintLine: true };
  const counts = new Map<Delimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return { delimiter: best, hintLine: false };
}

/**
 * All rows, each with the 1-based physical line where it starts. Blank lines come back as rows with
 * one empty cell (the caller skips them). A quote that never closes is an error at the line where it
 * opened; a quote inside an unquoted cell is kept as a character, as spreadsheets do.
 */
export function readRows(text: string, delimiter: Delimiter, firstLine = 1): CsvRow[] {
  const rows: CsvRow[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let cells: string[] = [];
  let cell = '';
  let atCellStart = true;
  let line = firstLine;
  let rowLine = firstLine;
  let i = 0;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (atCellStart && ch === QUOTE) {
      const openedAt = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new ImportParseError(openedAt, 'bad_line', 'a quoted cell is never closed');
        const chunk = text.slice(i, q);
        cell += chunk;
        line += lineBreaks(chunk);
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      atCellStart = false;
    } else if (ch === d) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (ch === CR || ch === LF) {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      rowLine = ++line;
    } else {
      let j = i + 1;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === d || c === CR || c === LF) break;
      }
      cell += text.slice(i, j);
      atCellStart = false;
      i = j;
    }
  }
  if (cells.length > 0 || cell !== '') {
    cells.push(cell);
    rows.push({ line: rowLine, cells });
  }
  return rows;
}

function lineBreaks(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}

// Spreadsheets run a cell starting with = @ + - as a formula ("CSV injection"). Such cells are written
// with a leading apostrophe, which readCell removes again. Phone numbers (+98…) and negative numbers
// are safe and left alone; a value that itself starts with apostrophes before one of these characters
// gets one more, so the mapping stays reversible.
const GUARDED = /^'*[=+\-@]/;
const ESCAPED = /^'+[=+\-@]/;

/** Cells that may need a guard or quotes (besides those holding the delimiter). */
const MAY_NEED_WORK = /^['=+\-@\s]|["\r\n]|\s$/;

function needsGuard(v: string): boolean {
  if (!GUARDED.test(v)) return false;
  return v.startsWith("'") || v.startsWith('=') || v.startsWith('@') || !looksLikePhone(v);
}

/** A cell ready for output: formula-guarded, then quoted when it holds a delimiter, quote or line break. */
export function quoteCell(v: string, delimiter: Delimiter = ','): string {
  if (v === '' || (!MAY_NEED_WORK.test(v) && !v.includes(delimiter))) return v;
  const safe = needsGuard(v) ? `'${v}` : v;
  return safe.includes(delimiter) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes quoteCell's formula guard. */
export function readCell(v: string): string {
  return ESCAPED.test(v) ? v.slice(1) : v;
}
