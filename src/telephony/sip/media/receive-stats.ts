/**
 * What the receiver of one RTP source counts for its reports (RFC 3550 §6.4.1 and appendix A.1, A.3, A.8):
 * the extended highest sequence number, packets expected and received, the cumulative and interval loss,
 * and the interarrival jitter in timestamp units. A new SSRC starts a fresh count (`restart`).
 */

export class ReceiveStats {
  private base = 0;
  private maxSeq = 0;
  private cycles = 0;
  private started = false;
  received = 0;
  /** Interarrival jitter in timestamp units (8 kHz: 8 per ms), RFC 3550's running estimate. */
  jitter = 0;
  private lastTransit: number | null = null;
  private expectedPrior = 0;
  private receivedPrior = 0;

  restart(): void {
    this.started = false;
    this.received = 0;
    this.jitter = 0;
    this.lastTransit = null;
    this.expectedPrior = 0;
    this.receivedPrior = 0;
    this.cycles = 0;
  }

  /** One packet in: its sequence number, RTP timestamp and arrival time in the same units (samples). */
  update(seq: number, timestamp: number, arrival: number): void {
    if (!this.started) {
      this.started = true;
      this.base = seq;
      this.maxSeq = seq;
    } else {
      const delta = (seq - this.maxSeq) & 0xffff;
      if (delta > 0 && delta < 0x8000) {
        if (seq < this.maxSeq) this.cycles += 0x10000;
        this.maxSeq = seq;
      }
    }
    this.received++;
    // Transit times differ by a constant clock offset, which cancels in the difference (A.8).
    const transit = arrival - timestamp;
    if (this.lastTransit !== null) {
      let d = transit - this.lastTransit;
      // A timestamp jump over 2^31 is a wrap of the 32-bit RTP timestamp.
      if (d > 0x80000000) d -= 0x100000000;
      if (d < -0x80000000) d += 0x100000000;
      this.jitter += (Math.abs(d) - this.jitter) / 16;
    }
    this.lastTransit = transit;
  }

  get extendedMax(): number {
    return this.cycles + this.maxSeq;
  }

  get expected(): number {
    return this.started ? this.extendedMax - this.base + 1 : 0;
  }

  /** Cumulative packets lost (negative with duplicates, as RFC 3550 allows; clamped to 0 for display). */
  get lost(): number {
    return Math.max(0, this.expected - this.received);
  }

  /** The fraction lost since the last call, as the 8-bit fixed point of a report block (A.3). */
  takeFractionLost(): number {
    const expectedInterval = this.expected - this.expectedPrior;
    const receivedInterval = this.received - this.receivedPrior;
    this.expectedPrior = this.expected;
    this.receivedPrior = this.received;
    const lostInterval = expectedInterval - receivedInterval;
    return expectedInterval === 0 || lostInterval <= 0 ? 0 : Math.floor((lostInterval << 8) / expectedInterval);
  }

  get active(): boolean {
    return this.started;
  }
}
