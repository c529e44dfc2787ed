/**
 * The connection side of a voice-modem line: it opens the port, resets and identifies the modem, picks
 * the quirks profile and the voice method by name, enables caller ID (again after every reset and class
 * change — Conexant and USR firmware forget it), watches the idle modem, notices a modem that reset
 * itself, and closes and reopens a modem that vanished (USB unplugged) or stopped answering, with
 * backoff. It knows nothing of calls: the call side (voice-modem.line.ts) gives it a `CallSide` and is
 * told when the device went away or reset, so the call in progress ends with 'device-lost'.
 */
import { LineError, type LineEvents, type LineIdentity, type LineStatus } from '../line';
import type { Timers, Transport, TransportFactory } from '../transport';
import { AtChannel } from './at-channel';
import type { DleEvent } from './dle';
import { identifyModem } from './modem-identify';
import { profileById, type ModemProfile } from './modem-profiles';

export type SupervisorOptions = {
  port: string;
  open: TransportFactory;
  callerIdMode?: 'auto' | 'formatted' | 'unformatted' | 'off';
  extraInit?: string[];
  timers: Timers;
  /** Longest wait between reconnect attempts. */
  maxBackoffMs?: number;
  /** Overrides the profile's idle watchdog interval (tests). */
  watchdogMs?: number;
};

/**
 * What the supervisor needs of the call side. `interrupt` stops the call's audio at once: 'lost' (the
 * port is gone: abort, no end sequence can come), 'reset' (the modem left the voice state by itself),
 * 'close'; it says whether a call was in progress and gives the play/record's settling promise.
 * `forget` then drops the call's state and ends a call that was in progress as 'device-lost'.
 */
export type CallSide = {
  status(): LineStatus;
  setStatus(s: LineStatus, detail?: string | null): void;
  line(text: string): void;
  event(e: DleEvent): void;
  audio(bytes: Uint8Array): void;
  trace(entry: LineEvents['trace']): void;
  interrupt(how: 'lost' | 'reset' | 'close'): { hadCall: boolean; settled: Promise<unknown> | null };
  forget(hadCall: boolean): void;
};

type ModemState = { echo: boolean; numeric: boolean; vcid: string | null };

export class ModemSupervisor {
  private transport: Transport | null = null;
  private channel: AtChannel | null = null;
  private retryTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private backoff = 1000;
  private closed = false;
  /** A command sequence of ours is running (the watchdog stays quiet). */
  private busy = false;
  private generation = 0;
  /** Initialised and in E0 V1: an echo or a numeric result from now on means the modem reset. */
  private ready = false;
  /** How the modem answered right after its set-up (see readState). */
  private baseline: ModemState = { echo: false, numeric: false, vcid: null };
  private readonly traceLog: LineEvents['trace'][] = [];
  profile: ModemProfile = profileById('generic-v253')!;
  identity: LineIdentity | null = null;

  constructor(
    private readonly opts: SupervisorOptions,
    private readonly calls: CallSide,
  ) {}

  get at(): AtChannel | null {
    return this.channel;
  }

  requireAt(): AtChannel {
    if (!this.channel) throw new LineError('device-lost', 'The modem is not connected.');
    return this.channel;
  }

  /**
   * Lends the port to the fax engine: the AT channel stops reading and the watchdog stays quiet until
   * the returned function gives it back. Null when the modem is not connected.
   */
  lend(): { transport: Transport; giveBack(): void } | null {
    const transport = this.transport;
    const channel = this.channel;
    if (!transport || !channel) return null;
    this.busy = true;
    channel.suspend();
    const gen = this.generation;
    return {
      transport,
      giveBack: () => {
        this.busy = false;
        // The port went away meanwhile: a new one is being opened with a channel of its own.
        if (gen === this.generation) channel.resume();
      },
    };
  }

  /** Runs a command sequence of the call side; the idle watchdog does not probe meanwhile. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  async start(): Promise<void> {
    this.closed = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const gen = ++this.generation;
    this.calls.setStatus('initialising');
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
    this.channel = new AtChannel(transport, {
      timers: this.opts.timers,
      onLine: (l) => this.calls.line(l),
      onEvent: (e) => this.calls.event(e),
      onAudio: (b) => this.calls.audio(b),
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
      this.calls.setStatus('idle');
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
  async deviceReset(reason: string): Promise<void> {
    const at = this.channel;
    if (!this.ready || !at) return;
    this.ready = false;
    const gen = this.generation;
    const { hadCall, settled } = this.calls.interrupt('reset');
    at.leaveVoiceStates();
    if (settled) await settled;
    if (gen !== this.generation) return;
    this.calls.forget(hadCall);
    this.calls.setStatus('initialising', reason);
    await this.ready_(gen);
  }

  private async initialise(): Promise<void> {
    const at = this.channel!;
    await this.exclusive(async () => {
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
    });
  }

  /** Tries the profile's caller-ID commands for the mode; returns the one that worked. */
  async enableCallerId(): Promise<string | null> {
    const mode = this.opts.callerIdMode ?? 'auto';
    const list = mode === 'off' ? this.profile.callerId.off : mode === 'unformatted' ? this.profile.callerId.unformatted : this.profile.callerId.formatted;
    for (const c of list) {
      const r = await this.channel!.command(c);
      if (r.final === 'OK') return mode === 'off' ? null : c;
    }
    return null;
  }

  /**
   * After a fax: the set-up a reset would need, without the reset (the modem is known): the profile's
   * init and on-hook commands (out of Class 1, back to the data class the line idles in), caller ID —
   * which USR and Conexant firmware forget on a class change — and the user's extra commands.
   */
  async afterFax(): Promise<void> {
    const at = this.requireAt();
    await this.exclusive(async () => {
      for (const c of [...this.profile.init, ...this.profile.onHook]) await at.command(c).catch(() => undefined);
      const cid = await this.enableCallerId().catch(() => null);
      for (const c of this.opts.extraInit ?? []) await at.command(c).catch(() => undefined);
      if (this.identity) this.identity = { ...this.identity, callerIdCommand: cid };
    });
  }

  /** Re-identifies the device (the "test modem" view) and returns the exchange as sent and received. */
  async reidentify(): Promise<{ identity: LineIdentity; exchange: LineEvents['trace'][] }> {
    const from = this.traceLog.length;
    const at = this.requireAt();
    const identity = await this.exclusive(async () => {
      const found = await identifyModem(at);
      const cid = await this.enableCallerId();
      return { ...found.identity, callerIdCommand: cid };
    });
    this.identity = identity;
    return { identity, exchange: this.traceLog.slice(from) };
  }

  private lost(reason: string, gen: number): void {
    if (gen !== this.generation) return;
    this.generation++;
    this.ready = false;
    const { hadCall } = this.calls.interrupt('lost');
    this.stopTimers();
    this.channel?.close();
    this.channel = null;
    const t = this.transport;
    this.transport = null;
    void t?.close().catch(() => undefined);
    this.calls.forget(hadCall);
    if (this.closed) return;
    this.calls.setStatus('disconnected', reason);
    const wait = this.backoff;
    this.backoff = this.backoff * 2;
    this.retryTimer = this.opts.timers.setTimeout(
      () => {
        this.retryTimer = null;
        void this.connect();
      },
      Math.min(wait, this.opts.maxBackoffMs ?? 30_000),
    );
  }

  private armWatchdog(): void {
    if (this.watchdogTimer !== null) this.opts.timers.clearTimeout(this.watchdogTimer);
    this.watchdogTimer = this.opts.timers.setTimeout(() => {
      this.watchdogTimer = null;
      if (this.calls.status() !== 'idle' || this.busy || !this.channel) return this.armWatchdog();
      const gen = this.generation;
      this.watch(this.channel).then(
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
  private async readState(at: AtChannel): Promise<ModemState> {
    const r = await at.command('AT', 3000, false, true);
    const state = { echo: r.echoed === true, numeric: r.numeric === true, vcid: null as string | null };
    if (state.numeric || !/^AT\+VCID=\d$/.test(this.identity?.callerIdCommand ?? '')) return state;
    const q = await at.command('AT+VCID?', 3000).catch(() => null);
    if (q?.final === 'OK') state.vcid = q.lines.map((l) => l.replace(/^\+VCID:\s*/i, '').trim()).find((l) => /^\d$/.test(l)) ?? null;
    return state;
  }

  private stopTimers(): void {
    for (const t of [this.retryTimer, this.watchdogTimer]) if (t !== null) this.opts.timers.clearTimeout(t);
    this.retryTimer = this.watchdogTimer = null;
  }

  private traced(dir: 'tx' | 'rx', text: string): void {
    const entry = { dir, text, at: this.opts.timers.now() };
    this.traceLog.push(entry);
    if (this.traceLog.length > 400) this.traceLog.splice(0, 200);
    this.calls.trace(entry);
  }

  /** Closes the port for good; the call side has its status set to 'closed' afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.ready = false;
    this.generation++;
    this.stopTimers();
    this.calls.interrupt('close');
    this.channel?.close();
    this.channel = null;
    await this.transport?.close().catch(() => undefined);
    this.transport = null;
  }
}
