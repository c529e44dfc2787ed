/**
 * Line-level layout on top of the shaper: truncation with an ellipsis and word wrapping.
 * Everything is measured on shaped text, so widths are those of joined Persian letters, not of
 * isolated characters.
 */
import type { BaseDir, Shaper } from './text-shaper';

export type TextStyle = { fontPath: string; sizePt: number; baseDir: BaseDir };

export const ELLIPSIS = '\u2026';
/** Points from the right edge within which a line's estimated width is checked by shaping the whole line. */
const NEAR_EDGE = 2;

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Grapheme boundaries (UTF-16 offsets), so a cut never splits a letter from its marks or a surrogate pair. */
function graphemeEnds(text: string): number[] {
  const ends: number[] = [];
  for (const { index, segment } of graphemeSegmenter.segment(text)) ends.push(index + segment.length);
  return ends;
}

/** Longest grapheme prefix for which `fits(prefix)` holds (binary search; widths grow with length). */
function longestFitting(text: string, fits: (prefix: string) => boolean): string {
  const ends = graphemeEnds(text);
  let lo = 0;
  let hi = ends.length; // answer: number of graphemes kept, in [0, ends.length]
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(text.slice(0, ends[mid - 1]))) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : text.slice(0, ends[lo - 1]);
}

/** The text as is if it fits `maxWidth` points, otherwise its longest start that fits with '…' after it. */
export function truncateToWidth(shaper: Shaper, text: string, style: TextStyle, maxWidth: number): string {
  const width = (s: string) => shaper.measure(s, style.fontPath, style.sizePt, style.baseDir);
  if (width(text) <= maxWidth) return text;
  const kept = longestFitting(text, (p) => width(p.trimEnd() + ELLIPSIS) <= maxWidth).trimEnd();
  return kept === '' ? (width(ELLIPSIS) <= maxWidth ? ELLIPSIS : '') : kept + ELLIPSIS;
}

/**
 * Breaks text into lines no wider than `maxWidth` points. '\n' starts a new paragraph (an empty
 * line stays empty); lines break at spaces, and a word wider than the whole line is cut between
 * graphemes. Each returned line is later shaped (and bidi-reordered) on its own, as UAX #9 says.
 */
export function wrapText(shaper: Shaper, text: string, style: TextStyle, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    lines.push(...wrapParagraph(shaper, paragraph.trim(), style, maxWidth));
  }
  return lines;
}

function wrapParagraph(shaper: Shaper, paragraph: string, style: TextStyle, maxWidth: number): string[] {
  const width = (s: string) => shaper.measure(s, style.fontPath, style.sizePt, style.baseDir);
  if (width(paragraph) <= maxWidth) return [paragraph];
  const space = width(' ');
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  const flush = () => {
    if (line.length > 0) lines.push(line.join(' '));
    line = [];
    lineWidth = 0;
  };
  for (let word of paragraph.split(/ +/)) {
    // Words are measured alone (spaces break Persian joining, so a word shapes the same inside a line).
    let w = width(word);
    const estimate = lineWidth + space + w;
    // Word widths summed are exact unless the font kerns across spaces; near the edge, measure the real line.
    if (line.length > 0 && (estimate > maxWidth || (estimate > maxWidth - NEAR_EDGE && width(`${line.join(' ')} ${word}`) > maxWidth))) flush();
    while (w > maxWidth) {
      const head = longestFitting(word, (p) => width(p) <= maxWidth) || (graphemeSegmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? word);
      lines.push(head);
      word = word.slice(head.length);
      w = width(word);
    }
    if (word === '') continue;
    lineWidth += (line.length > 0 ? space : 0) + w;
    line.push(word);
  }
  flush();
  return lines;
}
