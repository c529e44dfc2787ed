/**
 * The simulator as a Class 2.0 (T.32) or Class 2 (SP-2388) fax modem at the command level: the modem
 * runs T.30 itself (sim-class2-t30.ts) against the far fax machine; the host sees T.32's results.
 * - ATD → +FCO, +FCI:"csi", +FIS:…, OK (Class 2: +FCON, +FCSI:, +FDIS:); BUSY / NO ANSWER as in voice;
 * - +FDT → (TSI, DCS, TCF the first time) +FCS:…, CONNECT (Class 2: +FDCS:, CONNECT, then XON when
 *   ready for data); the page ends with <DLE>,/;/. (2.0: MPS/EOM/EOP) or <DLE><ETX> and AT+FET=n
 *   (Class 2) → +FPS:ppr (+FPTS:), and after the last page +FHS:00 (+FHNG:0), OK;
 * - ATA → +FCO, +FTI:"tsi", +FCS:…, OK; +FDR → CONNECT, the host's <DC2>, the page, <DLE><ETX>,
 *   +FPS:1,lc,0,0,0, +FET:n, OK; the +FDR after EOP → +FHS:00, OK;
 * - a failure ends the call with +FHS:<code> (2.0: the code in hex, as T.32 writes it; Class 2: decimal).
 * Refused as by a modem without them: ECM (+FCC ec≠0), V.17 rates (br>3), polling, BFT; the other
 * class's command names (+FLID in 2.0, +FLI in Class 2).
 */
import { dataMs, SimFaxLine, type SimFaxFarEnd } from './sim-fax-line';
import * as t30 from './sim-class2-t30';
import type { SimFax2State, SimState } from './sim-state';

const DLE = 0x10;
const ETX = 0x03;
const DC2 = 0x12;
const XON = 0x11;
const PPM: Record<number, number> = { 0x2c: t30.FCF.MPS, 0x3b: t30.FCF.EOM, 0x2e: t30.FCF.EOP };
const FET: Record<number, number> = { [t30.FCF.MPS]: 0, [t30.FCF.EOM]: 1, [t30.FCF.EOP]: 2 };

type Dialect = '2' | '2.0';
/** Result names per dialect. */
const NAMES = {
  '2.0': { fco: '+FCO', csi: '+FCI', tsi: '+FTI', dis: '+FIS', dcs: '+FCS', fps: '+FPS', fhs: '+FHS' },
  '2': { fco: '+FCON', csi: '+FCSI', tsi: '+FTSI', dis: '+FDIS', dcs: '+FDCS', fps: '+FPTS', fhs: '+FHNG' },
};
/** The parameter commands per dialect: local ID, capabilities, session, bit order, page status, abort. */
const COMMANDS = {
  '2.0': { li: '+FLI', cc: '+FCC', is: '+FIS', bo: '+FBO', ps: '+FPS', ks: '+FKS' },
  '2': { li: '+FLID', cc: '+FDCC', is: '+FDIS', bo: '+FBOR', ps: '+FPTS', ks: '+FK' },
};
const CC_RANGE = '(0,1),(0-3),(0),(0-2),(0,1),(0),(0),(0-7)';
const CC_MAX = [1, 3, 0, 2, 1, 0, 0, 7];

type Data = { kind: 'tx'; bytes: number[]; escaped: boolean } | { kind: 'rx-wait'; page: Uint8Array; at: number };

export class SimClass2 implements SimFax2State {
  line: SimFaxLine | null = null;
  private port: SimFaxFarEnd | null = null;
  private localId = '';
  private caps: t30.T32Params = { vr: 1, br: 3, wd: 0, ln: 2, df: 1, ec: 0, bf: 0, st: 0 };
  private session: t30.T32Params | null = null;
  private remote: (t30.T32Params & { receiver: boolean }) | null = null;
  private trained = false;
  private bitOrder = 0;
  private ppr = 1;
  /** Receiving: the last post-page message heard; sending (Class 2): the page waiting for +FET. */
  private post: number | null = null;
  private page: Uint8Array | null = null;
  private data: Data | null = null;
  readonly log: string[] = [];

  constructor(private readonly sim: SimState) {}

  get busy(): boolean {
    return this.data !== null;
  }

  private get dialect(): Dialect {
    return this.sim.regs.fclass === '2' ? '2' : '2.0';
  }

  /** A Class 2/2.0 command; 'later' when the result follows. Unknown names are the caller's. */
  command(name: string, op: string, arg: string): 'ok' | 'error' | 'later' | 'unknown' {
    const c = COMMANDS[this.dialect];
    const values = () => arg.split(',').map((v) => parseInt(v.trim() || '0', 16));
    const own = Object.values(c) as string[];
    if (!own.includes(name) && (Object.values(COMMANDS[this.dialect === '2' ? '2.0' : '2']) as string[]).includes(name)) return 'error';
    switch (name) {
      case c.li:
        if (op === '?') return (this.sim.sendLine(`"${this.localId}"`), 'ok');
        if (op !== '=') return 'ok';
        this.localId = /^"(.{0,20})"$/.exec(arg.trim())?.[1] ?? '';
        return /^"(.{0,20})"$/.test(arg.trim()) ? 'ok' : 'error';
      case c.cc:
      case c.is: {
        if (op === '=?') return (this.sim.sendLine(CC_RANGE), 'ok');
        const now = name === c.cc ? this.caps : (this.session ?? this.caps);
        if (op === '?') return (this.sim.sendLine(paramsText(now)), 'ok');
        const v = values();
        if (v.some((x, i) => Number.isNaN(x) || x > (CC_MAX[i] ?? 0))) return 'error'; // ECM, V.17, BFT: not this modem
        const keys = ['vr', 'br', 'wd', 'ln', 'df', 'ec', 'bf', 'st'] as const;
        const next = { ...now };
        keys.forEach((k, i) => v[i] !== undefined && (next[k] = v[i]!));
        if (name === c.cc) this.caps = next;
        this.session = next;
        return 'ok';
      }
      case '+FCS':
      case '+FDCS':
        if (name !== NAMES[this.dialect].dcs) return 'unknown';
        if (op === '?') this.sim.sendLine(paramsText(this.session ?? this.caps));
        return 'ok';
      case c.bo:
        if (op === '?') return (this.sim.sendLine(String(this.bitOrder)), 'ok');
        if (op === '=?') return (this.sim.sendLine('(0-3)'), 'ok');
        this.bitOrder = Number(arg.trim() || 0);
        return this.bitOrder >= 0 && this.bitOrder <= 3 ? 'ok' : 'error';
      case c.ps:
        if (op === '=') this.ppr = Number(arg.trim() || 1);
        return this.ppr >= 1 && this.ppr <= 5 ? 'ok' : 'error';
      case c.ks:
        this.abortCall();
        return 'ok';
      case '+FSP':
      case '+FBU':
        return op === '=' && arg.trim() !== '0' ? 'error' : 'ok'; // polling and BFT: not here
      case '+FET':
        if (this.dialect !== '2' || op !== '=') return 'error';
        return this.afterFet(Number(arg.trim()));
      case '+FDT':
        return this.transmit();
      case '+FDR':
        return this.receive();
      default:
        return 'unknown';
    }
  }

  // ------------------------------------------------------------ calls

  /** ATD reached a fax machine: the modem gets its CSI and DIS and reports them. */
  dialled(): void {
    this.sim.finishPending(null);
    const port = this.connect('called');
    void this.run(async () => {
      const r = await t30.awaitDis(port);
      if (!r.ok) return this.hangUpWith(r.hsc);
      this.remote = t30.fromDis(r.value.dis);
      const n = NAMES[this.dialect];
      this.sim.sendLine(n.fco);
      if (r.value.csi) this.sim.sendLine(`${n.csi}:"${r.value.csi}"`);
      this.sim.sendLine(`${n.dis}:${paramsText(this.remote)}`);
      this.sim.result('OK');
    });
  }

  /** ATA after the answer tone: CSI, DIS, the caller's DCS and training; then the session is reported. */
  answered(): void {
    this.sim.finishPending(null);
    const port = this.connect('caller');
    void this.run(async () => {
      const r = await t30.answerCall(port, this.localId, this.caps);
      if (!r.ok) return this.hangUpWith(r.hsc);
      this.session = r.value.params;
      const n = NAMES[this.dialect];
      this.sim.sendLine(n.fco);
      if (r.value.tsi) this.sim.sendLine(`${n.tsi}:"${r.value.tsi}"`);
      this.sim.sendLine(`${n.dcs}:${paramsText(r.value.params)}`);
      this.sim.result('OK');
    });
  }

  hangUp(): void {
    this.data = null;
    this.trained = false;
    this.post = null;
    this.page = null;
    this.session = null;
    const line = this.line;
    this.line = null;
    this.port = null;
    line?.end();
  }

  private connect(role: 'called' | 'caller'): SimFaxFarEnd {
    this.hangUp();
    const line = new SimFaxLine(this.sim.timers, this.sim.faxLimitBps);
    this.line = line;
    line.onEnd(() => this.line === line && this.sim.endCall());
    const call = this.sim.call;
    if (call) {
      for (const h of call.timers) this.sim.timers.clearTimeout(h);
      call.timers = [];
    }
    const driver = this.sim.faxMachine;
    if (driver && (role === 'called' || call?.spec.fax)) driver(line.farEnd(role));
    this.port = line.nearEnd(role === 'called' ? 'caller' : 'called');
    return this.port;
  }

  // ------------------------------------------------------------ sending

  private transmit(): 'ok' | 'error' | 'later' {
    const port = this.port;
    // A far end that hung up is not noticed here (no loop-current sensing): the steps find out.
    if (!port || !this.remote) return 'error';
    void this.run(async () => {
      if (!this.trained) {
        const want = this.session ?? this.caps;
        const remote = this.remote!;
        if (!remote.receiver) return this.hangUpWith(21);
        const p = { ...want, br: Math.min(want.br, remote.br), vr: want.vr & remote.vr, df: Math.min(want.df, remote.df), ln: Math.min(want.ln, remote.ln) };
        p.st = Math.max(p.st, remote.st);
        const r = await t30.train(port, this.localId, p);
        if (!r.ok) return this.hangUpWith(r.hsc);
        this.session = r.value;
        this.trained = true;
      }
      this.sim.sendLine(`${NAMES[this.dialect].dcs}:${paramsText(this.session!)}`);
      this.sim.result('CONNECT');
      this.data = { kind: 'tx', bytes: [], escaped: false };
      // Class 2: the modem says when it is ready for data (XON); a 2.0 host may send at once.
      if (this.dialect === '2') this.sim.send(Buffer.from([XON]));
    });
    return 'later';
  }

  /** The page is in: on the line with its post-page message (2.0), or kept for +FET (Class 2). */
  private pageIn(bytes: number[], ppm: number | null): void {
    this.data = null;
    const page = this.bitOrder & 1 ? reverse(Uint8Array.from(bytes)) : Uint8Array.from(bytes);
    this.log.push(`tx page ${page.length}`);
    if (ppm === null) {
      this.page = page;
      return this.sim.result('OK');
    }
    this.sendPage(page, ppm);
  }

  private afterFet(n: number): 'error' | 'later' {
    const ppm = [t30.FCF.MPS, t30.FCF.EOM, t30.FCF.EOP][n];
    const page = this.page;
    if (ppm === undefined || !page) return 'error';
    this.page = null;
    this.sendPage(page, ppm);
    return 'later';
  }

  private sendPage(page: Uint8Array, ppm: number): void {
    const port = this.port;
    if (!port) return this.sim.result('ERROR');
    void this.run(async () => {
      const r = await t30.sendPage(port, this.session!.br, page, ppm);
      if (!r.ok) return this.hangUpWith(r.hsc);
      this.sim.sendLine(`${NAMES[this.dialect].fps}:${r.value}`);
      if (r.value === 2) this.trained = false; // RTN: retrain before the next page
      if (ppm === t30.FCF.EOP) {
        await port.sendFrames([t30.frame(t30.FCF.DCN)]).catch(() => undefined);
        return this.hangUpWith(0, 'OK');
      }
      this.sim.result('OK');
    });
  }

  // ------------------------------------------------------------ receiving

  private receive(): 'ok' | 'error' | 'later' {
    const port = this.port;
    if (!port || !this.session) return 'error';
    void this.run(async () => {
      if (this.post !== null) {
        const answer = this.ppr === 2 ? t30.FCF.RTN : t30.FCF.MCF;
        await port.pause(75).catch(() => undefined);
        await port.sendFrames([t30.frame(answer)]).catch(() => undefined);
        if (this.post === t30.FCF.EOP) {
          await t30.receiveMessage(port, 6000); // DCN
          return this.hangUpWith(0, 'OK');
        }
      }
      this.ppr = 1;
      const r = await t30.receivePage(port, this.session!.br);
      if (!r.ok) return this.hangUpWith(r.hsc);
      this.log.push(`rx page ${r.value.length}`);
      this.sim.result('CONNECT');
      this.data = { kind: 'rx-wait', page: r.value, at: this.sim.timers.now() };
    });
    return 'later';
  }

  /** The host's <DC2>: the page goes to it at the line's pace, then the post-page message is reported. */
  private deliver(page: Uint8Array, at: number): void {
    this.data = null;
    const port = this.port!;
    const line = this.line!;
    void this.run(async () => {
      const airMs = dataMs(t30.modulationOf(this.session!.br), page.length);
      await new Promise<void>((r) => this.sim.timers.setTimeout(() => r(), Math.min(2000, airMs)));
      // The far end hung up while the page was still on the line: only what had arrived by then came.
      const cut = line.endedAt !== null && line.endedAt < at + airMs;
      const got = cut ? page.subarray(0, Math.floor((page.length * Math.max(0, line.endedAt! - at)) / airMs)) : page;
      const out = this.bitOrder & 1 ? reverse(got) : got;
      this.sim.send(shield(out));
      this.sim.send(Buffer.from([DLE, ETX]));
      if (cut) return this.hangUpWith(90);
      const post = await t30.receivePostPage(port);
      if (!post.ok) return this.hangUpWith(post.hsc);
      this.post = post.value;
      const lc = t30.lineCount(page);
      this.sim.sendLine(`${NAMES[this.dialect].fps}:1,${this.dialect === '2' ? lc : lc.toString(16).toUpperCase()},0,0,0`);
      this.sim.sendLine(`+FET:${FET[post.value]}`);
      this.sim.result('OK');
    });
  }

  // ------------------------------------------------------------ bytes from the host

  fromHost(buf: Buffer): number {
    for (let i = 0; i < buf.length; i++) {
      const d = this.data;
      if (!d) return i;
      const b = buf[i]!;
      if (d.kind === 'rx-wait') {
        if (b === DC2) this.deliver(d.page, d.at);
        continue;
      }
      if (!d.escaped) {
        if (b === DLE) d.escaped = true;
        else d.bytes.push(b);
        continue;
      }
      d.escaped = false;
      if (b === DLE) d.bytes.push(DLE);
      else if (b === ETX) this.pageIn(d.bytes, this.dialect === '2' ? null : t30.FCF.MPS);
      else if (this.dialect === '2.0' && PPM[b] !== undefined) this.pageIn(d.bytes, PPM[b]!);
    }
    return buf.length;
  }

  // ------------------------------------------------------------ endings

  private abortCall(): void {
    const port = this.port;
    if (port) void port.sendFrames([t30.frame(t30.FCF.DCN)]).catch(() => undefined);
    this.sim.sendLine(this.hangupLine(2));
    this.hangUp();
    this.sim.offHook = false;
  }

  private hangupLine(hsc: number): string {
    const n = NAMES[this.dialect].fhs;
    if (this.dialect === '2') return `${n}:${hsc}`;
    // T.32 writes the codes in hex with Class 2's digits: 52 stays "52", 100 becomes "A0".
    return `${n}:${hsc >= 100 ? String.fromCharCode(55 + Math.floor(hsc / 10)) + (hsc % 10) : String(hsc).padStart(2, '0')}`;
  }

  private hangUpWith(hsc: number, final: 'OK' | 'ERROR' = 'ERROR'): void {
    this.log.push(`hangup ${hsc}`);
    this.sim.sendLine(this.hangupLine(hsc));
    this.hangUp();
    this.sim.offHook = false;
    this.sim.result(hsc === 0 ? 'OK' : final);
  }

  private run(fn: () => Promise<void>): Promise<void> {
    const line = this.line;
    return fn().catch(() => {
      if (this.line === line) this.hangUpWith(2);
    });
  }
}

const paramsText = (p: t30.T32Params) => [p.vr, p.br, p.wd, p.ln, p.df, p.ec, p.bf, p.st].join(',');

function reverse(octets: Uint8Array): Uint8Array {
  return octets.map((b) => {
    let r = 0;
    for (let i = 0; i < 8; i++) r |= ((b >> i) & 1) << (7 - i);
    return r;
  });
}

function shield(octets: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of octets) {
    out.push(b);
    if (b === DLE) out.push(DLE);
  }
  return Buffer.from(out);
}
