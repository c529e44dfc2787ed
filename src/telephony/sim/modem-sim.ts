/**
 * A Conexant-class V.253 voice modem in software: the device every telephony test runs against, the
 * `monshi sim` pseudo-terminal, and the demo line for users without a modem. Behaviour follows the
 * recorded devices of shared/reference/voice-modems.md: E0/E1 echo, verbose and numeric results,
 * commands split across writes, caller ID only while enabled (ATZ turns it off again), RING cadence,
 * DLE-shielded voice data paced at the real rate with underrun reports, DTMF shielding with repeats,
 * QUIET/SILENCE, fax calling tone, busy / no answer for dialled calls. Running the real vm and vgetty
 * against it (tests/telephony/vgetty.test.ts) added: parameter ranges per profile (+VSD, +VDR …),
 * no pre-V.253 #-commands on the Conexant, noise before the AT prefix ignored, CTS flow control while
 * playing, and DTR dropping (the host closing the port) hanging up. Issue 14 added the odd but real:
 * a stored profile with numeric or quiet results, a spontaneous reset, NO CARRIER in a call, CONNECT
 * and audio in one write, consecutive caller-ID lines, ERROR for the fax it does not simulate, CNG
 * from a fax caller, and held keys repeating at 70 ms.
 */
import type { Timers } from '../transport';
import { realTimers } from '../transport';
import { SimCommandLine } from './sim-command-line';
import { runCommandLine } from './sim-commands';
import { SimClass1 } from './sim-fax';
import { SimClass2 } from './sim-class2';
import type { FaxBitErrors, SimFaxFarEnd } from './sim-fax-line';
import { ringingCall, scheduleCaller, scheduleRings, SimKeypad, stopRinging } from './sim-incoming';
import { defaultRegisters, type SimIncomingCall, type SimOptions, type SimRemote, type SimResult, type TranscriptEntry } from './sim-options';
import { SIM_PROFILES, type SimProfile } from './sim-profiles';
import type { SimCall, SimState, SimVoiceState } from './sim-state';

export { defaultRegisters, type SimIncomingCall, type SimOptions, type SimRemote, type SimResult, type TranscriptEntry } from './sim-options';

/** The simulated modem; its parts (commands, voice states, the incoming call) see it as a `SimState`. */
export class ModemSimulator implements SimState {
  readonly profile: SimProfile;
  readonly timers: Timers;
  readonly transcript: TranscriptEntry[] = [];
  readonly stored: NonNullable<SimOptions['stored']>;
  readonly connectWithAudio: boolean;
  readonly classesAnswer: string | null;
  regs: ReturnType<typeof defaultRegisters>;
  offHook = false;
  /** The line mode (+VLS) puts the phone on the PHONE socket on the line with the modem ("LT"). */
  phoneOnLine = false;
  readonly demoConversation: boolean;
  /** What the host played (decoded to 16-bit PCM) and the tones it asked for, for tests. */
  readonly played: Int16Array[] = [];
  readonly tones: string[] = [];
  readonly dialled: string[] = [];
  call: SimCall | null = null;
  voice: SimVoiceState | null = null;
  /** Class 1 (T.31): the fax call and its data states (sim-fax.ts). */
  readonly fax: SimClass1 = new SimClass1(this);
  /** Class 2/2.0 (T.32): the modem's own T.30 (sim-class2.ts). */
  readonly fax2: SimClass2 = new SimClass2(this);
  readonly faxNumbers: Set<string>;
  faxMachine: ((end: SimFaxFarEnd) => void) | null = null;
  faxLimitBps: number | null;
  faxBitErrors: FaxBitErrors | null;
  remote: SimRemote = { kind: 'answer', afterMs: 1500 };
  private listeners = new Set<(b: Buffer) => void>();
  private stateListeners = new Set<(s: 'unplugged' | 'replugged') => void>();
  private flowListeners = new Set<(clearToSend: boolean) => void>();
  private clearToSend = true;
  private frozen = false;
  private unplugged = false;
  /** Command state: the line being typed and the command that answers later (sim-command-line.ts). */
  private readonly commandLine = new SimCommandLine(this);
  private readonly keypad = new SimKeypad(this);
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
    this.stored = opts.stored ?? {};
    this.connectWithAudio = opts.connectWithAudio ?? false;
    this.classesAnswer = opts.classesAnswer ?? null;
    this.regs = defaultRegisters(this.stored);
    this.faxNumbers = new Set(opts.faxNumbers ?? []);
    this.faxLimitBps = opts.faxLimitBps ?? null;
    this.faxBitErrors = opts.faxBitErrors ?? null;
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
    const taken = this.fax.busy ? this.fax.fromHost(buf) : this.fax2.busy ? this.fax2.fromHost(buf) : 0;
    for (const byte of buf.subarray(taken)) this.commandLine.byte(byte);
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

  /**
   * Information text framed as V.250 says: CR LF text CR LF with verbose results (V1), text CR LF
   * with numeric ones (V0). Lines in one call are consecutive (a Conexant prints caller ID so: no blank
   * line between the tags).
   */
  sendLine(...lines: string[]): void {
    this.send(this.regs.verbose ? `\r\n${lines.join('\r\n')}\r\n` : lines.map((l) => `${l}\r\n`).join(''));
  }

  /** A result code as the modem frames it: CR LF text CR LF (V1), digit CR (V0), nothing (Q1). */
  resultText(code: SimResult): string {
    if (this.regs.quiet) return '';
    if (this.regs.verbose) return `\r\n${code}\r\n`;
    const numeric: Record<string, number> = { OK: 0, CONNECT: 1, RING: 2, 'NO CARRIER': 3, ERROR: 4, 'NO DIALTONE': 6, BUSY: 7, 'NO ANSWER': 8, VCON: 0 };
    return `${numeric[code] ?? 4}\r`;
  }

  result(code: SimResult): void {
    const text = this.resultText(code);
    if (text) this.send(text);
  }

  runLine(body: string): void {
    const outcome = runCommandLine(this, body);
    if (outcome.kind === 'done') this.result(outcome.ok ? 'OK' : 'ERROR');
    else if (outcome.kind === 'later') this.commandLine.answersLater(outcome.handle);
  }

  /** For commands that answer later (ATD, +VTS): clears the pending marker and sends the result. */
  finishPending(code: SimResult | null): void {
    this.commandLine.finishPending(code);
  }

  // ------------------------------------------------------------ incoming calls

  /** Makes the line ring with this caller. Replaces a call already ringing. */
  ring(spec: SimIncomingCall = {}): void {
    this.endCall();
    this.call = ringingCall(this, spec);
    scheduleRings(this, this.call);
  }

  /** The host took the line off hook (ATA, +VLS=1 …) while it rang: the caller is connected. */
  answer(): boolean {
    this.offHook = true;
    const call = this.call;
    if (!call || call.answered) return false;
    stopRinging(this, call);
    scheduleCaller(this, call);
    return true;
  }

  /**
   * The caller presses keys (one DTMF event per key, shielded with repeats on profiles that do). Only
   * heard while the modem is off hook: keys pressed while it still rings reach nobody.
   */
  pressKeys(digits: string): void {
    if (!this.voice && !this.offHook) return;
    this.keypad.press(digits);
  }

  /** An in-band event: <DLE>x in voice states, and in command state while off hook. */
  event(code: string): void {
    if (this.voice || this.offHook) this.send(Buffer.from([0x10, code.charCodeAt(0)]));
  }

  /**
   * A telephone on the line is lifted or put down: the one on the modem's PHONE socket (<DLE>H / h,
   * reported on hook too: V.253 event 8 is in the idle mask of +VLS label 0) or an extension (<DLE>P /
   * p, reported only while the modem is off hook: event 24 is in label 1's masks only). Lifted while
   * the line rings, the caller is connected to that phone and the ringing stops.
   */
  phone(which: 'handset' | 'extension', offHook: boolean): void {
    const code = which === 'handset' ? (offHook ? 'H' : 'h') : offHook ? 'P' : 'p';
    if (which === 'handset' && !this.offHook && !this.voice) this.send(Buffer.from([0x10, code.charCodeAt(0)]));
    else this.event(code);
    const call = this.call;
    if (offHook && call && !call.answered) stopRinging(this, call);
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

  /**
   * The caller presses Start on their fax machine with nothing in its feeder (fax-on-demand): the machine
   * becomes the receiver and sends DIS for T.30's T1 once our modem listens in Class 1 (+FRH=3). Refused
   * (false), as the button does nothing on a real machine, when there is no answered call on the line or
   * the caller is a fax machine that is itself sending.
   */
  faxStart(): boolean {
    const call = this.call;
    if (!call?.answered || !this.offHook || call.spec.fax) return false;
    call.faxStartAt ??= this.timers.now();
    this.fax.callerPressedStart();
    return true;
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
    this.keypad.clear();
    if (!this.call) return;
    for (const h of this.call.timers) this.timers.clearTimeout(h);
    this.call = null;
  }

  /**
   * The far fax machine: `driver` gets the far end of each fax call (a `FaxModemPort` and its role:
   * 'called' when we dialled one of `faxNumbers`, 'caller' when a `fax` caller was answered in Class 1)
   * and runs a fax machine on it (our T.30 engine, in tests and on the demo line). Returns a function
   * that takes it away again.
   */
  onFaxMachine(driver: (end: SimFaxFarEnd) => void): () => void {
    this.faxMachine = driver;
    return () => {
      if (this.faxMachine === driver) this.faxMachine = null;
    };
  }

  /** ATD to this number in Class 1 reaches a fax machine. */
  addFaxNumber(number: string): void {
    this.faxNumbers.add(number);
  }

  /** A noisy line for fax from now on: page data faster than `bps` arrives damaged (null: clean). */
  setFaxLineLimit(bps: number | null): void {
    this.faxLimitBps = bps;
  }

  /** How ATD calls go from now on. */
  setRemote(remote: SimRemote): void {
    this.remote = remote;
  }

  /** The host closed the port, dropping DTR: at &D2 the modem leaves any data state and goes on hook. */
  dtrDropped(): void {
    this.commandLine.cancelPending();
    this.voice?.stop();
    this.voice = null;
    this.fax.hangUp();
    this.fax2.hangUp();
    this.commandLine.clearLine();
    if (this.offHook && this.call?.answered) this.endCall();
    this.offHook = false;
    this.phoneOnLine = false;
  }

  // ------------------------------------------------------------ failures

  /** The USB plug is pulled: the port goes away, everything in flight is lost. */
  unplug(): void {
    this.unplugged = true;
    this.fax.hangUp();
    this.fax2.hangUp();
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
    this.regs = defaultRegisters(this.stored);
    this.commandLine.clearLine();
    this.fax.hangUp();
    this.fax2.hangUp();
    this.voice?.stop();
    this.voice = null;
  }

  /**
   * The modem resets by itself (a power blip, a USB re-enumeration that keeps the port): any call is
   * dropped (it goes on hook), a voice state ends, the stored profile is back (echo on, caller ID off).
   * It prints nothing: a driver notices only by what the modem does differently afterwards.
   */
  spontaneousReset(): void {
    this.commandLine.cancelPending();
    if (this.offHook && this.call?.answered) this.endCall();
    this.offHook = false;
    this.reset();
  }

  /**
   * The exchange clears the call without a loop-current drop the modem reports (<DLE>l): the modem
   * leaves any voice state (a receive state with <DLE><ETX>), goes on hook and says NO CARRIER.
   */
  noCarrier(): void {
    const voice = this.voice;
    if (voice) {
      voice.stop();
      this.voice = null;
      if (voice.mode !== 'tx') this.send(Buffer.from([0x10, 0x03]));
    }
    if (this.call?.answered) this.endCall();
    this.fax.hangUp();
    this.fax2.hangUp();
    this.offHook = false;
    this.result('NO CARRIER');
  }

  close(): void {
    this.fax.hangUp();
    this.fax2.hangUp();
    this.endCall();
    this.keypad.clear();
    this.voice?.stop();
    this.voice = null;
    this.listeners.clear();
  }
}
