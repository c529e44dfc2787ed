/**
 * Where the in-app caller cards go: a corner of the window that leaves the controls the call needs
 * uncovered. Elements marked `data-keep-clear` (the demo caller's Ring button and keypad, the Lines
 * screen's demo panel) are never under a card when some corner is free of them; otherwise the corner
 * that covers least. Pure geometry, so it is tested without a browser.
 */
export type Rect = { x: number; y: number; width: number; height: number };
export type Corner = 'bottom-end' | 'bottom-start' | 'top-end' | 'top-start';
export const CORNERS: readonly Corner[] = ['bottom-end', 'bottom-start', 'top-end', 'top-start'];

/** The gap between a card and the window's edge (as popup.css places it). */
export const EDGE = 16;

const overlap = (a: Rect, b: Rect): number =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/** The box a stack of `size` takes in `corner`; `top` is where the page below the header and call bar starts. */
export function cornerRect(corner: Corner, size: { width: number; height: number }, view: { width: number; height: number; top: number; rtl: boolean }): Rect {
  const end = corner.endsWith('end');
  const right = end !== view.rtl; // inline-end is the right edge in LTR, the left in RTL
  const x = right ? view.width - EDGE - size.width : EDGE;
  const y = corner.startsWith('bottom') ? view.height - EDGE - size.height : view.top + EDGE;
  return { x, y, width: size.width, height: size.height };
}

/** The first corner (in CORNERS order) that covers none of `avoid`; if none is free, the one covering least. */
export function clearCorner(
  size: { width: number; height: number },
  view: { width: number; height: number; top: number; rtl: boolean },
  avoid: readonly Rect[],
): Corner {
  let best: Corner = 'bottom-end';
  let least = Infinity;
  for (const c of CORNERS) {
    const r = cornerRect(c, size, view);
    const covered = avoid.reduce((sum, a) => sum + overlap(r, a), 0);
    if (covered === 0) return c;
    if (covered < least) {
      least = covered;
      best = c;
    }
  }
  return best;
}
