/**
 * Splits one line of text into shaping items: same bidi level and same script, listed in visual
 * (left-to-right on the page) order. Each item is then shaped on its own by HarfBuzz, which also
 * mirrors brackets in right-to-left items, so no mirroring is done here.
 */
import bidiFactory from 'bidi-js';

export type BaseDir = 'rtl' | 'ltr';

/** The two scripts our fonts cover; other letters are shaped as Latin (the font has no glyphs for them anyway). */
export type ItemScript = 'Arab' | 'Latn';

export type TextItem = {
  /** UTF-16 offsets into the line, end exclusive. */
  start: number;
  end: number;
  /** Resolved bidi embedding level: odd = right-to-left. */
  level: number;
  script: ItemScript;
};

let bidi: ReturnType<typeof bidiFactory> | null = null;

// Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms A and B. Persian digits and
// Arabic punctuation are in these blocks, so they go with the Arabic text around them.
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
const OTHER_LETTER = /\p{L}/u;
/** Anything that could make part of a line right-to-left, or needs the full algorithm (controls). */
const MAYBE_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/**
 * Anything but Arabic-script letters, marks and punctuation, spaces, ZWNJ/ZWJ and a few neutral
 * signs: the complement holds nothing left-to-right, no number (the Arabic number signs U+0600–0605,
 * digits U+0660–0669 and U+06F0–06F9, separators U+066B–066C and U+06DD are left out) and no control.
 */
const MAYBE_LTR = /[^\u0606-\u065f\u066a\u066d-\u06dc\u06de-\u06ef\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe \u200c\u200d.,:;!?'"()«»-]/;

function scriptOf(ch: string): ItemScript | null {
  if (ARABIC.test(ch)) return 'Arab';
  return OTHER_LETTER.test(ch) ? 'Latn' : null; // null: neutral (digits, spaces, punctuation, ZWNJ, marks)
}

/** Runs of equal level, in logical order. */
function levelRuns(levels: Uint8Array, length: number): { start: number; end: number; level: number }[] {
  const runs: { start: number; end: number; level: number }[] = [];
  let start = 0;
  for (let i = 1; i <= length; i++) {
    if (i === length || levels[i] !== levels[start]) {
      runs.push({ start, end: i, level: levels[start] ?? 0 });
      start = i;
    }
  }
  return runs;
}

/** Rule L2 of UAX #9 applied to whole runs: from the highest level down to the lowest odd one, reverse every sequence at or above it. */
function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const out = runs.slice();
  const max = Math.max(0, ...out.map((r) => r.level));
  const minOdd = Math.min(...out.map((r) => (r.level % 2 === 1 ? r.level : Infinity)));
  for (let lvl = max; lvl >= minOdd; lvl--) {
    for (let i = 0; i < out.length;) {
      if ((out[i]?.level ?? 0) < lvl) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && (out[j]?.level ?? 0) >= lvl) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}

/** Splits one level run by script; neutrals join the script before them (or after them at the start). */
function splitByScript(text: string, start: number, end: number, level: number): TextItem[] {
  const items: TextItem[] = [];
  let current: ItemScript | null = null;
  let itemStart = start;
  for (let i = start; i < end; i++) {
    const s = scriptOf(text[i] ?? '');
    if (s === null || s === current) continue;
    if (current !== null) {
      items.push({ start: itemStart, end: i, level, script: current });
      itemStart = i;
    }
    current = s;
  }
  // A run of neutrals only: digits and punctuation in a right-to-left run belong to Arabic text.
  items.push({ start: itemStart, end, level, script: current ?? (level % 2 === 1 ? 'Arab' : 'Latn') });
  return items;
}

const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * Direction of the first strong letter (rule P2 of UAX #9, what `dir="auto"` does in HTML), or null
 * when the text has no letters. Isolated content (between LRI/RLI/FSI and PDI) is skipped, so a
 * phone number wrapped in an isolate does not decide the direction of its line.
 */
export function firstStrongDir(text: string): BaseDir | null {
  let depth = 0;
  for (const ch of text) {
    if (ch >= '\u2066' && ch <= '\u2068') depth++;
    else if (ch === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0 && RTL_LETTER.test(ch) && OTHER_LETTER.test(ch)) return 'rtl';
    else if (depth === 0 && OTHER_LETTER.test(ch)) return 'ltr';
  }
  return null;
}

/**
 * Items of one line (no line breaks inside) in visual order.
 * `baseDir` is the paragraph direction: 'rtl' for Persian text, 'ltr' for English text and for
 * data that reads left to right even inside Persian (phone numbers, e-mail addresses).
 */
export function itemizeLine(text: string, baseDir: BaseDir): TextItem[] {
  if (text.length === 0) return [];
  // Fast paths for the common cases (most table cells), same result as the full algorithm:
  // Latin-only text in a left-to-right paragraph, and Arabic-script letters without digits,
  // Latin or bidi controls in a right-to-left one, are each a single item.
  if (baseDir === 'ltr' && !MAYBE_RTL.test(text)) return [{ start: 0, end: text.length, level: 0, script: 'Latn' }];
  if (baseDir === 'rtl' && !MAYBE_LTR.test(text) && ARABIC.test(text)) return [{ start: 0, end: text.length, level: 1, script: 'Arab' }];
  return itemizeWithBidi(text, baseDir);
}

/** The full algorithm (bidi-js levels, runs reordered by rule L2, split by script); itemizeLine without its fast paths. */
export function itemizeWithBidi(text: string, baseDir: BaseDir): TextItem[] {
  if (text.length === 0) return [];
  bidi ??= bidiFactory();
  const { levels } = bidi.getEmbeddingLevels(text, baseDir);
  const items: TextItem[] = [];
  for (const run of visualOrder(levelRuns(levels, text.length))) {
    const parts = splitByScript(text, run.start, run.end, run.level);
    items.push(...(run.level % 2 === 1 ? parts.reverse() : parts));
  }
  return items;
}
