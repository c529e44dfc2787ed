/**
 * Numeric voice parameters (+VSD, +VDR, +VGT …) the way firmware treats them: the range a profile
 * declares is what `AT+X=?` prints and what `AT+X=…` is checked against, so a value outside it gets
 * ERROR and leaves the setting as it was — vgetty's `AT+VSD=40,70` on a Conexant, for one.
 */

/** One parameter of a profile: its V.250 range text (`(0,127,128,129),(0-255)`) and its reset value. */
export type SimParamSpec = { range: string; initial: string };

type Allowed = (v: number) => boolean;

/** `(0,127,128,129),(0-255)` → one test per sub-parameter. */
export function parseRange(range: string): Allowed[] {
  return [...range.matchAll(/\(([^)]*)\)/g)].map((m) => {
    const items = m[1]!.split(',').map((item) => {
      const [lo, hi] = item.split('-').map((x) => Number(x.trim()));
      return { lo: lo!, hi: hi ?? lo! };
    });
    return (v: number) => items.some(({ lo, hi }) => v >= lo && v <= hi);
  });
}

/**
 * The new value of a parameter after `AT+X=<arg>`, or null for ERROR. Sub-parameters left empty keep
 * their current value (V.250); more sub-parameters than the range has, or a non-number, is an error.
 */
export function applyParam(spec: SimParamSpec, current: number[], arg: string): number[] | null {
  const allowed = parseRange(spec.range);
  const parts = arg.split(',').map((x) => x.trim());
  if (parts.length > allowed.length) return null;
  const next = [...current];
  for (const [i, part] of parts.entries()) {
    if (part === '') continue;
    if (!/^\d+$/.test(part) || !allowed[i]!(Number(part))) return null;
    next[i] = Number(part);
  }
  return next;
}

export function initialValue(spec: SimParamSpec): number[] {
  return spec.initial.split(',').map(Number);
}
