/**
 * A V.253 voice modem as a `Line`. It opens the port, resets and identifies the modem, picks the
 * quirks profile and the voice method by name, enables caller ID (again after every reset and class
 * change — Conexant and USR firmware forget it), and then turns what the modem prints into line
 * events. A modem that vanishes (USB unplugged) or stops answering (the idle watchdog) is closed and
 * reopened with backoff; calls in progress end with 'device-lost'; nothing waits forever.
 */
import { CallerIdAssembler } from '../caller-id/caller-id.assembler';
import { LineError, type DialOutcome, type LineAbilities, type Line, type LineEventName, type LineEvents, type LineIdentity, type LineInfo, type LineStatus, type Pcm, type PlayOutcome, type RecordOutcome } from '../line';
import { realTimers, type Timers, type Transport, type TransportFactory } from '../transport';
import { AtChannel } from './at-channel';
import type { DleEvent } from './dle';
import { identifyModem } from './modem-identify';
import { profileById, type ModemProfile } from './modem-profiles';
import { VoiceAudio } from './voice-modem.audio';

export type VoiceModemLineOptions = {
  id: string;
  kind?: 'voice-modem' | 'demo';
  port: string;
  open: TransportFactory;
  callerIdMode?: 'auto' | 'formatted' | 'unformatted' | 'off';
  extraInit?: string[];
  timers?: Timers;
  /** An incoming call with no RING for this long has stopped ringing (US cadence is 6 s). */
  ringTimeoutMs?: number;
  /** Longest wait between reconnect attempts. */
  maxBackoffMs?: number;
  /** Overrides the profile's idle watchdog interval (tests). */
  watchdogMs?: number;
};

type Listener<E extends LineEventName> = (p: LineEvents[E]) => void;

export function createVoiceModemLine(opts: VoiceModemLineOptions): Line {
  return new VoiceModemLine(opts);
}

class VoiceModemLine implements Line {
  readonly id: string;
  readonly kind: 'voice-modem' | 'demo';
  private readonly timers: Timers;
  private listeners = new Map<LineEventName, Set<Listener<LineEventName>>>();
  private st: LineStatus = 'disconnected';
  private detail: string | null = null;
  private identity: LineIdentity | null = null;
  private profile: ModemProfile = profileById('generic-v253')!;
  private transport: Transport | null = null;
  private at: AtChannel | null = null;
  private assembler: CallerIdAssembler;
  private rings = 0;
  private ringTimer: unknown = null;
  private retryTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private backoff = 1000;
  private closed = false;
  private busy = false; // a command sequence of ours is running (watchdog stays quiet)
  private audio: VoiceAudio | null = null;
  private trace: LineEvents['trace'][] = [];
  private generation = 0;
  private audioDone: Promise<unknown> | null = null;
  private hangingUp = false;
  /** Initialised and in E0 V1: an echo or a numeric result from now on means the modem reset. */
  private ready = false;
  /** How the modem answered right after its set-up (see readState). */
  private baseline: { echo: boolean; numeric: boolean; vcid: string | null } = { echo: false, numeric: false, vcid: null };
  /** The call in progress was answered at a telephone; the modem is on hook. */
  private byPhone = false;

  constructor(private readonly opts: VoiceModemLineOptions) {
    this.id = opts.id;
    this.kind = opts.kind ?? 'voice-modem';
    this.timers = opts.timers ?? realTimers;
    this.assembler = new CallerIdAssembler({ timers: this.timers }, (cid) => {
      if (this.st === 'idle') this.setStatus('ringing');
      this.armRingTimer();
      this.emit('caller-id', cid);
    });
  }

  info(): LineInfo {
    return { id: this.id, kind: this.kind, port: this.opts.port, status: this.st, detail: this.detail, identity: this.identity, abilities: this.abilities() };
  }

  /** From what the modem said of itself: its voice formats and its +VLS line modes. */
  private abilities(): LineAbilities {
    const id = this.identity;
    if (!id || !id.voice || !id.compression) return { recordCalls: null, flash: false };
    return { recordCalls: this.callLineMode() ? 'phone-socket' : id.lineModes.some((m) => m.primitives === 'T') ? 'line' : null, flash: true };
  }

  /** The +VLS label that puts the modem and the local phone both on the line ("LT"), if offered. */
  private callLineMode(): number | null {
    const m = this.identity?.lineModes.find((l) => /L/.test(l.primitives) && /T/.test(l.primitives) && !/[MSH]/.test(l.primitives));
    return m ? m.label : null;
  }

  on<E extends LineEventName>(event: E, listener: (payload: LineEvents[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as Listener<LineEventName>);
    return () => set.delete(listener as Listener<LineEventName>);
  }

  private emit<E extends LineEventName>(event: E, payload: LineEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) (l as Listener<E>)(payload);
  }

  private setStatus(s: LineStatus, detail: string | null = null): void {
    if (this.st === s && this.detail === detail) return;
    this.st = s;
    this.detail = detail;
    this.emit('status', { status: s, detail });
  }

  // ------------------------------------------------------------ connection

  async start(): Promise<void> {
    this.closed = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const gen = ++this.generation;
    this.setStatus('initialising');
    let transport: Transport;
    try {
      transport = await this.opts.open();
    } catch (e) {
      this.lost(`${this.opts.port}: ${e instanceof Error ? e.message : String(e)}`, gen);
      return;
    }
    if (this.closed || gen !== this.generation) {
      await transport.close();
      return;
    }
    this.transport = transport;
    this.at = new AtChannel(transport, {
      timers: this.timers,
      onLine: (l) => this.unsolicited(l),
      onEvent: (e) => this.dleEvent(e),
      onAudio: (b) => this.audio?.received(b),
      onTrace: (dir, text) => this.traced(dir, text),
      // A modem set to E0 that echoes again, or one in a voice state that echoes what it should play,
      // has reset itself (a power blip, a USB re-enumeration that kept the port).
      onEcho: () => void (this.baseline.echo || this.deviceReset('The modem reset itself (it echoes commands again).')),
      onStray: () => void this.deviceReset('The modem reset itself (it left the voice state during a call).'),
    });
    transport.onClose((err) => {
      if (gen === this.generation && !this.closed) this.lost(err ? `${this.opts.port}: ${err.message}` : `${this.opts.port} was closed`, gen);
    });
    await this.ready_(gen);
  }

  /** Initialises the modem on the open port and goes idle, or counts the port as lost. */
  private async ready_(gen: number): Promise<void> {
    try {
      await this.initialise();
      if (gen !== this.generation) return;
      this.backoff = 1000;
      this.ready = true;
      this.setStatus('idle');
      this.armWatchdog();
    } catch (e) {
      this.lost(e instanceof Error ? e.message : String(e), gen);
    }
  }

  /**
   * The modem reset itself but the port is still there: any call is gone with its line state (the
   * modem went on hook), so the call ends as 'device-lost', and the modem is initialised again —
   * caller ID above all, which a reset switches off.
   */
  private async deviceReset(reason: string): Promise<void> {
    const at = this.at;
    if (!this.ready || !at) return;
    this.ready = false;
    const gen = this.generation;
    const hadCall = this.st === 'in-call' || this.st === 'dialing' || this.st === 'ringing';
    this.audio?.lost();
    at.leaveVoiceStates();
    if (this.audioDone) await this.audioDone;
    if (gen !== this.generation) return;
    if (this.ringTimer !== null) this.timers.clearTimeout(this.ringTimer);
    this.ringTimer = null;
    this.rings = 0;
    this.assembler.reset();
    this.byPhone = false;
    if (hadCall) this.emit('hangup', { reason: 'device-lost' });
    this.setStatus('initialising', reason);
    await this.ready_(gen);
  }

  private async initialise(): Promise<void> {
    const at = this.at!;
    this.busy = true;
    try {
      // A half-typed line from before must not swallow the reset.
      await at.write(Buffer.from('\r', 'latin1'));
      // E0 V1 Q0 on the reset line, as NCID does: a stored profile (AT&W) may have numeric results
      // (ATV0: the reset's answer is '0') or none at all (ATQ1). A modem that ignores what follows Z
      // still answers in its stored form, or not at all; identifyModem's ATE0V1Q0 then sets it.
      await at.command('ATZE0V1Q0', 5000, false, true).catch((e: unknown) => {
        if (!(e instanceof LineError && e.code === 'timeout')) throw e;
      });
      const found = await identifyModem(at);
      this.profile = found.profile;
      for (const c of this.profile.init) await at.command(c);
      const cidCommand = await this.enableCallerId();
      for (const c of this.opts.extraInit ?? []) await at.command(c);
      this.identity = { ...found.identity, callerIdCommand: cidCommand };
      // How the modem answers once set up — the user's extra commands may turn echo or numeric results
      // on, or caller ID to another mode: a change from this later means the modem reset itself.
      this.baseline = { echo: false, numeric: false, vcid: null };
      this.baseline = await this.readState(at);
    } finally {
      this.busy = false;
    }
  }

  /** Tries the profile's caller-ID commands for the mode; returns the one that worked. */
  private async enableCallerId(): Promise<string | null> {
    const mode = this.opts.callerIdMode ?? 'auto';
    const list = mode === 'off' ? this.profile.callerId.off : mode === 'unformatted' ? this.profile.callerId.unformatted : this.profile.callerId.formatted;
    for (const c of list) {
      const r = await this.at!.command(c);
      if (r.final === 'OK') return mode === 'off' ? null : c;
    }
    return null;
  }

  private lost(reason: string, gen: number): void {
    if (gen !== this.generation) return;
    this.generation++;
    this.ready = false;
    const hadCall = this.st === 'in-call' || this.st === 'dialing' || this.st === 'ringing';
    this.stopTimers();
    this.audio?.abort('hangup');
    this.audio = null;
    this.at?.close();
    this.at = null;
    const t = this.transport;
    this.transport = null;
    void t?.close().catch(() => undefined);
    if (hadCall) this.emit('hangup', { reason: 'device-lost' });
    this.byPhone = false;
    this.assembler.reset();
    this.rings = 0;
    if (this.closed) return;
    this.setStatus('disconnected', reason);
    const wait = this.backoff;
    this.backoff = this.backoff * 2;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, Math.min(wait, this.opts.maxBackoffMs ?? 30_000));
  }

  private armWatchdog(): void {
    if (this.watchdogTimer !== null) this.timers.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = this.timers.setTimeout(() => {
      this.watchdogTimer = null;
      if (this.st !== 'idle' || this.busy || !this.at) return this.armWatchdog();
      const gen = this.generation;
      this.watch(this.at).then(
        (reset) => (reset ? void this.deviceReset(reset) : this.armWatchdog()),
        () => this.lost('The modem stopped answering.', gen),
      );
    }, this.opts.watchdogMs ?? this.profile.watchdogMs);
  }

  /**
   * The idle check: the modem must answer AT (else it is gone), verbosely (a numeric answer means it
   * reset to a V0 profile), and still have caller ID on — a reset to an E0 V1 profile shows in nothing
   * else. Resolves with why the modem looks reset, or null.
   */
  private async watch(at: AtChannel): Promise<string | null> {
    const now = await this.readState(at);
    if (now.numeric && !this.baseline.numeric) return 'The modem reset itself (numeric results again).';
    if (now.echo && !this.baseline.echo) return 'The modem reset itself (it echoes commands again).';
    if (this.baseline.vcid !== null && now.vcid !== null && now.vcid !== this.baseline.vcid) return 'The modem reset itself (caller ID was off).';
    return null;
  }

  /** AT (echoed? numeric?) and, when caller ID was enabled with +VCID, its present mode. */
  private async readState(at: AtChannel): Promise<VoiceModemLine['baseline']> {
    const r = await at.command('AT', 3000, false, true);
    const state = { echo: r.echoed === true, numeric: r.numeric === true, vcid: null as string | null };
    if (state.numeric || !/^AT\+VCID=\d$/.test(this.identity?.callerIdCommand ?? '')) return state;
    const q = await at.command('AT+VCID?', 3000).catch(() => null);
    if (q?.final === 'OK') state.vcid = q.lines.map((l) => l.replace(/^\+VCID:\s*/i, '').trim()).find((l) => /^\d$/.test(l)) ?? null;
    return state;
  }

  private stopTimers(): void {
    for (const t of [this.ringTimer, this.retryTimer, this.watchdogTimer]) if (t !== null) this.timers.clearTimeout(t);
    this.ringTimer = this.retryTimer = this.watchdogTimer = null;
  }

  private traced(dir: 'tx' | 'rx', text: string): void {
    const entry = { dir, text, at: this.timers.now() };
    this.trace.push(entry);
    if (this.trace.length > 400) this.trace.splice(0, 200);
    this.emit('trace', entry);
  }

  // ------------------------------------------------------------ incoming

  private unsolicited(line: string): void {
    if (/^RING\b/i.test(line) || /^CID RING$/i.test(line)) return this.ring();
    if (line === 'NO CARRIER') return this.carrierLost();
    if (this.st === 'idle' || this.st === 'ringing') this.assembler.line(line);
  }

  private ring(): void {
    if (this.st !== 'idle' && this.st !== 'ringing') return;
    this.rings++;
    this.setStatus('ringing');
    this.armRingTimer();
    this.emit('ring', { count: this.rings });
    this.assembler.ring(this.rings);
  }

  private armRingTimer(): void {
    if (this.ringTimer !== null) this.timers.clearTimeout(this.ringTimer);
    this.ringTimer = this.timers.setTimeout(() => {
      this.ringTimer = null;
      if (this.st !== 'ringing') return;
      this.rings = 0;
      this.assembler.reset();
      this.setStatus('idle');
      this.emit('hangup', { reason: 'ring-stopped' });
    }, this.opts.ringTimeoutMs ?? 8000);
  }

  private dleEvent(e: DleEvent): void {
    if (e.kind === 'ring') return this.ring();
    if (e.kind === 'phone') return this.phone(e.phone, e.offHook);
    if (this.audio && this.audio.event(e)) return;
    if (e.kind === 'dtmf') {
      if (this.st === 'in-call') this.emit('dtmf', { digit: e.digit });
      else if (this.st === 'idle' || this.st === 'ringing') this.assembler.dtmf(e.digit);
      return;
    }
    if (e.kind === 'tone') {
      if (this.st !== 'in-call') return;
      if (e.tone === 'dial-tone' && this.profile.spuriousDialTone) return;
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
    this.at?.leaveVoiceStates();
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
      if (this.ringTimer !== null) this.timers.clearTimeout(this.ringTimer);
      this.ringTimer = null;
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

  private requireAt(): AtChannel {
    if (!this.at) throw new LineError('device-lost', 'The modem is not connected.');
    return this.at;
  }

  async answer(): Promise<void> {
    if (this.st !== 'ringing') throw new LineError('bad-state', 'The line is not ringing.');
    const at = this.requireAt();
    this.busy = true;
    try {
      for (const c of this.profile.offHook) {
        const r = await at.command(c);
        if (r.final !== 'OK' && r.final !== 'VCON') throw new LineError('bad-state', `${c}: ${r.final}`);
      }
    } finally {
      this.busy = false;
    }
    if (this.ringTimer !== null) this.timers.clearTimeout(this.ringTimer);
    this.ringTimer = null;
    this.setStatus('in-call');
    this.emit('answered', {});
  }

  async hangUp(): Promise<void> {
    if (this.st !== 'in-call' && this.st !== 'dialing') return;
    this.audio?.abort('stop');
    // Any character aborts a dial in progress (the modem answers NO CARRIER), so ours can go next.
    if (this.st === 'dialing') await this.at?.write(Buffer.from('\r', 'latin1')).catch(() => undefined);
    await this.onHook('local');
  }

  private async onHook(reason: 'local' | 'remote'): Promise<void> {
    const at = this.at;
    this.byPhone = false;
    this.setStatus('idle');
    this.rings = 0;
    this.assembler.reset();
    this.emit('hangup', { reason });
    if (!at) return;
    this.busy = true;
    try {
      for (const c of this.profile.onHook) await at.command(c).catch(() => undefined);
      // Back in the data class: caller ID must be switched on again.
      await this.enableCallerId().catch(() => null);
    } finally {
      this.busy = false;
    }
  }

  async dial(number: string): Promise<DialOutcome> {
    if (this.st !== 'idle') throw new LineError('bad-state', 'The line is busy.');
    const digits = number.replace(/[^0-9*#,]/g, '');
    if (!digits) throw new LineError('bad-state', 'Nothing to dial.');
    const at = this.requireAt();
    this.setStatus('dialing');
    this.busy = true;
    let final = 'ERROR';
    try {
      await at.command('AT+FCLASS=8');
      // The far end's answer (or busy / no answer) can take a minute on a real line.
      final = (await at.command(`ATD${digits}`, 90_000)).final;
    } catch {
      final = 'ERROR';
    } finally {
      this.busy = false;
    }
    if ((this.st as LineStatus) !== 'dialing') return 'failed'; // hung up meanwhile
    if (final === 'OK' || final === 'VCON' || final.startsWith('CONNECT')) {
      this.setStatus('in-call');
      this.emit('answered', {});
      return 'connected';
    }
    const outcome: DialOutcome = final === 'BUSY' ? 'busy' : final === 'NO ANSWER' ? 'no-answer' : /^NO DIAL ?TONE$/.test(final) ? 'no-dialtone' : 'failed';
    this.setStatus('idle');
    this.emit('hangup', { reason: outcome === 'failed' ? 'failed' : outcome });
    for (const c of this.profile.onHook) await at.command(c).catch(() => undefined);
    await this.enableCallerId().catch(() => null);
    return outcome;
  }

  private voiceAudio(): VoiceAudio {
    if (this.st !== 'in-call') throw new LineError('bad-state', 'No call in progress.');
    if (this.audio) throw new LineError('bad-state', 'Audio is already playing or recording.');
    const method = this.identity?.compression;
    if (!method) throw new LineError('unsupported', 'This modem offers no voice format Monshi can use.');
    const bits = this.identity?.compressions.find((m) => m.id === method.id)?.bits ?? 8;
    const audio = new VoiceAudio(this.requireAt(), this.timers, { ...method, bits }, this.profile, (pcm) => this.emit('audio', { pcm }), (d) => this.emit('dtmf', { digit: d }), (why) => void this.deviceReset(why));
    this.audio = audio;
    return audio;
  }

  async play(pcm: Pcm, o: { stopOnDtmf?: boolean } = {}): Promise<PlayOutcome> {
    const audio = this.voiceAudio();
    const p = audio.play(pcm, o.stopOnDtmf ?? false);
    this.audioDone = p.catch(() => undefined);
    try {
      return await p;
    } finally {
      if (this.audio === audio) this.audio = null;
    }
  }

  async record(o: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number }): Promise<RecordOutcome> {
    const audio = this.voiceAudio();
    const p = audio.record(o.maxMs, o.stopOnDtmf ?? false, o.silenceMs ?? 5000);
    this.audioDone = p.catch(() => undefined);
    try {
      return await p;
    } finally {
      if (this.audio === audio) this.audio = null;
    }
  }

  async recordCall(o: { maxMs: number }): Promise<RecordOutcome> {
    if (!this.abilities().recordCalls) throw new LineError('unsupported', 'This modem cannot record a conversation.');
    const audio = this.voiceAudio();
    const p = audio.record(o.maxMs, false, 0, { keep: false, lineMode: this.callLineMode() ?? undefined, voiceClass: this.byPhone });
    this.audioDone = p.catch(() => undefined);
    try {
      return await p;
    } finally {
      if (this.audio === audio) this.audio = null;
    }
  }

  async flash(digits: string): Promise<void> {
    if (!this.abilities().flash) throw new LineError('unsupported', 'This line cannot send a hook flash.');
    if (this.st !== 'in-call') throw new LineError('bad-state', 'No call in progress.');
    if (this.audio) throw new LineError('bad-state', 'Audio is playing or recording.');
    const keys = digits.replace(/[^0-9*#]/g, '');
    const at = this.requireAt();
    this.busy = true;
    try {
      // V.253 +VTS with each element's own duration (10 ms units), so +VTD's default of a second per
      // tone does not apply: a 300 ms hook flash (Conexant's own example), a second of silence for the
      // exchange's dial tone, then 100 ms digits with 50 ms gaps (two equal digits must not merge).
      const list = ['{!,30}', '[,,100]', keys.split('').map((k) => `{${k},10}`).join(',[,,5],')].filter(Boolean).join(',');
      const r = await at.command(`AT+VTS=${list}`, 10_000 + keys.length * 1000);
      if (r.final !== 'OK') throw new LineError('unsupported', `AT+VTS: ${r.final}`);
    } finally {
      this.busy = false;
    }
  }

  async stopAudio(): Promise<void> {
    this.audio?.abort('stop');
  }

  async test(): Promise<{ identity: LineIdentity; exchange: LineEvents['trace'][] }> {
    if (this.st !== 'idle') throw new LineError('bad-state', this.st === 'disconnected' ? 'The modem is not connected.' : 'The line is in use.');
    const from = this.trace.length;
    const at = this.requireAt();
    this.busy = true;
    try {
      const found = await identifyModem(at);
      const cid = await this.enableCallerId();
      this.identity = { ...found.identity, callerIdCommand: cid };
    } finally {
      this.busy = false;
    }
    return { identity: this.identity, exchange: this.trace.slice(from) };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.ready = false;
    this.generation++;
    this.stopTimers();
    this.audio?.abort('stop');
    this.at?.close();
    this.at = null;
    await this.transport?.close().catch(() => undefined);
    this.transport = null;
    this.setStatus('closed');
  }
}
