/** Where the in-app caller cards go: a corner that leaves the call's controls (the demo keypad) uncovered. */
import { clearCorner, cornerRect } from '../../src/renderer/popup/keep-clear';

const view = { width: 1280, height: 800, top: 101, rtl: true };
const size = { width: 380, height: 230 };

it('places the stack at the inline end (left in Persian, right in English), bottom first', () => {
  expect(cornerRect('bottom-end', size, view)).toEqual({ x: 16, y: 554, width: 380, height: 230 });
  expect(cornerRect('bottom-end', size, { ...view, rtl: false })).toEqual({ x: 884, y: 554, width: 380, height: 230 });
  expect(cornerRect('top-start', size, view)).toEqual({ x: 884, y: 117, width: 380, height: 230 });
  expect(clearCorner(size, view, [])).toBe('bottom-end');
});

it('moves off a keypad in its corner, to the first free corner', () => {
  const keypad = { x: 134, y: 445, width: 180, height: 195 }; // the demo caller's keys, bottom left in Persian
  expect(clearCorner(size, view, [keypad])).toBe('bottom-start');
  const ring = { x: 900, y: 600, width: 80, height: 36 };
  expect(clearCorner(size, view, [keypad, ring])).toBe('top-end');
});

it('when every corner covers something, takes the one that covers least', () => {
  const everywhere = [
    { x: 0, y: 500, width: 1280, height: 300 },
    { x: 0, y: 100, width: 600, height: 300 },
    { x: 700, y: 300, width: 580, height: 10 },
  ];
  expect(clearCorner(size, view, everywhere)).toBe('top-start');
});
