import type { Timers } from '../../src/telephony/transport';

/**
 * A real clock that runs `factor` times faster, for a whole fax call over a real pseudo-terminal: the
 * simulator, the Class 1 driver and the T.30 engine all wait on it, so a call of a minute on the line
 * takes seconds while bytes still cross the real pty and serialport. A manual clock cannot drive real
 * I/O; this one keeps every duration in proportion (training, frames, pacing, T.30's timers).
 */
export function fastTimers(factor: number): Timers {
  const t0 = Date.now();
  return {
    now: () => t0 + (Date.now() - t0) * factor,
    setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms) / factor),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
}
