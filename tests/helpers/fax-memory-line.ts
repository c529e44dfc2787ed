/**
 * Two FaxPorts joined in memory, for testing the T.30 engine's decisions (fallback, repeats, RTN)
 * without modems: what one side sends, the other receives — unless the test's `tamper` drops or
 * changes it. Like a Class 1 modem, +FRM answers "other carrier" when V.21 frames arrive instead of
 * data, and every wait ends at its timeout (real timers, with the T.30 timers shortened by the test).
 */
import type { DataResult, FaxPort, FrameResult } from '../../src/fax/t30/port';
import { withFcs } from '../../src/fax/t30/frames';

export type Signal = { kind: 'frame'; octets: Uint8Array } | { kind: 'data'; modulation: number; octets: Uint8Array };
export type Side = 'caller' | 'answerer';
/** Returns what arrives instead (null: lost on the line). */
export type Tamper = (from: Side, s: Signal) => Signal | null;

class Inbox {
  readonly items: Signal[] = [];
  private wake: (() => void) | null = null;
  put(s: Signal): void {
    this.items.push(s);
    this.wake?.();
  }
  async next(timeoutMs: number): Promise<Signal | null> {
    if (this.items.length > 0) return this.items[0]!;
    const got = await new Promise<boolean>((resolve) => {
      const h = setTimeout(() => resolve(false), timeoutMs);
      this.wake = () => {
        clearTimeout(h);
        resolve(true);
      };
    });
    this.wake = null;
    return got ? this.items[0]! : null;
  }
}

export function memoryLine(tamper: Tamper = (_f, s) => s): { caller: FaxPort; answerer: FaxPort; log: string[] } {
  const inbox = { caller: new Inbox(), answerer: new Inbox() };
  const log: string[] = [];
  const port = (me: Side): FaxPort => {
    const other: Side = me === 'caller' ? 'answerer' : 'caller';
    const send = (s: Signal) => {
      const t = tamper(me, s);
      log.push(`${me} → ${s.kind === 'frame' ? `frame ${s.octets[2]!.toString(16)}` : `data ${s.modulation} ${s.octets.length}`}${t ? '' : ' (lost)'}`);
      if (t) inbox[other].put(t);
    };
    return {
      async sendFrames(frames) {
        frames.forEach((f, i) => {
          const o = Uint8Array.from(f);
          o[1] = i === frames.length - 1 ? 0x13 : 0x03;
          send({ kind: 'frame', octets: withFcs(o) });
        });
      },
      async receiveFrame(timeoutMs): Promise<FrameResult> {
        for (;;) {
          const s = await inbox[me].next(timeoutMs);
          if (!s) return { kind: 'timeout' };
          inbox[me].items.shift();
          if (s.kind === 'frame') return { kind: 'frame', octets: s.octets, fcsOk: true };
          // Data while listening for V.21: a modem hears nothing it can frame.
        }
      },
      async sendData(modulation, octets) {
        send({ kind: 'data', modulation, octets });
      },
      async receiveData(modulation, timeoutMs): Promise<DataResult> {
        const s = await inbox[me].next(timeoutMs);
        if (!s) return { kind: 'timeout' };
        if (s.kind === 'frame') return { kind: 'other-carrier' };
        inbox[me].items.shift();
        if (s.modulation !== modulation) return { kind: 'timeout' };
        return { kind: 'data', octets: s.octets };
      },
      async pause() {},
      async waitSilence() {},
    };
  };
  return { caller: port('caller'), answerer: port('answerer'), log };
}
