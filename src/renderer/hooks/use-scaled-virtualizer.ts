/**
 * @tanstack/react-virtual for fixed-height rows, made to work past the browser's limit on element
 * height (about 33 million px in Chromium, less elsewhere): 1,000,000 rows of 52 px would be 52
 * million. The scroll area is capped at MAX_REAL_PX and the real scroll offset is mapped linearly onto
 * the virtual one, so the scrollbar still spans the whole list and its end reaches the last row.
 * Below the cap the scale is 1 and this is the plain virtualizer.
 */
import { elementScroll, observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

// Below every engine's limit (Firefox's is the lowest, near 17.9 million px).
const MAX_REAL_PX = 15_000_000;

export type ScaledVirtualizer = {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  /** Height of the scrollable spacer in real pixels. */
  realHeight: number;
  /** Real top (inside the spacer) of a row, given its virtual start. */
  realTop: (virtualStart: number) => number;
  /** Scrolls the least needed to show row `index` entirely. */
  scrollIntoView: (index: number) => void;
  scrollToTop: () => void;
};

export function useScaledVirtualizer(count: number, rowHeight: number, scrollRef: RefObject<HTMLDivElement | null>): ScaledVirtualizer {
  const virtualHeight = count * rowHeight;
  const realHeight = Math.min(virtualHeight, MAX_REAL_PX);
  const viewport = scrollRef.current?.clientHeight ?? 0;
  const scale = realHeight === virtualHeight || realHeight <= viewport ? 1 : (virtualHeight - viewport) / (realHeight - viewport);
  const scaleRef = useRef(scale);
  scaleRef.current = scale;

  const virtualizer = useVirtualizer<HTMLDivElement, Element>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    observeElementOffset: (instance, cb) => observeElementOffset(instance, (offset, isScrolling) => cb(offset * scaleRef.current, isScrolling)),
    scrollToFn: (offset, options, instance) => elementScroll(offset / scaleRef.current, options, instance),
  });

  // With a scale above 1 a wheel notch would move `scale` times as many rows as usual; scroll the
  // real offset by delta / scale instead, so the wheel feels the same at any list length.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || scale === 1) return;
    let carry = 0; // sub-pixel remainder, so small touchpad deltas still add up
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.deltaY === 0) return;
      e.preventDefault();
      const px = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaMode === 2 ? e.deltaY * el.clientHeight : e.deltaY;
      const total = carry + px / scale;
      const step = Math.trunc(total);
      carry = total - step;
      el.scrollTop += step;
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scale, scrollRef]);

  // A new scale (the count changed) makes the virtualizer's last offset stale: report it again.
  useLayoutEffect(() => {
    scrollRef.current?.dispatchEvent(new Event('scroll'));
  }, [scale, scrollRef]);

  const offset = virtualizer.scrollOffset ?? 0;
  // One whole-pixel shift for all rows, so they stay crisp and exactly rowHeight apart.
  const shift = Math.round(offset - offset / scale);
  return {
    virtualizer,
    realHeight,
    realTop: (start) => start - shift,
    scrollIntoView(index) {
      const el = scrollRef.current;
      if (!el) return;
      const k = scaleRef.current;
      const top = index * rowHeight;
      const seen = el.scrollTop * k;
      if (top < seen) el.scrollTop = Math.floor(top / k);
      else if (top + rowHeight > seen + el.clientHeight) el.scrollTop = Math.ceil((top + rowHeight - el.clientHeight) / k);
    },
    scrollToTop() {
      if (scrollRef.current) scrollRef.current.scrollTop = 0;
    },
  };
}
