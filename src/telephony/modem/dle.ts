/**
 * DLE shielding (reference §2): in voice data states 0x10 escapes. From the modem: <DLE><DLE> is a
 * data 0x10, <DLE><SUB> two of them, <DLE><ETX> ends the data, any other <DLE>x is an event — also in
 * command state while off hook. A held key arrives as <DLE>/<DLE>5<DLE>5<DLE>5<DLE>~: repeats inside
 * the shield are one press (vgetty counts only the first; callattendant fixed the same bug).
 */
export const DLE = 0x10;
export const ETX = 0x03;

export type DleEvent =
  | { kind: 'dtmf'; digit: string }
  | { kind: 'tone'; tone: 'fax-calling' | 'data-calling' | 'answer-tone' | 'busy' | 'dial-tone' | 'ringback' | 'silence' | 'quiet' }
  | { kind: 'hangup' } // loop-current interruption
  | { kind: 'ring' }
  /** A telephone on the line: the one on the modem's PHONE socket (handset) or an extension, lifted or put down. */
  | { kind: 'phone'; phone: 'handset' | 'extension'; offHook: boolean }
  | { kind: 'underrun' }
  | { kind: 'overrun' }
  | { kind: 'end' } // <DLE><ETX>
  | { kind: 'other'; code: string };

const TONES: Record<string, DleEvent> = {
  c: { kind: 'tone', tone: 'fax-calling' },
  m: { kind: 'tone', tone: 'fax-calling' },
  e: { kind: 'tone', tone: 'data-calling' },
  a: { kind: 'tone', tone: 'answer-tone' },
  f: { kind: 'tone', tone: 'answer-tone' },
  b: { kind: 'tone', tone: 'busy' },
  K: { kind: 'tone', tone: 'busy' },
  d: { kind: 'tone', tone: 'dial-tone' },
  i: { kind: 'tone', tone: 'dial-tone' },
  r: { kind: 'tone', tone: 'ringback' },
  s: { kind: 'tone', tone: 'silence' },
  q: { kind: 'tone', tone: 'quiet' },
  l: { kind: 'hangup' },
  R: { kind: 'ring' },
  // vgetty's mapping (V.253 events 8 and 24); Rockwell reports the handset lifted as 't'.
  H: { kind: 'phone', phone: 'handset', offHook: true },
  h: { kind: 'phone', phone: 'handset', offHook: false },
  t: { kind: 'phone', phone: 'handset', offHook: true },
  P: { kind: 'phone', phone: 'extension', offHook: true },
  p: { kind: 'phone', phone: 'extension', offHook: false },
  u: { kind: 'underrun' },
  o: { kind: 'overrun' },
};

/** Decodes the modem → host byte stream; `data` gets audio bytes (only in a data state). */
export class DleDecoder {
  private escaped = false;
  private shielded = false;
  private lastShielded: string | null = null;

  constructor(private readonly onEvent: (e: DleEvent) => void) {}

  /** Forgets a half-received escape and key (the modem left its voice state on its own). */
  reset(): void {
    this.escaped = false;
    this.shielded = false;
    this.lastShielded = null;
  }

  /** Feeds bytes; returns the data bytes (when `dataState`) or the text bytes (command state). */
  feed(chunk: Uint8Array, dataState: boolean): { bytes: number[]; rest: Uint8Array | null } {
    const bytes: number[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (this.escaped) {
        this.escaped = false;
        if (b === DLE) {
          if (dataState) bytes.push(DLE);
        } else if (b === 0x1a) {
          if (dataState) bytes.push(DLE, DLE);
        } else if (b === ETX) {
          this.onEvent({ kind: 'end' });
          // What follows <DLE><ETX> is command-state text again (the OK).
          return { bytes, rest: chunk.subarray(i + 1) };
        } else this.code(String.fromCharCode(b));
      } else if (b === DLE) this.escaped = true;
      else bytes.push(b);
    }
    return { bytes, rest: null };
  }

  private code(c: string): void {
    if (c === '/') {
      this.shielded = true;
      this.lastShielded = null;
      return;
    }
    if (c === '~') {
      this.shielded = false;
      this.lastShielded = null;
      return;
    }
    if (/^[0-9*#A-D]$/.test(c)) {
      if (this.shielded && this.lastShielded === c) return;
      this.lastShielded = c;
      this.onEvent({ kind: 'dtmf', digit: c });
      return;
    }
    this.onEvent(TONES[c] ?? { kind: 'other', code: c });
  }
}

/** Shields outgoing audio: every 0x10 doubled. */
export function shield(data: Uint8Array): Uint8Array {
  let n = 0;
  for (const b of data) if (b === DLE) n++;
  if (n === 0) return data;
  const out = new Uint8Array(data.length + n);
  let j = 0;
  for (const b of data) {
    out[j++] = b;
    if (b === DLE) out[j++] = DLE;
  }
  return out;
}
