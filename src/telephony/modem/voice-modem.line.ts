/**
 * A V.253 voice modem as a `Line`: the call control. The connection — opening the port, identifying
 * the modem, the idle watchdog, a reset noticed, reopening with backoff — is the supervisor's
 * (voice-modem.supervisor.ts); this side turns what the modem prints into line events (rings, caller
 * ID, keys, tones, hang-ups) and runs the actions (answer, play, record, dial, flash, hang up). Rings
 * are counted and caller ID assembled by voice-modem.ringing.ts, the audio states run by
 * voice-modem.audio.ts, the hook worked (answer, dial, on hook) by voice-modem.hook.ts. When the
 * supervisor finds the device gone or reset, the call in progress ends with 'device-lost'; nothing
 * waits forever.
 */
import { callLineMode, modemAbilities } from './voice-modem.abilities';
import { lineListeners } from '../line-events';
import { LineError, type DialOutcome, type FaxHandover, type FaxHandoverResult, type Line, type LineEventName, type LineEvents } from '../line';
import type { LineIdentity, LineInfo, LineStatus, Pcm, PlayOutcome, RecordOutcome } from '../line';
import { realTimers, type Timers } from '../transport';
import type { DleEvent } from './dle';
import { VoiceAudio } from './voice-modem.audio';
import { handOverToFax, type FaxCall, type FaxLineSide } from './voice-modem.fax';
import { sendFlash } from './voice-modem.flash';
import { backOnHook, dialDigits, dialOutcome, dialVoice, goOffHook } from './voice-modem.hook';
import { Ringing } from './voice-modem.ringing';
import { ModemSupervisor, type CallSide, type SupervisorOptions } from './voice-modem.supervisor';

export type VoiceModemLineOptions = Omit<SupervisorOptions, 'timers'> & {
  id: string;
  kind?: 'voice-modem' | 'demo';
  timers?: Timers;
  /** An incoming call with no RING for this long has stopped ringing (US cadence is 6 s). */
  ringTimeoutMs?: number;
};

export function createVoiceModemLine(opts: VoiceModemLineOptions): Line {
  return new VoiceModemLine(opts);
}

class VoiceModemLine implements Line {
  readonly id: string;
  readonly kind: 'voice-modem' | 'demo';
  private readonly timers: Timers;
  private readonly modem: ModemSupervisor;
  private readonly events = lineListeners();
  private st: LineStatus = 'disconnected';
  private detail: string | null = null;
  private readonly ringing: Ringing;
  private audio: VoiceAudio | null = null;
  private audioDone: Promise<unknown> | null = null;
  private hangingUp = false;
  /** The call in progress was answered at a telephone; the modem is on hook. */
  private byPhone = false;
  /** The modem belongs to the fax engine (Line.fax) until this call's release. */
  private faxCall: FaxCall | null = null;

  constructor(private readonly opts: VoiceModemLineOptions) {
    this.id = opts.id;
    this.kind = opts.kind ?? 'voice-modem';
    this.timers = opts.timers ?? realTimers;
    this.ringing = new Ringing(this.timers, opts.ringTimeoutMs ?? 8000, {
      callerId: (cid) => {
        if (this.st === 'idle') this.setStatus('ringing');
        this.emit('caller-id', cid);
      },
      stopped: () => {
        if (this.st !== 'ringing') return;
        this.ringing.reset();
        this.setStatus('idle');
        this.emit('hangup', { reason: 'ring-stopped' });
      },
    });
    this.modem = new ModemSupervisor({ ...opts, timers: this.timers }, this.callSide());
  }

  /** What the supervisor drives: the status, what the modem prints, and the call when the device goes. */
  private callSide(): CallSide {
    return {
      status: () => this.st,
      setStatus: (s, detail) => this.setStatus(s, detail),
      line: (l) => this.unsolicited(l),
      event: (e) => this.dleEvent(e),
      audio: (b) => this.audio?.received(b),
      trace: (entry) => this.emit('trace', entry),
      interrupt: (how) => {
        const hadCall = this.st === 'in-call' || this.st === 'dialing' || this.st === 'ringing';
        if (how === 'reset') this.audio?.lost();
        else {
          this.ringing.clearTimer();
          this.audio?.abort(how === 'lost' ? 'hangup' : 'stop');
          if (how === 'lost') this.audio = null;
        }
        return { hadCall, settled: this.audioDone };
      },
      forget: (hadCall) => {
        if (this.faxCall) this.faxCall.dead = true;
        this.faxCall = null;
        this.ringing.reset();
        this.byPhone = false;
        if (hadCall) this.emit('hangup', { reason: 'device-lost' });
      },
    };
  }

  info(): LineInfo {
    const identity = this.modem.identity;
    return {
      id: this.id,
      kind: this.kind,
      port: this.opts.port,
      status: this.st,
      detail: this.detail,
      identity,
      abilities: modemAbilities(this.modem.identity),
    };
  }

  on<E extends LineEventName>(event: E, listener: (payload: LineEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  private emit<E extends LineEventName>(event: E, payload: LineEvents[E]): void {
    this.events.emit(event, payload);
  }

  private setStatus(s: LineStatus, detail: string | null = null): void {
    if (this.st === s && this.detail === detail) return;
    this.st = s;
    this.detail = detail;
    this.emit('status', { status: s, detail });
  }

  async start(): Promise<void> {
    await this.modem.start();
  }

  // ------------------------------------------------------------ incoming

  private unsolicited(line: string): void {
    if (/^RING\b/i.test(line) || /^CID RING$/i.test(line)) return this.ring();
    if (line === 'NO CARRIER') return this.carrierLost();
    if (this.st === 'idle' || this.st === 'ringing') this.ringing.line(line);
  }

  private ring(): void {
    if (this.st !== 'idle' && this.st !== 'ringing') return;
    this.ringing.ring((count) => {
      this.setStatus('ringing');
      this.emit('ring', { count });
    });
  }

  private dleEvent(e: DleEvent): void {
    if (e.kind === 'ring') return this.ring();
    if (e.kind === 'phone') return this.phone(e.phone, e.offHook);
    if (this.audio && this.audio.event(e)) return;
    if (e.kind === 'dtmf') {
      if (this.st === 'in-call') this.emit('dtmf', { digit: e.digit });
      else if (this.st === 'idle' || this.st === 'ringing') this.ringing.dtmf(e.digit);
      return;
    }
    if (e.kind === 'tone') {
      if (this.st !== 'in-call') return;
      if (e.tone === 'dial-tone' && this.modem.profile.spuriousDialTone) return;
      this.emit('tone', { kind: e.tone });
      if (e.tone === 'busy' || e.tone === 'dial-tone') void this.remoteHangup();
      return;
    }
    if (e.kind === 'hangup' && this.st === 'in-call') void this.remoteHangup();
  }

  /**
   * The modem said NO CARRIER in a call: the exchange cleared it. The modem has left any voice state
   * on its own, so a play or record in progress ends as a hang-up without its end sequence.
   */
  private carrierLost(): void {
    if (this.st !== 'in-call') return;
    this.audio?.lost();
    this.modem.at?.leaveVoiceStates();
    void this.remoteHangup();
  }

  /**
   * A telephone on the line lifted or put down. Lifted while ringing: a person answered at the phone
   * (the modem stays on hook; the call is in progress until the phone is put down). While the modem
   * holds a call (the IVR, a message) the event is only reported: whoever runs the call decides.
   */
  private phone(phone: 'handset' | 'extension', offHook: boolean): void {
    this.emit('phone', { phone, offHook });
    if (offHook && this.st === 'ringing') {
      this.ringing.clearTimer();
      this.byPhone = true;
      this.setStatus('in-call', 'answered at a telephone');
      this.emit('answered', { byPhone: true });
    } else if (!offHook && this.byPhone && this.st === 'in-call') void this.phoneHungUp();
  }

  /**
   * The phone that answered was put down: the call is over. A recording of it (the modem off hook in
   * the "LT" line mode) ends first; then the modem goes (or stays) on hook.
   */
  private async phoneHungUp(): Promise<void> {
    if (this.hangingUp) return;
    this.hangingUp = true;
    try {
      if (this.audio) {
        this.audio.abort('hangup');
        if (this.audioDone) await this.audioDone;
      }
      await this.onHook('local');
    } finally {
      this.hangingUp = false;
    }
  }

  private async remoteHangup(): Promise<void> {
    if (this.st !== 'in-call' || this.hangingUp) return;
    this.hangingUp = true;
    try {
      this.audio?.abort('hangup');
      // The aborted play/record must read its own final result first: on-hook commands sent meanwhile
      // would take it, and the play would then wait for a final that never comes (and keep the line busy).
      if (this.audioDone) await this.audioDone;
      await this.onHook('remote');
    } finally {
      this.hangingUp = false;
    }
  }

  // ------------------------------------------------------------ actions

  async answer(): Promise<void> {
    if (this.st !== 'ringing') throw new LineError('bad-state', 'The line is not ringing.');
    await goOffHook(this.modem, this.modem.requireAt());
    this.ringing.clearTimer();
    this.setStatus('in-call');
    this.emit('answered', {});
  }

  async hangUp(): Promise<void> {
    if (this.faxCall) return this.faxCall.release();
    if (this.st !== 'in-call' && this.st !== 'dialing') return;
    this.audio?.abort('stop');
    // Any character aborts a dial in progress (the modem answers NO CARRIER), so ours can go next.
    if (this.st === 'dialing') await this.modem.at?.write(Buffer.from('\r', 'latin1')).catch(() => undefined);
    await this.onHook('local');
  }

  private async onHook(reason: 'local' | 'remote'): Promise<void> {
    const at = this.modem.at;
    this.byPhone = false;
    this.setStatus('idle');
    this.ringing.reset();
    this.emit('hangup', { reason });
    if (!at) return;
    await this.modem.exclusive(() => backOnHook(this.modem, at));
  }

  async dial(number: string): Promise<DialOutcome> {
    if (this.st !== 'idle') throw new LineError('bad-state', 'The line is busy.');
    const digits = dialDigits(number);
    if (!digits) throw new LineError('bad-state', 'Nothing to dial.');
    const at = this.modem.requireAt();
    this.setStatus('dialing');
    const outcome = dialOutcome(await dialVoice(this.modem, at, digits));
    if ((this.st as LineStatus) !== 'dialing') return 'failed'; // hung up meanwhile
    if (outcome === 'connected') {
      this.setStatus('in-call');
      this.emit('answered', {});
      return 'connected';
    }
    this.setStatus('idle');
    this.emit('hangup', { reason: outcome === 'failed' ? 'failed' : outcome });
    await backOnHook(this.modem, at);
    return outcome;
  }

  private voiceAudio(): VoiceAudio {
    if (this.st !== 'in-call') throw new LineError('bad-state', 'No call in progress.');
    if (this.audio) throw new LineError('bad-state', 'Audio is already playing or recording.');
    const identity = this.modem.identity;
    const method = identity?.compression;
    if (!method) throw new LineError('unsupported', 'This modem offers no voice format Monshi can use.');
    const bits = identity?.compressions.find((m) => m.id === method.id)?.bits ?? 8;
    const audio = new VoiceAudio(
      this.modem.requireAt(),
      this.timers,
      { ...method, bits },
      this.modem.profile,
      (pcm) => this.emit('audio', { pcm }),
      (d) => this.emit('dtmf', { digit: d }),
      (why) => void this.modem.deviceReset(why),
    );
    this.audio = audio;
    return audio;
  }

  /** Runs one play or record on `audio`; the line is free for the next once it settled. */
  private async audioRun<T>(audio: VoiceAudio, p: Promise<T>): Promise<T> {
    this.audioDone = p.catch(() => undefined);
    try {
      return await p;
    } finally {
      if (this.audio === audio) this.audio = null;
    }
  }

  async play(pcm: Pcm, o: { stopOnDtmf?: boolean } = {}): Promise<PlayOutcome> {
    const audio = this.voiceAudio();
    return this.audioRun(audio, audio.play(pcm, o.stopOnDtmf ?? false));
  }

  async record(o: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number }): Promise<RecordOutcome> {
    const audio = this.voiceAudio();
    return this.audioRun(audio, audio.record(o.maxMs, o.stopOnDtmf ?? false, o.silenceMs ?? 5000));
  }

  async recordCall(o: { maxMs: number; stopOnFaxTone?: boolean }): Promise<RecordOutcome> {
    if (!modemAbilities(this.modem.identity).recordCalls) throw new LineError('unsupported', 'This modem cannot record a conversation.');
    const audio = this.voiceAudio();
    return this.audioRun(
      audio,
      audio.record(o.maxMs, false, 0, {
        keep: false,
        lineMode: callLineMode(this.modem.identity) ?? undefined,
        voiceClass: this.byPhone,
        stopOnFaxTone: o.stopOnFaxTone ?? false,
      }),
    );
  }

  async flash(digits: string): Promise<void> {
    if (!modemAbilities(this.modem.identity).flash) throw new LineError('unsupported', 'This line cannot send a hook flash.');
    if (this.st !== 'in-call') throw new LineError('bad-state', 'No call in progress.');
    if (this.audio) throw new LineError('bad-state', 'Audio is playing or recording.');
    await sendFlash(this.modem, digits);
  }

  async fax(h: FaxHandover): Promise<FaxHandoverResult> {
    if (!modemAbilities(this.modem.identity).fax) throw new LineError('unsupported', 'This modem cannot fax (it offers no fax class: 1, 2.0 or 2).');
    if (this.faxCall) throw new LineError('bad-state', 'A fax is already running on this line.');
    const r = await handOverToFax(this.faxSide(), h, (call) => (this.faxCall = call)).catch((e: unknown) => {
      this.faxCall = null;
      throw e;
    });
    if (!r.ok) this.faxCall = null;
    return r;
  }

  private faxSide(): FaxLineSide {
    return {
      supervisor: this.modem,
      faxClass: () => modemAbilities(this.modem.identity).fax,
      timers: this.timers,
      status: () => this.st,
      setStatus: (s, detail) => this.setStatus(s, detail),
      ringingOver: () => this.ringing.clearTimer(),
      stopAudio: async () => {
        this.audio?.abort('stop');
        if (this.audioDone) await this.audioDone;
      },
      answered: () => this.emit('answered', {}),
      ended: (reason) => {
        this.faxCall = null;
        this.ringing.reset();
        this.byPhone = false;
        this.emit('hangup', { reason });
      },
      trace: (dir, text) => this.emit('trace', { dir, text, at: this.timers.now() }),
    };
  }

  async stopAudio(): Promise<void> {
    this.audio?.abort('stop');
  }

  async test(): Promise<{ identity: LineIdentity; exchange: LineEvents['trace'][] }> {
    if (this.st !== 'idle') throw new LineError('bad-state', this.st === 'disconnected' ? 'The modem is not connected.' : 'The line is in use.');
    return this.modem.reidentify();
  }

  async close(): Promise<void> {
    await this.modem.close();
    this.setStatus('closed');
  }
}
