/**
 * HDLC at the bit level, for ECM page data (T.30 Annex A): a Class 1 modem frames only V.21, so at the
 * page rate the DTE sends the flags (0x7E), zero-bit insertion and the FCS itself, and takes them off
 * again when receiving. Octets go least significant bit first, as the modem sends them.
 */
import { frameCheck } from './frames';

const FLAG = 0x7e;

/** Collects bits, least significant first, into octets. */
class BitSink {
  private readonly out: number[] = [];
  private cur = 0;
  private n = 0;
  bit(b: number): void {
    if (b) this.cur |= 1 << this.n;
    if (++this.n === 8) {
      this.out.push(this.cur);
      this.cur = 0;
      this.n = 0;
    }
  }
  octet(o: number): void {
    for (let i = 0; i < 8; i++) this.bit((o >> i) & 1);
  }
  finish(): Uint8Array {
    while (this.n !== 0) this.bit(0);
    return Uint8Array.from(this.out);
  }
}

/**
 * Frames (address, control, FCF, FIF; no FCS) as a bit stream: `preambleFlags` flags, then each frame
 * with its FCS and a zero after every five ones, each followed by a flag. Ends with flags to the octet.
 */
export function hdlcEncode(frames: readonly Uint8Array[], preambleFlags = 32): Uint8Array {
  const s = new BitSink();
  for (let i = 0; i < preambleFlags; i++) s.octet(FLAG);
  for (const f of frames) {
    const fcs = frameCheck(f);
    let ones = 0;
    const put = (o: number) => {
      for (let i = 0; i < 8; i++) {
        const b = (o >> i) & 1;
        s.bit(b);
        ones = b ? ones + 1 : 0;
        if (ones === 5) {
          s.bit(0);
          ones = 0;
        }
      }
    };
    for (const o of f) put(o);
    put(fcs & 0xff);
    put(fcs >> 8);
    s.octet(FLAG);
  }
  s.octet(FLAG);
  return s.finish();
}

/**
 * The frames with a good FCS found in a bit stream (the FCS removed). Frames that fail the check, that
 * are aborted (seven ones) or shorter than address + control + FCF + FCS are dropped: ECM asks for
 * them again by number.
 */
export function hdlcDecode(stream: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let cur: number[] = [];
  let inFrame = false; // false until the first flag, and after an abort
  let octet = 0;
  let nbits = 0;
  let ones = 0;
  const total = stream.length * 8;
  const end = () => {
    if (inFrame && nbits === 0 && cur.length >= 5) {
      const f = Uint8Array.from(cur);
      if (frameCheck(f, f.length - 2) === (f[f.length - 2]! | (f[f.length - 1]! << 8))) frames.push(f.subarray(0, f.length - 2));
    }
    cur = [];
    inFrame = true;
    octet = 0;
    nbits = 0;
  };
  for (let i = 0; i < total; i++) {
    const b = (stream[i >> 3]! >> (i & 7)) & 1;
    if (b) {
      ones++;
      if (ones > 6) {
        inFrame = false; // abort: wait for the next flag
        continue;
      }
    } else {
      if (ones === 6) {
        // 0111 1110: a flag. The six ones and the leading zero were taken as data bits: drop them.
        if (inFrame) {
          nbits -= 7;
          while (nbits < 0 && cur.length > 0) {
            octet = cur.pop()!;
            nbits += 8;
          }
          if (nbits < 0) nbits = 0;
          octet &= (1 << nbits) - 1;
        }
        end();
        ones = 0;
        continue;
      }
      if (ones === 5) {
        ones = 0; // a stuffed zero
        continue;
      }
      ones = 0;
    }
    if (!inFrame) continue;
    octet |= b << nbits;
    if (++nbits === 8) {
      cur.push(octet);
      octet = 0;
      nbits = 0;
    }
  }
  return frames;
}
