import { useLayoutEffect, useState } from 'react';
import { clearCorner, type Corner, type Rect } from './keep-clear';

/**
 * Re-checks a few times a second while cards are shown: the controls to keep clear come and go with
 * the screen, the demo caller's status line reflows them, and a card grows when a note is opened —
 * events for all of these would cost more code than these few rectangle reads.
 */
const CHECK_MS = 250;

/** The rectangles to keep clear: each marked element's children (a keypad's keys, a row's buttons), or the element itself. */
function avoidRects(): Rect[] {
  const out: Rect[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-keep-clear]')) {
    const parts = el.children.length ? [...el.children] : [el];
    for (const p of parts) {
      const r = p.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
    }
  }
  return out;
}

/** The corner the caller cards should take (see keep-clear.ts); 'bottom-end' until the stack is on screen. */
export function useClearCorner(stack: HTMLElement | null): Corner {
  const [corner, setCorner] = useState<Corner>('bottom-end');
  // Layout effect: the first placement happens before the card is painted, so it never flashes over the keypad.
  useLayoutEffect(() => {
    if (!stack) return;
    const check = () => {
      const size = { width: stack.offsetWidth, height: stack.offsetHeight };
      const main = document.querySelector('.app-main')?.getBoundingClientRect().top ?? 0;
      // The top corners start below the header and the call bar (popup.css reads this).
      stack.style.setProperty('--page-top', `${main}px`);
      const view = { width: window.innerWidth, height: window.innerHeight, top: main, rtl: getComputedStyle(stack).direction === 'rtl' };
      setCorner(clearCorner(size, view, avoidRects()));
    };
    check();
    const timer = setInterval(check, CHECK_MS);
    window.addEventListener('resize', check);
    return () => {
      clearInterval(timer);
      window.removeEventListener('resize', check);
    };
  }, [stack]);
  return corner;
}
