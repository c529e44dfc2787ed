/**
 * Birth dates as files write them: ISO (1980-01-15), vCard basic form (19800115), dates with a time
 * (1980-01-15T00:00:00Z), Jalali (1369/02/11 — any year before 1700 is Jalali), Outlook's US form
 * (1/15/1980), and dates without a year (--0115), which we cannot store and so drop.
 */
import { parseDateInput } from '../../../shared/text/calendar';
import { toAsciiDigits } from '../../../shared/text/digits';

export type BirthDate = { kind: 'date'; iso: string } | { kind: 'none' } | { kind: 'invalid' };

const NONE: BirthDate = { kind: 'none' };
const INVALID: BirthDate = { kind: 'invalid' };

/** Years before this are Jalali: no living person's Gregorian birth year is below it, no Jalali year above it. */
const JALALI_BEFORE = 1700;

export function parseBirthDate(raw: string): BirthDate {
  const s = toAsciiDigits(raw).trim();
  if (s === '') return NONE;
  // No year (vCard --MMDD, Google --MM-DD), year or month only, or Outlook's "0/0/00" for "not set".
  if (s.startsWith('--') || /^\d{4}(-\d{2})?$/.test(s) || /^0{1,2}[/.-]0{1,2}[/.-]0{2,4}$/.test(s)) return NONE;

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
