/**
 * The simulated modem's command state (modem-sim.ts feeds it the host's bytes): echo, a line collected
 * up to CR whose part after the AT prefix the simulator runs (`SimState.runLine`), and the command that
 * answers later (ATD, +VTS), which a character typed meanwhile aborts.
 */
import type { SimResult } from './sim-options';
import type { SimState } from './sim-state';

export class SimCommandLine {
  private line = '';
  /** The timer of a command that answers later (a dial, a tone); null when none runs. */
  private pending: unknown = null;

  constructor(private readonly sim: SimState) {}

  byte(byte: number): void {
    const sim = this.sim;
    if (sim.regs.echo) sim.send(Buffer.from([byte]));
    // A character typed while a dial or tone is in progress aborts it, as on real modems.
    if (this.pending !== null) {
      sim.timers.clearTimeout(this.pending);
      this.pending = null;
      sim.offHook = false;
      sim.result('NO CARRIER');
      if (byte === 0x0d) return;
    }
    if (byte === 0x0d) {
      // Like a real modem's parser, everything before the "AT" prefix is ignored, and a line without
      // one gets no answer at all (vgetty's shell scripts may print their errors onto the port).
      const line = this.line;
      const start = line.search(/at/i);
      this.line = '';
      if (start >= 0) sim.runLine(line.slice(start + 2).trim());
      return;
    }
    if (byte === 0x0a) return;
    if (byte === 0x08 || byte === 0x7f) {
      this.line = this.line.slice(0, -1);
      return;
    }
    if (this.line.length < 256) this.line += String.fromCharCode(byte);
    // Until the prefix arrives only the last character can matter (it may be the 'A').
    if (this.line.length > 1 && !/at/i.test(this.line)) this.line = this.line.slice(-1);
  }

  /** A command of the line answers later: `handle` is its timer, until finishPending or an abort. */
  answersLater(handle: unknown): void {
    this.pending = handle;
  }

  /** A command that answered later is done: the pending marker goes, then its result (if any). */
  finishPending(code: SimResult | null): void {
    this.pending = null;
    if (code !== null) this.sim.result(code);
  }

  /** A half-typed line is lost (reset, DTR dropped). */
  clearLine(): void {
    this.line = '';
  }

  /** The command that would answer later never does (DTR dropped, a spontaneous reset). */
  cancelPending(): void {
    if (this.pending !== null) this.sim.timers.clearTimeout(this.pending);
    this.pending = null;
  }
}
