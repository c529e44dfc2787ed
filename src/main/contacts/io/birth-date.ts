/**
 * Birth dates as files write them: ISO (1980-01-15), vCard basic form (19800115), dates with a time
 * (1980-01-15T00:00:00Z), Jalali (1369/02/11 — any year before 1700 is Jalali), Outlook's US form
 * (1/15/1980), and dates without a year (--0115, Apple's 1604-…). A contact stores a whole date (the
 * birthday alarm needs the year to find the Jalali anniversary), so a year-less date is reported to
 * the user, who sees it in the import preview, rather than stored with a made-up year.
 */
import { parseDateInput } from '../../../shared/text/calendar';
import { toAsciiDigits } from '../../../shared/text/digits';

export type BirthDate = { kind: 'date'; iso: string } | { kind: 'none' } | { kind: 'invalid' } | { kind: 'no_year' };

const NONE: BirthDate = { kind: 'none' };
const INVALID: BirthDate = { kind: 'invalid' };
const NO_YEAR: BirthDate = { kind: 'no_year' };

/** Years before this are Jalali: no living person's Gregorian birth year is below it, no Jalali year above it. */
const JALALI_BEFORE = 1700;

export function parseBirthDate(raw: string): BirthDate {
  const s = toAsciiDigits(raw).trim();
  if (s === '') return NONE;
  // Outlook's "0/0/00" for "not set".
  if (/^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(s)) return NONE;
  // No year (vCard --MMDD, Google --MM-DD), or year or month only.
  if (s.startsWith('--') || /^\d{4}(-\d{2})?$/.test(s)) return NO_YEAR;

  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(s) ?? /^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));

  // Year last is Outlook's US order (M/D/YYYY); a first number above 12 can only be a day.
  m = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?: .*)?$/.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y < JALALI_BEFORE) return INVALID;
    return a > 12 ? ymd(y, b, a) : ymd(y, a, b);
  }
  return INVALID;
}

/** Birth years outside this window are typos or placeholders (Apple's 1604 read as Jalali would be 2225). */
const EARLIEST = '1800-01-01';
const LATEST = '2100-12-31';

function ymd(y: number, m: number, d: number): BirthDate {
  const iso = parseDateInput(`${y}/${m}/${d}`, y < JALALI_BEFORE ? 'jalali' : 'gregorian');
  return iso && iso >= EARLIEST && iso <= LATEST ? { kind: 'date', iso } : INVALID;
}
