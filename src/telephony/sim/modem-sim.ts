/**
 * A Conexant-class V.253 voice modem in software: the device every telephony test runs against, the
 * `monshi sim` pseudo-terminal, and the demo line for users without a modem. Behaviour follows the
 * recorded devices of shared/reference/voice-modems.md: E0/E1 echo, verbose and numeric results,
 * commands split across writes, caller ID only while enabled (ATZ turns it off again), RING cadence,
 * DLE-shielded voice data paced at the real rate with underrun reports, DTMF shielding with repeats,
 * QUIET/SILENCE, fax calling tone, busy / no answer for dialled calls. Running the real vm and vgetty
 * against it (tests/telephony/vgetty.test.ts) added: parameter ranges per profile (+VSD, +VDR …),
 * no pre-V.253 #-commands on the Conexant, noise before the AT prefix ignored, CTS flow control while
 * playing, and DTR dropping (the host closing the port) hanging up.
 */
import type { Timers } from '../transport';
import { realTimers } from '../transport';
import { dtmfCidDigits, modemCidLines, type SimCallerId, type SimCallerIdFormat } from './sim-callerid';
import { runCommandLine } from './sim-commands';
import { SIM_PROFILES, type SimProfile, type SimProfileId } from './sim-profiles';
import { VoiceStream } from './sim-voice';

export type SimIncomingCall = {
  number?: string;
  name?: string;
  format?: SimCallerIdFormat;
  /** ETSI/UK: caller ID before the first ring (default: between ring 1 and 2, Bellcore). */
  beforeFirstRing?: boolean;
  /** The caller gives up after this many rings; 0 = rings until answered (at most 30). */
  rings?: number;
  corrupt?: boolean;
  mesg?: boolean;
  /** After answer: keys the caller presses (each after `keyDelayMs`), a fax machine's tone, audio. */
  keys?: string;
  fax?: boolean;
  audio?: Int16Array;
  /** The caller hangs up this long after the answer (default: never, until the host hangs up). */
  hangUpAfterMs?: number;
};

export type SimRemote = { kind: 'answer'; afterMs: number } | { kind: 'busy' } | { kind: 'no-answer' } | { kind: 'no-dialtone' };

export type SimOptions = {
  profile?: SimProfileId;
  /**
   * The +VSM=? lines, instead of the profile's: the same device offering fewer formats, for testing
   * what the driver picks (none of the recorded devices offers only IMA ADPCM, so no profile does).
   */
  voiceMethods?: string[];
  timers?: Timers;
  ringOnMs?: number;
  ringOffMs?: number;
  keyDelayMs?: number;
  /**
   * The demo line's conversation (sim-conversation.ts): while the phone is on the line with the modem
   * (+VLS "LT", how a call is recorded) and the caller has nothing queued to say, a recording hears
   * the caller and the front desk talking. Off for the plain simulator, whose tests hear only what
   * they queued.
   */
  demoConversation?: boolean;
};

export type TranscriptEntry = { dir: 'host' | 'modem'; at: number; bytes: Buffer };

type Call = { cid: SimCallerId; spec: SimIncomingCall; rings: number; answered: boolean; timers: unknown[] };

/** Settings a reset (ATZ / &F / power cycle) restores. */
export function defaultRegisters() {
  return {
    echo: true,
    verbose: true,
    quiet: false,
    fclass: '0',
    cidMode: 0,
    vsm: 1,
    vsd: [128, 50] as number[],
    vtd: 100,
    vrn: 10,
    s: new Map<number, number>([[0, 0]]),
    /** Voice parameters set with AT that change nothing simulated (+VGT, +VIT …), by name. */
    params: new Map<string, number[]>(),
  };
}

export class ModemSimulator {
  readonly profile: SimProfile;
  readonly timers: Timers;
  readonly transcript: TranscriptEntry[] = [];
  regs = defaultRegisters();
  offHook = false;
  /** The line mode (+VLS) puts the phone on the PHONE socket on the line with the modem ("LT"). */
  phoneOnLine = false;
  readonly demoConversation: boolean;
  /** What the host played (decoded to 16-bit PCM) and the tones it asked for, for tests. */
  readonly played: Int16Array[] = [];
  readonly tones: string[] = [];
  readonly dialled: string[] = [];
  call: Call | null = null;
  voice: VoiceStream | null = null;
  remote: SimRemote = { kind: 'answer', afterMs: 1500 };
  private line = '';
  private listeners = new Set<(b: Buffer) => void>();
  private stateListeners = new Set<(s: 'unplugged' | 'replugged') => void>();
  private flowListeners = new Set<(clearToSend: boolean) => void>();
  private clearToSend = true;
  private frozen = false;
  private unplugged = false;
  private pendingCommand: unknown = null;
  readonly ringOnMs: number;
  readonly ringOffMs: number;
  readonly keyDelayMs: number;

  constructor(opts: SimOptions = {}) {
    const profile = SIM_PROFILES[opts.profile ?? 'conexant'];
    this.profile = opts.voiceMethods ? { ...profile, vsm: opts.voiceMethods } : profile;
    this.timers = opts.timers ?? realTimers;
    this.ringOnMs = opts.ringOnMs ?? 2000;
    this.ringOffMs = opts.ringOffMs ?? 4000;
    this.keyDelayMs = opts.keyDelayMs ?? 300;
    this.demoConversation = opts.demoConversation ?? false;
  }

  // ------------------------------------------------------------ the wire

  /** Bytes from the host (DTE → DCE). */
  write(data: Uint8Array): void {
    if (this.unplugged || this.frozen) return;
    const buf = Buffer.from(data);
    this.transcript.push({ dir: 'host', at: this.timers.now(), bytes: buf });
    if (this.voice) {
      this.voice.fromHost(buf);
      return;
    }
    for (const byte of buf) this.commandByte(byte);
  }

  /** Bytes to the host; returns an unsubscribe function. */
  onData(listener: (b: Buffer) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onState(listener: (s: 'unplugged' | 'replugged') => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Hardware flow control towards the host (CTS): false while the voice transmit buffer is full, so a
   * host that writes a whole file at once is held back as by a real modem. The pty stops reading then.
   */
  onFlow(listener: (clearToSend: boolean) => void): () => void {
    this.flowListeners.add(listener);
    return () => this.flowListeners.delete(listener);
  }

  setClearToSend(ready: boolean): void {
    if (ready === this.clearToSend) return;
    this.clearToSend = ready;
    for (const l of this.flowListeners) l(ready);
  }

  send(bytes: Buffer | string): void {
    if (this.unplugged || this.frozen) return;
    const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    this.transcript.push({ dir: 'modem', at: this.timers.now(), bytes: buf });
    for (const l of this.listeners) l(buf);
  }

  /** A final or information line framed as the modem frames it (V1: CR LF text CR LF). */
  sendLine(text: string): void {
    this.send(`\r\n${text}\r\n`);
  }

  result(code: 'OK' | 'ERROR' | 'CONNECT' | 'VCON' | 'NO CARRIER' | 'BUSY' | 'NO ANSWER' | 'NO DIALTONE' | 'RING'): void {
    if (this.regs.quiet) return;
    if (this.regs.verbose) this.sendLine(code);
    else {
      const numeric: Record<string, number> = { OK: 0, CONNECT: 1, RING: 2, 'NO CARRIER': 3, ERROR: 4, 'NO DIALTONE': 6, BUSY: 7, 'NO ANSWER': 8, VCON: 0 };
      this.send(`${numeric[code] ?? 4}\r`);
    }
  }

  private commandByte(byte: number): void {
    if (this.regs.echo) this.send(Buffer.from([byte]));
    // A character typed while a dial or tone is in progress aborts it, as on real modems.
    if (this.pendingCommand !== null) {
      this.timers.clearTimeout(this.pendingCommand);
      this.pendingCommand = null;
      this.offHook = false;
      this.result('NO CARRIER');
      if (byte === 0x0d) return;
    }
    if (byte === 0x0d) {
      // Like a real modem's parser, everything before the "AT" prefix is ignored, and a line without
      // one gets no answer at all (vgetty's shell scripts may print their errors onto the port).
      const line = this.line;
      const start = line.search(/at/i);
      this.line = '';
      if (start >= 0) this.runLine(line.slice(start + 2).trim());
      return;
    }
    if (byte === 0x0a) return;
    if (byte === 0x08 || byte === 0x7f) {
      this.line = this.line.slice(0, -1);
      return;
    }
    if (this.line.length < 256) this.line += String.fromCharCode(byte);
    // Until the prefix arrives only the last character can matter (it may be the 'A').
    if (this.line.length > 1 && !/at/i.test(this.line)) this.line = this.line.slice(-1);
  }

  private runLine(body: string): void {
    const outcome = runCommandLine(this, body);
    if (outcome.kind === 'done') this.result(outcome.ok ? 'OK' : 'ERROR');
    else if (outcome.kind === 'later') this.pendingCommand = outcome.handle;
  }

  /** For commands that answer later (ATD, +VTS): clears the pending marker and sends the result. */
  finishPending(code: Parameters<ModemSimulator['result']>[0]): void {
    this.pendingCommand = null;
    this.result(code);
  }

  // ------------------------------------------------------------ incoming calls

  /** Makes the line ring with this caller. Replaces a call already ringing. */
  ring(spec: SimIncomingCall = {}): void {
    this.endCall();
    const now = new Date(this.timers.now());
    const pad = (n: number) => String(n).padStart(2, '0');
    const cid: SimCallerId = {
      number: spec.number ?? '',
      name: spec.name ?? '',
      format: spec.format ?? (spec.number ? 'mdmf' : 'none'),
      stamp: `${pad(now.getMonth() + 1)}${pad(now.getDate())}${pad(now.getHours())}${pad(now.getMinutes())}`,
      corrupt: spec.corrupt,
      mesg: spec.mesg,
    };
    const call: Call = { cid, spec, rings: 0, answered: false, timers: [] };
    this.call = call;
    const maxRings = spec.rings && spec.rings > 0 ? spec.rings : 30;
    const at = (ms: number, fn: () => void) => call.timers.push(this.timers.setTimeout(() => this.call === call && fn(), ms));
    let t = 0;
    if (spec.beforeFirstRing || cid.format === 'dtmf') {
      at(0, () => this.sendCallerId(call));
      t = 700;
    }
    const cycle = this.ringOnMs + this.ringOffMs;
    for (let i = 0; i < maxRings; i++) {
      at(t + i * cycle, () => this.ringOnce(call));
      if (i === 0 && !spec.beforeFirstRing && cid.format !== 'dtmf') at(t + this.ringOnMs + Math.min(500, this.ringOffMs / 4), () => this.sendCallerId(call));
    }
    // The caller gives up a little after the last ring's silence.
    at(t + maxRings * cycle, () => {
      if (!call.answered) this.endCall();
    });
  }

  private ringOnce(call: Call): void {
    if (call.answered) return;
    call.rings++;
    if (this.voice) this.send(Buffer.from([0x10, 0x52])); // <DLE>R in a voice state
    else this.result('RING');
    const s0 = this.regs.s.get(0) ?? 0;
    if (s0 > 0 && call.rings >= s0) this.answer();
  }

  private sendCallerId(call: Call): void {
    if (this.regs.cidMode === 0) return;
    if (call.cid.format === 'dtmf') {
      for (const d of dtmfCidDigits(call.cid)) this.send(Buffer.from([0x10, d.charCodeAt(0)]));
      return;
    }
    const lines = modemCidLines(call.cid, this.regs.cidMode, this.profile.cidSpaces);
    if (lines.length) this.send(lines.map((l) => `\r\n${l}\r\n`).join(''));
  }

  /** The host took the line off hook (ATA, +VLS=1 …) while it rang: the caller is connected. */
  answer(): boolean {
    this.offHook = true;
    const call = this.call;
    if (!call || call.answered) return false;
    call.answered = true;
    for (const h of call.timers) this.timers.clearTimeout(h);
    call.timers = [];
    const at = (ms: number, fn: () => void) => call.timers.push(this.timers.setTimeout(() => this.call === call && fn(), ms));
    const keys = call.spec.keys ?? '';
    [...keys].forEach((k, i) => at(this.keyDelayMs * (i + 1), () => this.pressKeys(k)));
    if (call.spec.fax) for (let i = 1; i <= 15; i++) at(i * 4000 - 500, () => this.event('c'));
    if (call.spec.hangUpAfterMs !== undefined) at(call.spec.hangUpAfterMs, () => this.callerHangsUp());
    return true;
  }

  /**
   * The caller presses keys (one DTMF event per key, shielded with repeats on profiles that do). Only
   * heard while the modem is off hook: keys pressed while it still rings reach nobody.
   */
  pressKeys(digits: string): void {
    if (!this.voice && !this.offHook) return;
    for (const d of digits) {
      if (this.profile.dtmfShielded) {
        const code = d.charCodeAt(0);
        this.send(Buffer.from([0x10, 0x2f, 0x10, code, 0x10, code, 0x10, code, 0x10, 0x7e]));
      } else this.event(d);
    }
  }

  /** An in-band event: <DLE>x in voice states, and in command state while off hook. */
  event(code: string): void {
    if (this.voice || this.offHook) this.send(Buffer.from([0x10, code.charCodeAt(0)]));
  }

  /** The caller hangs up: loop-current drop, then busy tone, when connected; ringing stops otherwise. */
  callerHangsUp(): void {
    const call = this.call;
    if (!call) return;
    if (call.answered) {
      this.event('l');
      this.event('b');
      this.voice?.callerGone();
    }
    this.endCall();
  }

  /** Audio the caller speaks (heard by +VRX). */
  sendAudio(pcm: Int16Array): void {
    if (this.call) this.call.spec.audio = pcm;
  }

  callerAudio(): Int16Array | null {
    return this.call?.answered ? (this.call.spec.audio ?? null) : null;
  }

  /** Whether a recording now hears the demo conversation (when the caller's own audio is over). */
  conversationHeard(): boolean {
    return this.demoConversation && this.offHook && this.phoneOnLine;
  }

  endCall(): void {
    if (!this.call) return;
    for (const h of this.call.timers) this.timers.clearTimeout(h);
    this.call = null;
  }

  /** How ATD calls go from now on. */
  setRemote(remote: SimRemote): void {
    this.remote = remote;
  }

  /** The host closed the port, dropping DTR: at &D2 the modem leaves any data state and goes on hook. */
  dtrDropped(): void {
    if (this.pendingCommand !== null) this.timers.clearTimeout(this.pendingCommand);
    this.pendingCommand = null;
    this.voice?.stop();
    this.voice = null;
    this.line = '';
    if (this.offHook && this.call?.answered) this.endCall();
    this.offHook = false;
    this.phoneOnLine = false;
  }

  // ------------------------------------------------------------ failures

  /** The USB plug is pulled: the port goes away, everything in flight is lost. */
  unplug(): void {
    this.unplugged = true;
    this.endCall();
    this.voice?.stop();
    this.voice = null;
    for (const l of this.stateListeners) l('unplugged');
  }

  /** Plugged back in: a freshly powered modem (defaults, caller ID off). */
  replug(): void {
    this.unplugged = false;
    this.frozen = false;
    this.reset();
    this.offHook = false;
    for (const l of this.stateListeners) l('replugged');
  }

  get isUnplugged(): boolean {
    return this.unplugged;
  }

  /** The firmware hangs: it stops answering anything until thawed (or replugged). */
  freeze(): void {
    this.frozen = true;
  }

  thaw(): void {
    this.frozen = false;
  }

  reset(): void {
    this.regs = defaultRegisters();
    this.line = '';
    this.voice?.stop();
    this.voice = null;
  }

  close(): void {
    this.endCall();
    this.voice?.stop();
    this.voice = null;
    this.listeners.clear();
  }
}
