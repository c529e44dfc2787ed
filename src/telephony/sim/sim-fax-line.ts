/**
 * The simulated telephone line during a fax call, and the fax machine at its other end. No analog
 * modelling: what crosses the line are signals — a V.21 HDLC frame (with its FCS, as a modem hands it
 * over) or a burst of high-speed page data at one modulation — each taking the time it takes on a real
 * line (1 s of flags before a message, 300 bit/s for frames, training plus the octets at the
 * modulation's rate for data). A noisy line can be asked for: data faster than `limitBps` arrives
 * damaged (TCF then fails and T.30 falls back, as on a real bad line).
 *
 * The far fax machine is not simulated here: the simulator hands out a `FaxModemPort`-shaped end
 * (`SimFaxFarEnd`) and whoever drives the simulator runs a T.30 engine on it (tests and the demo line
 * run our own, src/fax/t30; telephony imports nothing of it). The far end's operations behave as a
 * Class 1 modem's would for its machine: a receive that hears nothing ends at its timeout, V.21 heard
 * where data was expected is 'other-carrier'; once the call is over a receive ends at once and a
 * transmit rejects, so the far machine's T.30 stops instead of calling into an empty line until T1.
 */
import type { FaxModemPort } from '../line';
import type { Timers } from '../transport';

/**
 * Impulse noise on page data faster than `aboveBps`: one bit flipped at octet `firstAt` of every burst
 * and every `everyOctets` after it. It strikes just after the carrier starts, so the first HDLC frame
 * of every burst fails its FCS — also when ECM sends that frame again — and later frames fail where the
 * period lands. A burst of only zeros (TCF) is left alone, so training passes and the damage shows in
 * the page (ECM's PPR, CTC and EOR), not as FTT.
 */
export type FaxBitErrors = { aboveBps: number; firstAt: number; everyOctets: number };

export type FaxSignal = { kind: 'frame'; octets: Uint8Array } | { kind: 'data'; modulation: number; octets: Uint8Array };

/** The far fax machine's modem: `role` 'called' answered our call, 'caller' called us. */
export type SimFaxFarEnd = FaxModemPort & {
  readonly role: 'called' | 'caller';
  /**
   * The far machine receives (sends DIS, takes our pages): the called machine always; a caller only
   * when its user pressed Start with an empty feeder during a voice call (fax-on-demand). False: it
   * sends (a caller with a document, which called with CNG).
   */
  readonly receives: boolean;
  /** The far machine hangs up (after DCN): the modem then hears no carrier. */
  hangUp(): void;
};

/** Modulation code → bit/s (T.31 Table 2). */
export const MODULATION_BPS: Record<number, number> = {
  ...{ 3: 300, 24: 2400, 48: 4800, 72: 7200, 73: 7200, 74: 7200, 96: 9600 },
  ...{ 97: 9600, 98: 9600, 121: 12000, 122: 12000, 145: 14400, 146: 14400 },
};

/** What +FTM=? / +FRM=? print: iaxmodem's list (fax-loopback.md), the usual V.17 modem's. */
export const MODULATIONS = '24,48,72,73,74,96,97,98,121,122,145,146';

/** The V.21 preamble before the first frame of a message (T.30 §5.3.1: 1 s of flags). */
export const PREAMBLE_MS = 1000;
/** Training before page data: V.17 long training is about 1.4 s, V.29 and V.27ter about 0.25 s. */
export const trainingMs = (modulation: number) => (modulation >= 73 && modulation !== 96 ? 1400 : 250);

export const frameMs = (octets: number) => Math.round(((octets + 2) * 8 * 1000) / 300);
export const dataMs = (modulation: number, octets: number) => Math.round((octets * 8 * 1000) / (MODULATION_BPS[modulation] ?? 300));

/** The HDLC FCS (ISO 3309 CRC-16, reflected 0x8408, complemented), least significant octet first. */
export function withFcs(frame: Uint8Array): Uint8Array {
  let crc = 0xffff;
  for (const byte of frame) {
    crc ^= byte;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  const fcs = ~crc & 0xffff;
  return Uint8Array.from([...frame, fcs & 0xff, fcs >> 8]);
}

/** One direction of the line: signals in arrival order, and whoever is waiting for the next. */
class Direction {
  readonly items: FaxSignal[] = [];
  private waiters = new Set<() => void>();
  put(s: FaxSignal): void {
    this.items.push(s);
    this.wakeAll();
  }
  wakeAll(): void {
    for (const w of [...this.waiters]) w();
  }
  /** Resolves true when something arrived (or the call ended), false after `ms`. */
  wait(timers: Timers, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wake = () => {
        timers.clearTimeout(h);
        this.waiters.delete(wake);
        resolve(true);
      };
      const h = timers.setTimeout(() => {
        this.waiters.delete(wake);
        resolve(false);
      }, ms);
      this.waiters.add(wake);
    });
  }
}

export class SimFaxLine {
  readonly toModem = new Direction();
  readonly toFar = new Direction();
  ended = false;
  /** When the call ended (the simulator's clock), to cut short a page that was still on the line. */
  endedAt: number | null = null;
  private endListeners = new Set<() => void>();

  constructor(
    private readonly timers: Timers,
    private readonly limitBps: number | null,
    private readonly bitErrors: FaxBitErrors | null = null,
  ) {}

  /** The call is over (either side hung up): every wait on either side ends now. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.endedAt = this.timers.now();
    this.toModem.wakeAll();
    this.toFar.wakeAll();
    for (const l of this.endListeners) l();
  }

  onEnd(listener: () => void): void {
    this.endListeners.add(listener);
  }

  /** Data as the other side's demodulator gets it: damaged when the line cannot carry the rate. */
  carry(modulation: number, octets: Uint8Array): Uint8Array {
    const bps = MODULATION_BPS[modulation] ?? 0;
    const e = this.bitErrors;
    if (e && bps > e.aboveBps && octets.some((b) => b !== 0))
      octets = octets.map((b, i) => (i >= e.firstAt && (i - e.firstAt) % e.everyOctets === 0 ? b ^ 0x08 : b));
    if (this.limitBps === null || bps <= this.limitBps) return octets;
    return octets.map((b, i) => (i % 37 === 11 ? b ^ 0x5a : b));
  }

  sleep(ms: number): Promise<void> {
    return new Promise((r) => this.timers.setTimeout(r, ms));
  }

  farEnd(role: SimFaxFarEnd['role'], receives = role === 'called'): SimFaxFarEnd {
    return endOf(this, this.timers, role, receives, this.toFar, this.toModem);
  }

  /**
   * The simulated modem's own end, as its T.30 engine uses it in Class 2/2.0 (sim-class2.ts): the same
   * operations as the far end's, from the other side of the line.
   */
  nearEnd(role: SimFaxFarEnd['role']): SimFaxFarEnd {
    return endOf(this, this.timers, role, role === 'called', this.toModem, this.toFar);
  }
}

/** One end of `line`: it hears `inbox` and talks into `outbox`. */
function endOf(line: SimFaxLine, timers: Timers, role: SimFaxFarEnd['role'], receives: boolean, inbox: Direction, outbox: Direction): SimFaxFarEnd {
  /** Once the call is over, transmitting fails at once (as a Class 1 driver's does on a closed call). */
  const over = () => {
    if (line.ended) throw new Error('The fax call is over (the line was hung up).');
  };
  /** Waits until the head of the inbox passes `accept` (taken) or the deadline; 'ended' when the call is over. */
  const next = async <T>(timeoutMs: number, look: (s: FaxSignal) => { take: boolean; value?: T }): Promise<T | 'timeout' | 'ended'> => {
    const deadline = timers.now() + timeoutMs;
    for (;;) {
      while (inbox.items.length > 0) {
        const r = look(inbox.items[0]!);
        if (r.take) inbox.items.shift();
        if (r.value !== undefined) return r.value;
      }
      if (line.ended) return 'ended';
      const left = deadline - timers.now();
      if (left <= 0 || !(await inbox.wait(timers, left))) return inbox.items.length > 0 ? next(0, look) : 'timeout';
    }
  };
  return {
    role,
    receives,
    hangUp: () => line.end(),
    async sendFrames(frames) {
      for (const [i, f] of frames.entries()) {
        over();
        await line.sleep((i === 0 ? PREAMBLE_MS : 0) + frameMs(f.length));
        over();
        const o = Uint8Array.from(f);
        o[1] = i === frames.length - 1 ? 0x13 : 0x03;
        outbox.put({ kind: 'frame', octets: withFcs(o) });
      }
    },
    async receiveFrame(timeoutMs) {
      // High-speed data heard while listening for V.21 frames is noise to the V.21 receiver: dropped.
      const r = await next(timeoutMs, (s) => (s.kind === 'frame' ? { take: true, value: s.octets } : { take: true }));
      if (r === 'ended') return { kind: 'no-carrier' };
      if (r === 'timeout') return { kind: 'timeout' };
      return { kind: 'frame', octets: r, fcsOk: true };
    },
    async sendData(modulation, octets) {
      over();
      await line.sleep(trainingMs(modulation));
      over();
      // The modem streams it as it arrives; the far end's call returns when the last octet is on the line.
      outbox.put({ kind: 'data', modulation, octets: line.carry(modulation, octets) });
      await line.sleep(dataMs(modulation, octets.length));
    },
    async receiveData(modulation, timeoutMs) {
      // V.21 where data was expected: +FCERROR (the frame stays for the next +FRH). Data at another
      // modulation does not train the demodulator: it is lost.
      const r = await next<Uint8Array | 'other'>(timeoutMs, (s) =>
        s.kind === 'frame' ? { take: false, value: 'other' } : s.modulation === modulation ? { take: true, value: s.octets } : { take: true },
      );
      if (r === 'other') return { kind: 'other-carrier' };
      if (r === 'ended' || r === 'timeout') return { kind: 'timeout' };
      return { kind: 'data', octets: r };
    },
    pause: async (ms) => (over(), line.sleep(ms)),
    waitSilence: async (ms) => (over(), line.sleep(ms)),
  };
}
