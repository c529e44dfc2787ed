/**
 * Two small pieces of the lines service: the demo panel's ring (the caller the user typed, checked and
 * handed to the simulator) and how a line's refusal becomes the error the user reads.
 */
import type { DemoCallInput } from '../../shared/contract/calls';
import { toAsciiDigits } from '../../shared/text/digits';
import { LineError, type Line, type ModemSimulator } from '../../telephony';
import { AppError, validationError } from '../kernel/app-error';

/** Rings the demo line's simulator with the caller of the demo panel. */
export function ringDemo(sim: ModemSimulator, input: Omit<DemoCallInput, 'lineId'>): void {
  const format = input.format ?? 'formatted';
  // Typed in any digits and with spaces or dashes; the network sends ASCII digits only.
  const typed = toAsciiDigits(input.number ?? '').trim();
  const number = typed.replace(/[\s().-]/g, '');
  if (typed && !/^\+?[\d*#]+$/.test(number)) throw validationError('line.bad_caller_number', 'number', { value: input.number ?? '' });
  sim.ring({
    number,
    name: input.name ?? '',
    format: format === 'formatted' ? 'mdmf' : format === 'formatted-nospace' ? 'formatted-nospace' : format,
    beforeFirstRing: input.beforeFirstRing,
    rings: input.rings,
    fax: input.fax,
  });
}

/** A LineError as the user's error: a busy line, or one not connected (with what the line says); anything else as it is. */
export function lineAppError(e: unknown, line: Line): never {
  if (e instanceof LineError) {
    if (e.code === 'bad-state') throw new AppError('line/busy', 'line.busy', {}, 'lineId');
    throw new AppError('line/unavailable', 'line.not_connected', { detail: line.info().detail ?? e.message }, 'lineId');
  }
  throw e;
}
