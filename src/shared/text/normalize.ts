/**
 * Text normalisation shared by engine and UI.
 *
 * Two levels: `normalizeInput` is applied to everything a user types before it is stored (Arabic
 * letter forms become Persian ones, digits stay as typed); `foldForSearch` is applied to both the
 * stored search terms and the query, so that ZWNJ, diacritics, tatweel, letter variants, case and
 * digit scripts never stop a match.
 */
import { toAsciiDigits } from './digits';

const ARABIC_TO_PERSIAN: Record<string, string> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0643': '\u06a9', // ك → ک
};

/** Stored form of user text: Arabic ي/ى/ك → Persian ی/ک, NFC, trimmed, inner whitespace collapsed. */
export function normalizeInput(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064a\u0649\u0643]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch)
    .replace(/[\t\r\n\u00a0 ]+/g, ' ')
    .trim();
}

/** Like normalizeInput but keeps line breaks (for notes and addresses). */
export function normalizeMultiline(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064a\u0649\u0643]/g, (ch) => ARABIC_TO_PERSIAN[ch] ?? ch)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\t\u00a0 ]+/g, ' ').trimEnd())
    .join('\n')
    .trim();
}

// Applied after NFD, which has already split آ أ إ ؤ ئ ۀ into a base letter and a combining mark.
const SEARCH_LETTER_FOLD: Record<string, string> = {
  '\u064a': '\u06cc', // ي → ی
  '\u0649': '\u06cc', // ى → ی
  '\u0643': '\u06a9', // ك → ک
  '\u0671': '\u0627', // ٱ → ا
  '\u0629': '\u0647', // ة → ه
  '\u06d5': '\u0647', // ە (base of ۀ) → ه
};

/**
 * Search key of a text: ZWNJ/ZWJ, diacritics (harakat, hamza and madda marks, superscript alef) and
 * tatweel removed, Arabic and variant letters folded, digits made ASCII, Latin lower-cased and
 * stripped of accents, whitespace collapsed. Idempotent.
 */
export function foldForSearch(s: string): string {
  return toAsciiDigits(s)
    .normalize('NFD')
    .replace(/[\u200b-\u200f\u064b-\u065f\u0670\u0640\u0300-\u036f]/g, '')
    .replace(/[\u064a\u0649\u0643\u0671\u0629\u06d5]/g, (ch) => SEARCH_LETTER_FOLD[ch] ?? ch)
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Words of a folded text: runs of letters and digits (punctuation separates words). */
export function searchWords(folded: string): string[] {
  return folded
    .split(/[^\p{L}\p{N}@.+_-]+/u)
    .map((w) => w.replace(/^[.+_-]+|[.+_-]+$/g, ''))
    .filter((w) => w.length > 0);
}
