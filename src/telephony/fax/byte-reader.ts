/**
 * The modem's byte stream as the Class 1 driver reads it: result lines in command state, DLE-shielded
 * data in data states (T.31 §4: <DLE><DLE> is a data 0x10, <DLE><ETX> ends the data, <DLE><SUB> is two
 * 0x10 when +FDD=1, any other <DLE>x is dropped), and XON/XOFF flow control while we transmit.
 * Every wait has a deadline on the injected timers, and a closed port fails every wait at once.
 */
import type { Timers } from '../transport';

const DLE = 0x10;
const ETX = 0x03;
const SUB = 0x1a;
const XON = 0x11;
const XOFF = 0x13;

export class PortClosedError extends Error {}

export class ByteReader {
  private buf = new Uint8Array(0);
  private wake: (() => void) | null = null;
  private closedWith: Error | null = null;
  /** While transmitting data, XON/XOFF are flow control, not data: they are taken out and tracked here. */
  private flowControl = false;
  private xoff = false;
  private xonWaiter: (() => void) | null = null;
  /** A result line ended with CR as the last byte we had: its LF may come first in the next chunk. */
  private pendingLf = false;

  constructor(private readonly timers: Timers) {}

  push(chunk: Uint8Array): void {
    let bytes = chunk;
    if (this.flowControl) {
      const kept: number[] = [];
      for (const b of chunk) {
        if (b === XOFF) this.xoff = true;
        else if (b === XON) {
          this.xoff = false;
          this.xonWaiter?.();
        } else kept.push(b);
      }
      bytes = Uint8Array.from(kept);
    }
    if (this.pendingLf && bytes.length > 0) {
      this.pendingLf = false;
      if (bytes[0] === 0x0a) bytes = bytes.subarray(1);
    }
    if (bytes.length === 0) return;
    const next = new Uint8Array(this.buf.length + bytes.length);
    next.set(this.buf);
    next.set(bytes, this.buf.length);
    this.buf = next;
    this.wake?.();
  }

  close(err: Error): void {
    this.closedWith = err;
    this.wake?.();
    this.xonWaiter?.();
  }

  setFlowControl(on: boolean): void {
    this.flowControl = on;
    if (!on) {
      this.xoff = false;
      return;
    }
    // An XOFF may have come in the same read as CONNECT, before we knew it was flow control.
    const kept: number[] = [];
    for (const b of this.buf) {
      if (b === XOFF) this.xoff = true;
      else if (b === XON) this.xoff = false;
      else kept.push(b);
    }
    this.buf = Uint8Array.from(kept);
  }

  get paused(): boolean {
    return this.xoff;
  }

  /** Resolves when the modem sends XON (or after `ms`, so a lost XON cannot stall a page forever). */
  waitXon(ms: number): Promise<void> {
    if (!this.xoff) return Promise.resolve();
    return new Promise((resolve) => {
      const h = this.timers.setTimeout(() => done(), ms);
      const done = () => {
        this.timers.clearTimeout(h);
        this.xonWaiter = null;
        resolve();
      };
      this.xonWaiter = done;
    });
  }

  /** Waits for one of `bytes` (a Class 2 modem's XON or DC2 before page data), dropping what came before it; false at the deadline. */
  async waitByte(bytes: readonly number[], deadline: number): Promise<boolean> {
    for (;;) {
      const i = this.buf.findIndex((b) => bytes.includes(b));
      if (i >= 0) {
        this.buf = this.buf.slice(i + 1);
        return true;
      }
      if (!(await this.more(deadline))) return false;
    }
  }

  /** Drops what has arrived and not been read (stale results before a new command). */
  discard(): void {
    this.buf = new Uint8Array(0);
  }

  /** Waits until more bytes arrive; false at the deadline. */
  private more(deadline: number): Promise<boolean> {
    if (this.closedWith) return Promise.reject(new PortClosedError(this.closedWith.message));
    const left = deadline - this.timers.now();
    if (left <= 0) return Promise.resolve(false);
    return new Promise((resolve, reject) => {
      const h = this.timers.setTimeout(() => {
        this.wake = null;
        resolve(false);
      }, left);
      this.wake = () => {
        this.wake = null;
        this.timers.clearTimeout(h);
        if (this.closedWith) reject(new PortClosedError(this.closedWith.message));
        else resolve(true);
      };
    });
  }

  /** The next non-empty text line (control characters other than CR/LF, and <DLE>x events, ignored), or null at the deadline. */
  async line(deadline: number): Promise<string | null> {
    for (;;) {
      let start = 0;
      while (start < this.buf.length && (this.buf[start] === 0x0d || this.buf[start] === 0x0a)) start++;
      let end = start;
      while (end < this.buf.length && this.buf[end] !== 0x0d && this.buf[end] !== 0x0a) end++;
      if (end < this.buf.length && end > start) {
        let text = '';
        for (let i = start; i < end; i++) {
          // <DLE>x in command state is a shielded event (a voice-mode key or tone the modem still reports), not text.
          if (this.buf[i] === DLE) i++;
          else if (this.buf[i]! >= 0x20) text += String.fromCharCode(this.buf[i]!);
        }
        // "\r\nCONNECT\r\n": the LF after the line is part of it, not the first byte of the data that follows.
        const lf = this.buf[end] === 0x0d && end + 1 < this.buf.length && this.buf[end + 1] === 0x0a;
        this.pendingLf = this.buf[end] === 0x0d && end + 1 === this.buf.length;
        this.buf = this.buf.slice(end + (lf ? 2 : 1));
        if (text.trim() !== '') return text.trim();
        continue;
      }
      if (start > 0) this.buf = this.buf.slice(start);
      if (!(await this.more(deadline))) return null;
    }
  }

  /**
   * Data up to <DLE><ETX>, unshielded, or null at the deadline (what came so far is then lost: the
   * caller cancels the receive). The bytes after <DLE><ETX> stay for `line`.
   */
  async shielded(deadline: number): Promise<Uint8Array | null> {
    const parts: Uint8Array[] = [];
    let total = 0;
    let pos = 0;
    for (;;) {
      const out = new Uint8Array(this.buf.length);
      let n = 0;
      let i = pos;
      let ended = false;
      for (; i < this.buf.length; i++) {
        const b = this.buf[i]!;
        if (b !== DLE) {
          out[n++] = b;
          continue;
        }
        if (i + 1 >= this.buf.length) break; // a DLE whose partner has not arrived
        const c = this.buf[++i]!;
        if (c === DLE) out[n++] = DLE;
        else if (c === SUB) {
          out[n++] = DLE;
          out[n++] = DLE;
        } else if (c === ETX) {
          ended = true;
          i++;
          break;
        }
      }
      parts.push(out.subarray(0, n));
      total += n;
      this.buf = this.buf.slice(i);
      pos = 0;
      if (ended) {
        const all = new Uint8Array(total);
        let at = 0;
        for (const p of parts) {
          all.set(p, at);
          at += p.length;
        }
        return all;
      }
      if (!(await this.more(deadline))) return null;
    }
  }
}

/** Data with every 0x10 doubled, then <DLE><ETX> (T.31 §4: what the DTE sends in a data state). */
export function shield(data: Uint8Array, end = true): Uint8Array {
  let dles = 0;
  for (const b of data) if (b === DLE) dles++;
  const out = new Uint8Array(data.length + dles + (end ? 2 : 0));
  let n = 0;
  for (const b of data) {
    out[n++] = b;
    if (b === DLE) out[n++] = DLE;
  }
  if (end) {
    out[n++] = DLE;
    out[n++] = ETX;
  }
  return out;
}

/**
 * The lines a modem sends up to and including a RING (what came with it: a caller ID, a DRON/DROF),
 * or null at the deadline; both fax drivers wait for an incoming call this way.
 */
export async function linesUntilRing(readLine: (deadline: number) => Promise<string | null>, deadline: number): Promise<string[] | null> {
  const lines: string[] = [];
  for (;;) {
    const l = await readLine(deadline);
    if (l === null) return null;
    lines.push(l);
    if (/^RING\b/.test(l) || l.endsWith('RING')) return lines;
  }
}
