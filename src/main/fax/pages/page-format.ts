/**
 * The geometry of a fax page (T.4 §2): 1728 pixels across 215 mm (204 pixels per inch), and 3.85 lines
 * per mm (98 lines per inch, "standard") or 7.7 (196, "fine") down the paper's length. Pixels are not
 * square: a standard pixel is twice as tall as it is wide, so a drawing keeps its shape only when each
 * direction is scaled by its own resolution.
 */
import { STANDARD_WIDTH } from '../../../fax';

export type FaxPaper = 'a4' | 'letter';
export type FaxResolution = 'standard' | 'fine';
export type FaxPageFormat = { paper: FaxPaper; resolution: FaxResolution };

export const DEFAULT_FORMAT: FaxPageFormat = { paper: 'a4', resolution: 'standard' };

/** Pixels per inch across the line (T.4: 1728 on 215 mm). */
export const X_DPI = 204;
/** Lines per inch as TIFF YResolution records them. */
export const lpi = (r: FaxResolution): number => (r === 'fine' ? 196 : 98);
const LINES_PER_MM: Record<FaxResolution, number> = { standard: 3.85, fine: 7.7 };

/** Paper size in points (1/72 inch). */
export const PAPER_PT: Record<FaxPaper, readonly [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

export type PageGeometry = {
  /** 1728. */
  width: number;
  /** Lines on the paper: A4 1143 / 2287, letter 1076 / 2151. */
  height: number;
  /** Pixels per point across and down. */
  sx: number;
  sy: number;
  /** The area an image or a PDF page is fitted into, in points: the paper's width (at most the 215 mm the line scans) and length. */
  boxW: number;
  boxH: number;
};

export function pageGeometry(f: FaxPageFormat): PageGeometry {
  const sx = X_DPI / 72;
  // From lines per mm (T.4's own figure) rather than the rounded 98/196 per inch, so the paper's length is its line count.
  const sy = (LINES_PER_MM[f.resolution] * 25.4) / 72;
  const [paperW, paperH] = PAPER_PT[f.paper];
  return {
    width: STANDARD_WIDTH,
    height: Math.round(paperH * sy),
    sx,
    sy,
    boxW: Math.min(paperW, STANDARD_WIDTH / sx),
    boxH: paperH,
  };
}

/**
 * Where a source of w × h points goes on the page: scaled to fit the paper (its width, or its length when
 * the source is longer than the paper's shape), keeping its shape, centred across and at the top.
 * Returned in pixels.
 */
export function fitOnPage(g: PageGeometry, w: number, h: number): { x: number; y: number; w: number; h: number } {
  const scale = Math.min(g.boxW / w, g.boxH / h);
  const pw = w * scale * g.sx;
  const ph = h * scale * g.sy;
  return { x: (g.width - pw) / 2, y: 0, w: pw, h: ph };
}

/** True when a source is landscape (wider than long), so it is turned a quarter to fill the portrait page as fax programs do. */
export const turnsOnPage = (w: number, h: number): boolean => w > h * 1.05;
