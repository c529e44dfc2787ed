/** Axis arithmetic for the report charts: round tick steps and which labels fit. */

/** A step of 1, 2 or 5 × 10ⁿ that splits `max` into about `parts` intervals (at least 1). */
export function niceStep(max: number, parts = 4): number {
  const raw = Math.max(1, max / parts);
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/** Tick values from 0 to the first multiple of the step at or above `max` (at least one step). */
export function ticksFor(max: number, parts = 4): number[] {
  const step = niceStep(max, parts);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(v);
  return out;
}

/** Label every n-th slot so that labels of `labelPx` width never overlap in `slotPx` wide slots. */
export function labelEvery(slotPx: number, labelPx: number): number {
  if (slotPx <= 0) return 1;
  const raw = Math.ceil(labelPx / slotPx);
  // Steps people read easily: 1, 2, 3, 5, 7 (a week), 10, 15, 30, …
  return [1, 2, 3, 5, 7, 10, 15, 30, 60, 90].find((s) => s >= raw) ?? raw;
}
