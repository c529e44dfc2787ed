/**
 * Reads where text is drawn in a PDF we wrote: each page's content stream is inflated and the few
 * operators our writer uses are interpreted (q, Q, cm, BT, Tm, Tf, ET), giving the origin of every
 * text object in page millimetres (origin top-left, y down) with its font size and direction. An
 * independent check of the placement maths, next to poppler's word boxes.
 */
import { inflateSync } from 'node:zlib';

export type TextOrigin = {
  page: number;
  /** Baseline start of the text object, mm from the page's top-left corner. */
  xMm: number;
  yMm: number;
  /** Direction of the text's x axis on the page, in degrees clockwise (0 = left to right). */
  angle: number;
  font: string;
  sizePt: number;
};

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/** Page content streams in page order (pdfkit writes one FlateDecode stream per page, pages in order). */
function pageStreams(pdf: Buffer): { stream: string; height: number }[] {
  const text = pdf.toString('latin1');
  const out: { stream: string; height: number }[] = [];
  const pageRe = /\/Type \/Page\b[\s\S]*?\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\][\s\S]*?\/Contents (\d+) 0 R/g;
  for (const m of text.matchAll(pageRe)) {
    const objRe = new RegExp(`(?:^|\\n)${m[3]} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`);
    const obj = objRe.exec(text);
    if (!obj) throw new Error(`content object ${m[3]} not found`);
    const start = obj.index + obj[0].length;
    const end = text.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    const body = /FlateDecode/.test(obj[1] ?? '') ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    out.push({ stream: body, height: Number(m[2]) });
  }
  return out;
}

export function textOrigins(pdf: Buffer): TextOrigin[] {
  const out: TextOrigin[] = [];
  pageStreams(pdf).forEach(({ stream, height }, pageIndex) => {
    let ctm: M = [1, 0, 0, 1, 0, 0];
    const stack: M[] = [];
    let font = '';
    let size = 0;
    let tm: M | null = null;
    const operands: string[] = [];
    for (const tok of stream.match(/\[[^\]]*\]|<[^>]*>|\/[^\s/<>[\]()]+|[^\s/<>[\]()]+/g) ?? []) {
      if (/^[-+]?[\d.]+$/.test(tok) || tok.startsWith('/') || tok.startsWith('[') || tok.startsWith('<')) {
        operands.push(tok);
        continue;
      }
      const nums = operands.map(Number);
      switch (tok) {
        case 'q':
          stack.push(ctm);
          break;
        case 'Q':
          ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
          break;
        case 'cm':
          ctm = mul(nums.slice(-6) as M, ctm);
          break;
        case 'Tf':
          font = (operands[operands.length - 2] ?? '').slice(1);
          size = nums[nums.length - 1] ?? 0;
          break;
        case 'Tm':
          tm = nums.slice(-6) as M;
          break;
        case 'ET':
          tm = null;
          break;
        case 'TJ':
          if (tm) {
            const m = mul(tm, ctm);
            out.push({
              page: pageIndex + 1,
              xMm: (m[4] / 72) * 25.4,
              yMm: ((height - m[5]) / 72) * 25.4,
              angle: Math.round((-Math.atan2(m[1], m[0]) * 180) / Math.PI + 360) % 360,
              font,
              sizePt: size,
            });
            tm = null; // one origin per text object
          }
          break;
        default:
          break;
      }
      operands.length = 0;
    }
  });
  return out;
}
