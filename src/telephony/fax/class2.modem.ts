/**
 * A fax modem in Class 2.0 (ITU T.32) or Class 2 (EIA SP-2388, the draft most older modems shipped):
 * the modem runs T.30 itself; the host gives it page data already coded (T.4) as the session it
 * negotiated says (+FCS), and reads what happened from its results. Pages here are octets — coding and
 * decoding the bitmaps is the caller's (src/fax/t32 does it with our T.4 codec); telephony imports
 * nothing of src/fax.
 *
 * Where the two dialects differ (voice-modems.md §5.2; mgetty, efax and HylaFAX's Class 2 drivers):
 * - result names: +FCO/+FCI/+FTI/+FIS/+FCS/+FPS/+FHS (2.0) vs +FCON/+FCSI/+FTSI/+FDIS/+FDCS/+FPTS/+FHNG;
 * - commands: +FLI/+FCC/+FIS/+FBO/+FPS/+FKS (2.0) vs +FLID/+FDCC/+FDIS/+FBOR/+FPTS/+FK;
 * - the start of page data when sending: a 2.0 modem takes data right after CONNECT, a Class 2 modem
 *   says when it is ready with XON (some send DC2); receiving, the host sends DC2 in both;
 * - the end of a page sent: <DLE> and ',' (MPS), ';' (EOM) or '.' (EOP) in 2.0; <DLE><ETX> then
 *   AT+FET=0/1/2 in Class 2;
 * - the hang-up code: hex in 2.0 with Class 2's digits (52 is "52", 100 is "A0"), decimal in Class 2;
 *   both are returned here as Class 2's number so one table (src/fax/t32) says what they mean.
 * Bit order (+FBO=0): the first bit of each octet on the line is its least significant, as in Class 1.
 */
import type { Timers, Transport } from '../transport';
import { ByteReader, PortClosedError, shield, linesUntilRing } from './byte-reader';
import { Class1Error, type Class1ErrorCode } from './class1.modem';

export type Class2Dialect = '2' | '2.0';

/** T.32 session parameters: resolution, bit rate code, width, length, coding, ECM, BFT, scan time. */
export type T32Params = { vr: number; br: number; wd: number; ln: number; df: number; ec: number; bf: number; st: number };

/** A page sent: the post-page response (1 MCF, 2 RTN, 3 RTP, 4 PIN, 5 PIP), and the hang-up code if the call ended. */
export type Class2PageSent = { ppr: number | null; hangup: number | null };

export type Class2PageReceived =
  { kind: 'page'; data: Uint8Array; params: T32Params; post: 'mps' | 'eom' | 'eop'; lines: number | null } | { kind: 'end'; hangup: number };

export type Class2Options = {
  dialect: Class2Dialect;
  timers: Timers;
  onTrace?(dir: 'tx' | 'rx', text: string): void;
};

const DLE = 0x10;
const ETX = 0x03;
const DC2 = 0x12;
const XON = 0x11;
const COMMAND_MS = 5_000;
/** Phase B (training, a DCS retried three times) and a page at 2400 bit/s both fit in this. */
const PHASE_MS = 120_000;

const NAMES = {
  '2.0': { fco: '+FCO', csi: '+FCI', tsi: '+FTI', dis: '+FIS', dcs: '+FCS', fps: '+FPS', fhs: '+FHS', li: '+FLI', cc: '+FCC', bo: '+FBO', ps: '+FPS' },
  '2': { fco: '+FCON', csi: '+FCSI', tsi: '+FTSI', dis: '+FDIS', dcs: '+FDCS', fps: '+FPTS', fhs: '+FHNG', li: '+FLID', cc: '+FDCC', bo: '+FBOR', ps: '+FPTS' },
};

const FINAL = /^(OK|CONNECT|ERROR|NO CARRIER|BUSY|NO ANSWER|NO DIAL ?TONE)$/;

export class Class2Modem {
  private readonly reader: ByteReader;
  private readonly offData: () => void;
  private readonly offClose: () => void;
  private readonly n: (typeof NAMES)['2.0'];
  /** What the modem reported: the far end's ID, its capabilities, the session negotiated, the hang-up code. */
  remoteId = '';
  remoteCaps: T32Params | null = null;
  session: T32Params | null = null;
  hangup: number | null = null;

  constructor(
    private readonly transport: Transport,
    private readonly o: Class2Options,
  ) {
    this.n = NAMES[o.dialect];
    this.reader = new ByteReader(o.timers);
    this.offData = transport.onData((chunk) => this.reader.push(chunk));
    this.offClose = transport.onClose((e) => this.reader.close(e ?? new Error(`${transport.description} closed`)));
  }

  get dialect(): Class2Dialect {
    return this.o.dialect;
  }

  /**
   * Selects the class and sets what we offer: our ID, fine resolution if wanted, MR coding, any length,
   * the best bit rate the modem lists (+FCC=?), no ECM (what our pages need does not depend on it, and
   * many Class 2 modems get it wrong), direct bit order, able to receive.
   */
  async init(localId: string, fine = true): Promise<void> {
    await this.command('ATE0V1Q0', COMMAND_MS, ['OK']);
    const r = await this.command(`AT+FCLASS=${this.o.dialect}`, COMMAND_MS);
    if (r !== 'OK') throw new Class1Error('not-class1', `${this.transport.description} refused AT+FCLASS=${this.o.dialect} (${r})`);
    const id = localId.replace(/"/g, '').slice(-20);
    await this.command(`AT${this.n.li}="${id}"`, COMMAND_MS, ['OK']);
    const ranges = await this.info(`AT${this.n.cc}=?`);
    const br = maxOf(ranges[1] ?? '(0-3)');
    await this.command(`AT${this.n.cc}=${fine ? 1 : 0},${Math.min(br, 5)},0,2,${maxOf(ranges[4] ?? '(0)') >= 1 ? 1 : 0},0,0,0`, COMMAND_MS, ['OK']);
    await this.command(`AT${this.n.bo}=0`, COMMAND_MS, ['OK']);
    await this.command('AT+FCR=1', COMMAND_MS, ['OK']);
  }

  async dial(number: string, timeoutMs = 120_000): Promise<void> {
    if (!/^[0-9*#,+WwPpTt]+$/.test(number)) throw new RangeError(`not a number to dial: ${number}`);
    const r = await this.command(`ATDT${number}`, timeoutMs);
    if (r !== 'OK' || this.hangup !== null) throw this.callError(r);
  }

  /** Waits for RING; returns the lines that came with it or null at the deadline. */
  async waitForRing(timeoutMs: number): Promise<string[] | null> {
    return linesUntilRing((deadline) => this.readLine(deadline), this.o.timers.now() + timeoutMs);
  }

  async answer(timeoutMs = 90_000): Promise<void> {
    const r = await this.command('ATA', timeoutMs);
    if (r !== 'OK' || this.hangup !== null) throw this.callError(r);
  }

  /**
   * Sends one page; `encode` codes it for the session the modem reports (+FCS) just before CONNECT
   * (T.4, least significant bit first on the line); `last` ends the fax (EOP).
   */
  async sendPage(encode: (p: T32Params) => Uint8Array, last: boolean): Promise<Class2PageSent> {
    const r = await this.command('AT+FDT', PHASE_MS);
    if (r !== 'CONNECT') return { ppr: null, hangup: this.hangup ?? 50 };
    const data = encode(this.session ?? DEFAULT_PARAMS);
    if (this.o.dialect === '2') await this.reader.waitByte([XON, DC2], this.o.timers.now() + COMMAND_MS);
    this.reader.setFlowControl(true);
    let ppr: number | null = null;
    try {
      for (let at = 0; at < data.length; at += 1024) {
        if (this.reader.paused) await this.reader.waitXon(30_000);
        await this.transport.write(shield(data.subarray(at, at + 1024), false));
      }
      this.trace('tx', `<page ${data.length} octets>`);
      const end = this.o.dialect === '2.0' ? (last ? 0x2e : 0x2c) : ETX;
      await this.transport.write(Uint8Array.of(DLE, end));
      if (this.o.dialect === '2') {
        const ok = await this.final(PHASE_MS);
        if (ok !== 'OK') return { ppr: null, hangup: this.hangup ?? 43 };
        this.reader.setFlowControl(false);
        await this.command(`AT+FET=${last ? 2 : 0}`, PHASE_MS, undefined, (l) => (ppr = this.pageStatus(l) ?? ppr));
      } else await this.final(PHASE_MS, (l) => (ppr = this.pageStatus(l) ?? ppr));
    } finally {
      this.reader.setFlowControl(false);
    }
    return { ppr, hangup: this.hangup };
  }

  /** Receives the next page (AT+FDR), or the end of the call with its hang-up code. */
  async receivePage(): Promise<Class2PageReceived> {
    const r = await this.command('AT+FDR', PHASE_MS);
    if (r !== 'CONNECT') return { kind: 'end', hangup: this.hangup ?? (r === 'OK' ? 0 : 90) };
    await this.transport.write(Uint8Array.of(DC2));
    this.trace('tx', '<DC2>');
    const data = await this.reader.shielded(this.o.timers.now() + 3_600_000);
    if (data === null) return { kind: 'end', hangup: 90 };
    this.trace('rx', `<page ${data.length} octets>`);
    let post: 'mps' | 'eom' | 'eop' = 'eop';
    let lines: number | null = null;
    await this.final(PHASE_MS, (l) => {
      const fet = /^\+FET:\s*(\d)/.exec(l);
      if (fet) post = (['mps', 'eom', 'eop'] as const)[Number(fet[1])] ?? 'eop';
      const fps = new RegExp(`^\\${this.n.fps}:\\s*\\d+,\\s*([0-9A-Fa-f]+)`).exec(l);
      if (fps) lines = parseInt(fps[1]!, this.o.dialect === '2' ? 10 : 16);
    });
    if (this.hangup !== null) return { kind: 'end', hangup: this.hangup };
    return { kind: 'page', data, params: this.session ?? DEFAULT_PARAMS, post, lines };
  }

  /** The page just received is good (1) or to be retransmitted (2: RTN), said with the next +FDR. */
  async pageQuality(ppr: 1 | 2): Promise<void> {
    await this.command(`AT${this.n.ps}=${ppr}`, COMMAND_MS);
  }

  /** The pages' resolution for this session (+FIS vr; the other parameters stay as +FCC set them). */
  async setResolution(fine: boolean): Promise<void> {
    await this.command(`AT${this.o.dialect === '2' ? '+FDIS' : '+FIS'}=${fine ? 1 : 0}`, COMMAND_MS, ['OK']);
  }

  async hangUp(): Promise<void> {
    await this.command('ATH0', COMMAND_MS).catch(() => undefined);
  }

  release(): void {
    this.offData();
    this.offClose();
  }

  /** Sends a command; information lines update what the modem reported (and go to `onInfo`). */
  async command(cmd: string, timeoutMs: number, accept?: string[], onInfo?: (l: string) => void): Promise<string> {
    this.reader.discard();
    this.trace('tx', cmd);
    await this.transport.write(new TextEncoder().encode(`${cmd}\r`));
    const r = await this.final(timeoutMs, onInfo, cmd);
    if (accept && !accept.includes(r)) throw new Class1Error('modem-error', `${cmd}: ${r}`);
    return r;
  }

  private async info(cmd: string): Promise<string[]> {
    const lines: string[] = [];
    const r = await this.command(cmd, COMMAND_MS, undefined, (l) => lines.push(l));
    return r === 'OK' ? (/\(/.test(lines[0] ?? '') ? (lines[0]!.match(/\([^)]*\)|[^,()]+/g) ?? []) : []) : [];
  }

  private async final(timeoutMs: number, onInfo?: (l: string) => void, what = 'the modem'): Promise<string> {
    const deadline = this.o.timers.now() + timeoutMs;
    for (;;) {
      const l = await this.readLine(deadline);
      if (l === null) throw new Class1Error('timeout', `${what}: no answer in ${timeoutMs} ms`);
      if (l.startsWith('AT')) continue;
      if (FINAL.test(l)) return l;
      this.report(l);
      onInfo?.(l);
    }
  }

  private report(l: string): void {
    const m = /^(\+F[A-Z]+):\s*(.*)$/.exec(l);
    if (!m) return;
    const [, name, value] = m as unknown as [string, string, string];
    const quoted = /^"(.*)"$/.exec(value.trim())?.[1];
    if (name === this.n.csi || name === this.n.tsi) this.remoteId = (quoted ?? value).trim();
    else if (name === this.n.dis) this.remoteCaps = paramsOf(value);
    else if (name === this.n.dcs) this.session = paramsOf(value);
    else if (name === this.n.fhs) this.hangup = this.hangupCode(value.trim());
  }

  private pageStatus(l: string): number | null {
    const m = new RegExp(`^\\${this.n.fps}:\\s*(\\d)`).exec(l);
    return m ? Number(m[1]) : null;
  }

  /** Class 2's decimal, or 2.0's hex with Class 2's digits ("A0" = 100), as Class 2's number. */
  private hangupCode(v: string): number {
    if (this.o.dialect === '2') return Number.parseInt(v, 10);
    const m = /^([0-9A-Fa-f])([0-9])$/.exec(v);
    if (!m) return Number.parseInt(v, 16);
    return Number.parseInt(m[1]!, 16) * 10 + Number(m[2]);
  }

  private callError(r: string): Class1Error {
    const code: Class1ErrorCode =
      r === 'BUSY' ? 'busy' : r === 'NO ANSWER' ? 'no-answer' : r === 'NO CARRIER' ? 'no-carrier' : /^NO DIAL/.test(r) ? 'no-dialtone' : 'modem-error';
    const e = new Class1Error(code, this.hangup !== null ? `${r} (hang-up ${this.hangup})` : r);
    return e;
  }

  private async readLine(deadline: number): Promise<string | null> {
    try {
      const l = await this.reader.line(deadline);
      if (l !== null) this.trace('rx', l);
      return l;
    } catch (e) {
      if (e instanceof PortClosedError) throw new Class1Error('closed', e.message);
      throw e;
    }
  }

  private trace(dir: 'tx' | 'rx', text: string): void {
    this.o.onTrace?.(dir, text);
  }
}

const DEFAULT_PARAMS: T32Params = { vr: 0, br: 0, wd: 0, ln: 0, df: 0, ec: 0, bf: 0, st: 0 };

/** "1,3,0,2,0,0,0,0" (2.0 writes the values in hex; all are one digit) → the parameters. */
export function paramsOf(v: string): T32Params {
  const n = v.split(',').map((x) => Number.parseInt(x.trim() || '0', 16) || 0);
  return { vr: n[0] ?? 0, br: n[1] ?? 0, wd: n[2] ?? 0, ln: n[3] ?? 0, df: n[4] ?? 0, ec: n[5] ?? 0, bf: n[6] ?? 0, st: n[7] ?? 0 };
}

/** The largest value of a T.32 range such as "(0-3)" or "(0,1)". */
function maxOf(range: string): number {
  const nums = range.match(/[0-9A-Fa-f]+/g)?.map((x) => Number.parseInt(x, 16)) ?? [0];
  return Math.max(...nums);
}
