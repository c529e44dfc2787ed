/**
 * The receive jitter buffer: packets go in as they arrive (late, early, twice, or never), frames come out
 * one per 20 ms tick in sequence order. It orders by the 16-bit RTP sequence number extended across
 * its wrap at 65535, so a wrap is just the next packet. It waits for `depth` packets before it starts
 * playing (the delay that absorbs network jitter), drops a packet that comes after its turn was played
 * (late) or that it already holds (duplicate), and fills a missing packet's turn by repeating the last
 * frame once (a gap under 20 ms is less audible so) and with silence after. When nothing has arrived for
 * `idleFrames` turns (the far end holds or stopped sending) it goes quiet and starts over on the next
 * packet, as it does on a new SSRC or a sequence jump too large to be reordering.
 * Playout follows sequence numbers, not timestamps: a timestamp jump with consecutive sequence numbers
 * (a talkspurt after silence suppression) plays on without a gap, as RFC 3550 intends.
 */
import type { Pcm } from '../../line';

export type JitterBufferOptions = {
  /** Packets held before playing starts: 2 (40 ms) suits a LAN PBX. */
  depth?: number;
  /** Packets further ahead than this restart the buffer (a new stream, not reordering). */
  maxAhead?: number;
  idleFrames?: number;
  /** Samples per frame of concealment when no packet has set it yet. */
  frameSamples?: number;
};

export type JitterStats = { received: number; late: number; duplicate: number; concealed: number; resets: number };

export type Frame = { pcm: Pcm; kind: 'audio' | 'repeat' | 'silence' };

export class JitterBuffer {
  private readonly depth: number;
  private readonly maxAhead: number;
  private readonly idleFrames: number;
  private frameSamples: number;
  private held = new Map<number, Pcm>();
  /** The extended sequence number of the next turn to play; null when idle. */
  private next: number | null = null;
  private highest = 0;
  private playing = false;
  private missing = 0;
  private last: Pcm | null = null;
  readonly stats: JitterStats = { received: 0, late: 0, duplicate: 0, concealed: 0, resets: 0 };

  constructor(o: JitterBufferOptions = {}) {
    this.depth = o.depth ?? 2;
    this.maxAhead = o.maxAhead ?? 100;
    this.idleFrames = o.idleFrames ?? 10;
    this.frameSamples = o.frameSamples ?? 160;
  }

  /** The 16-bit sequence number as a count that keeps going past 65535 (nearest to the highest seen). */
  private extend(seq: number): number {
    if (this.next === null) return seq;
    const base = this.highest;
    let ext = (base & ~0xffff) | seq;
    if (ext - base > 0x8000) ext -= 0x10000;
    else if (base - ext > 0x8000) ext += 0x10000;
    return ext;
  }

  push(seq: number, pcm: Pcm): 'held' | 'late' | 'duplicate' {
    let ext = this.extend(seq);
    // Far ahead, or far behind what was played: the far end restarted its numbering, not reordering.
    if (this.next !== null && (ext >= this.next + this.maxAhead || ext < this.next - 10 * this.maxAhead)) {
      this.reset();
      ext = seq;
    }
    if (this.next === null) {
      this.next = ext;
      this.highest = ext;
    }
    // While filling up nothing was played yet: an earlier packet is not late, it starts the stream.
    if (ext < this.next && !this.playing) this.next = ext;
    if (ext < this.next) {
      this.stats.late++;
      return 'late';
    }
    if (this.held.has(ext)) {
      this.stats.duplicate++;
      return 'duplicate';
    }
    this.held.set(ext, pcm);
    this.frameSamples = pcm.length;
    if (ext > this.highest) this.highest = ext;
    this.stats.received++;
    return 'held';
  }

  /** Starts over: the next packet begins a new stream (an SSRC change calls this). */
  reset(): void {
    if (this.next !== null) this.stats.resets++;
    this.held.clear();
    this.next = null;
    this.playing = false;
    this.missing = 0;
    this.last = null;
  }

  /** The frame for this 20 ms turn, or null while filling up or idle. */
  pop(): Frame | null {
    if (this.next === null) return null;
    if (!this.playing) {
      if (this.held.size < this.depth) {
        // A lone packet that never gets company (the stream stopped) must not sit here forever.
        if (++this.missing >= this.idleFrames) this.reset();
        return null;
      }
      this.playing = true;
      this.missing = 0;
      // Start at the earliest packet held: one that arrived first may not be the first sent.
      this.next = Math.min(...this.held.keys());
    }
    const pcm = this.held.get(this.next);
    this.next++;
    if (pcm) {
      this.held.delete(this.next - 1);
      this.missing = 0;
      this.last = pcm;
      return { pcm, kind: 'audio' };
    }
    this.missing++;
    if (this.held.size === 0 && this.missing >= this.idleFrames) {
      this.reset();
      return null;
    }
    this.stats.concealed++;
    if (this.missing === 1 && this.last) return { pcm: this.last, kind: 'repeat' };
    return { pcm: new Int16Array(this.frameSamples), kind: 'silence' };
  }

  get size(): number {
    return this.held.size;
  }
}
