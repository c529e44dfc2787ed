/**
 * An incoming call while it rings, for the voice-modem line: the rings counted, the caller ID put
 * together from what the modem prints around them (caller-id.assembler.ts), and the end of ringing
 * noticed — a modem says nothing when the caller gives up, so a call with no RING (and no caller ID)
 * for `timeoutMs` has stopped ringing. The line decides what each means for its status and events;
 * this part only keeps the count, the assembler and the one timer.
 */
import { CallerIdAssembler } from '../caller-id/caller-id.assembler';
import type { CallerId } from '../line';
import type { Timers } from '../transport';

export type RingingEvents = {
  /** A caller ID is complete (the ring timeout was re-armed first: it counts as a sign of life). */
  callerId(cid: CallerId): void;
  /** No RING for the timeout: the caller gave up (the line checks it is still ringing). */
  stopped(): void;
};

export class Ringing {
  private count = 0;
  private timer: unknown = null;
  private readonly assembler: CallerIdAssembler;

  constructor(
    private readonly timers: Timers,
    private readonly timeoutMs: number,
    private readonly on: RingingEvents,
  ) {
    this.assembler = new CallerIdAssembler({ timers }, (cid) => {
      this.arm();
      on.callerId(cid);
    });
  }

  /**
   * A RING: counted and the timeout re-armed. `heard` runs with the count before the assembler sees
   * the ring, so the line's 'ring' event comes before any caller ID that this ring completes.
   */
  ring(heard: (count: number) => void): void {
    this.count++;
    this.arm();
    heard(this.count);
    this.assembler.ring(this.count);
  }

  /** A line the modem printed between rings: a caller-ID field, maybe. */
  line(text: string): void {
    this.assembler.line(text);
  }

  /** A DTMF digit heard on hook: part of a DTMF caller ID. */
  dtmf(digit: string): void {
    this.assembler.dtmf(digit);
  }

  /** The call no longer stops by itself: answered, taken at a telephone, or the device went. */
  clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The call is over: the next RING is the first of a new call. */
  reset(): void {
    this.clearTimer();
    this.count = 0;
    this.assembler.reset();
  }

  private arm(): void {
    this.clearTimer();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.on.stopped();
    }, this.timeoutMs);
  }
}
