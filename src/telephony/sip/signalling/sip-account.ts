/**
 * A SIP account (a trunk on the office's PBX or a VoIP provider) with N simultaneous calls. Each call
 * slot is a `SipChannel`, a `Line` of its own (one call at a time, like a modem), so the IVR, voicemail,
 * recording, the popup and the call log work on SIP unchanged. An incoming INVITE goes to the first idle
 * channel; 486 Busy Here when all are busy.
 *
 * The account keeps itself registered: it registers, sip.js refreshes before expiry, and every
 * `keepaliveMs` it registers again — which both notices a server that stopped answering and puts the
 * registration back on a PBX that restarted and forgot it. When the server does not answer, refuses
 * the password, or the network is gone, every idle channel shows 'disconnected' with the reason in words,
 * the user agent is thrown away and a new one tries again with backoff, until `close()`.
 */
import dgram from 'node:dgram';
import type { Invitation, Registerer, UserAgent, UserAgentOptions } from 'sip.js';
import { realTimers, type Timers } from '../../transport';
import type { Line, LineEvents } from '../../line';
import { loadSipJs, provideWebSocket, type SipJs } from './sipjs-loader';
import { SocketTransport, type SocketTransportOptions } from './socket.transport';
import { registerFailureText, type RegisterFailure } from './sip-registration';
import { SipChannel } from './sip-channel';
import type { AccountState, ChannelHost, SipAccountOptions } from './sip-account.types';

export type { AccountState, SipAccountOptions, SipMediaSide } from './sip-account.types';

function hostPort(s: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(s.trim());
  return { host: m?.[1] ?? s, port: m?.[2] ? Number(m[2]) : defaultPort };
}

/** The local address the system would send from toward host:port (what the Via and Contact must name). */
function localIpToward(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = dgram.createSocket('udp4');
    s.once('error', (e) => (s.close(), reject(e)));
    s.connect(port, host, () => {
      const a = s.address().address;
      s.close();
      resolve(a);
    });
  });
}

export class SipAccount implements ChannelHost {
  readonly channels: SipChannel[];
  private sip: SipJs | null = null;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private state: AccountState = { status: 'initialising', detail: null };
  private readonly timers: Timers;
  private retryTimer: unknown = null;
  private keepTimer: unknown = null;
  private backoff = 1000;
  private closed = false;
  private generation = 0;
  private starting: Promise<void> | null = null;
  private socketError: NodeJS.ErrnoException | null = null;
  readonly server: { host: string; port: number };
  private readonly hop: { host: string; port: number };

  constructor(readonly opts: SipAccountOptions) {
    this.timers = opts.timers ?? realTimers;
    const secure = opts.transport === 'wss';
    this.server = hostPort(opts.server, opts.transport === 'ws' ? 80 : secure ? 443 : 5060);
    this.hop = opts.outboundProxy ? hostPort(opts.outboundProxy, this.server.port) : this.server;
    this.channels = Array.from({ length: Math.max(1, opts.channels) }, (_, i) => new SipChannel(this, `${opts.id}/${i + 1}`));
  }

  get lines(): Line[] {
    return this.channels;
  }

  /** `sip:user@server` as the office typed the server (with its port when one was given). */
  get domain(): string {
    return this.opts.server.trim();
  }

  accountState(): AccountState {
    return this.state;
  }

  userAgent(): UserAgent | null {
    return this.ua;
  }

  sipJs(): SipJs | null {
    return this.sip;
  }

  /** Starts registering (once, whichever channel asks first); resolves when the first attempt settled. */
  start(): Promise<void> {
    this.closed = false;
    this.starting ??= this.connect();
    return this.starting;
  }

  private setState(status: AccountState['status'], detail: string | null = null): void {
    this.state = { status, detail };
    for (const c of this.channels) c.accountChanged();
  }

  trace(entry: LineEvents['trace']): void {
    for (const c of this.channels) c.traced(entry);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const gen = ++this.generation;
    this.setState('initialising', this.state.detail);
    let failure: RegisterFailure | null = null;
    try {
      this.sip ??= await loadSipJs();
      const ua = await this.makeUserAgent(this.sip);
      if (gen !== this.generation) return void (await ua.stop().catch(() => undefined));
      this.ua = ua;
      await ua.start();
      const t = ua.transport;
      // The Contact must name the port we send from: a PBX sends its INVITEs there.
      if (t instanceof SocketTransport) ua.contact.uri.port = t.localPort;
      const reg = new this.sip.Registerer(ua, {
        expires: this.opts.registerExpiresS ?? 300,
        registrar: this.sip.UserAgent.makeURI(`sip:${this.domain}`)!,
      });
      // sip.js's own refresh timer calls register() and drops the promise: when our keepalive REGISTER is still
      // waiting for its answer, that one rejects (RequestPendingError) unhandled, which would end the engine.
      const own = reg.register.bind(reg);
      reg.register = (o) => {
        const p = own(o);
        p.catch(() => undefined);
        return p;
      };
      this.registerer = reg;
      this.registerer.stateChange.addListener((s) => {
        // sip.js's own refresh failed: the registration is gone; start over.
        if (s === this.sip!.RegistererState.Unregistered && gen === this.generation && this.state.status === 'idle') {
          this.down(gen, { kind: 'timeout' });
        }
      });
      failure = await this.register(gen);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      failure = { kind: 'socket', code: err.code ?? '', message: err.message };
    }
    if (gen !== this.generation) return;
    if (failure) return this.down(gen, failure);
    this.backoff = 1000;
    this.setState('idle');
    this.armKeepalive(gen);
  }

  private async makeUserAgent(sip: SipJs): Promise<UserAgent> {
    const o = this.opts;
    const uri = sip.UserAgent.makeURI(`sip:${encodeURIComponent(o.user)}@${this.domain}`);
    if (!uri) throw Object.assign(new Error(`Not a SIP address: ${o.user}@${this.domain}`), { code: 'EBADURI' });
    const common: UserAgentOptions = {
      uri,
      authorizationUsername: o.authUser || o.user,
      authorizationPassword: o.password,
      displayName: o.displayName ?? '',
      contactName: o.user,
      forceRport: true,
      logBuiltinEnabled: false,
      logLevel: 'error',
      userAgentString: 'Monshi',
      // The channel decides when an unanswered call is given up (the IVR answers after its rings).
      noAnswerTimeout: 3600,
      reconnectionAttempts: 0,
      // Stopping never waits for a server that may be gone; close() unregisters first, with a time limit.
      gracefulShutdown: false,
      sessionDescriptionHandlerFactory: o.media.factory,
      delegate: { onInvite: (inv) => this.incoming(inv) },
    };
    if (o.transport === 'ws' || o.transport === 'wss') {
      // sip.js's own WebSocket transport; Node 20 has no WebSocket of its own.
      provideWebSocket((await import('ws')).WebSocket);
      const target = o.outboundProxy ? this.hop : this.server;
      return new sip.UserAgent({ ...common, transportOptions: { server: `${o.transport}://${target.host}:${target.port}`, connectionTimeout: 5 } });
    }
    const local = o.localAddress && o.localAddress !== '0.0.0.0' ? o.localAddress : await localIpToward(this.hop.host, this.hop.port);
    const transportOptions: SocketTransportOptions = {
      protocol: o.transport,
      host: this.hop.host,
      port: this.hop.port,
      localAddress: o.localAddress && o.localAddress !== '0.0.0.0' ? o.localAddress : '',
      sip,
      onTrace: (dir, text) => this.trace({ dir, text, at: this.timers.now() }),
      onError: (err) => (this.socketError = err),
    };
    return new sip.UserAgent({ ...common, viaHost: local, contactParams: { transport: o.transport }, transportConstructor: SocketTransport, transportOptions });
  }

  /** One REGISTER (a first one or a refresh): null when the server accepted it, else why not. */
  private register(gen: number): Promise<RegisterFailure | null> {
    const reg = this.registerer;
    if (!reg) return Promise.resolve({ kind: 'timeout' });
    this.socketError = null;
    return new Promise((resolve) => {
      let done = false;
      const finish = (f: RegisterFailure | null): void => {
        if (done) return;
        done = true;
        this.timers.clearTimeout(timer);
        resolve(gen === this.generation ? f : null);
      };
      const timer = this.timers.setTimeout(() => {
        const e = this.socketError;
        finish(e ? { kind: 'socket', code: e.code ?? '', message: e.message } : { kind: 'timeout' });
      }, this.opts.requestTimeoutMs ?? 8000);
      reg
        .register({
          requestDelegate: {
            onAccept: () => finish(null),
            onReject: (r) => finish({ kind: 'rejected', code: r.message.statusCode ?? 0, reason: r.message.reasonPhrase ?? '' }),
          },
        })
        .catch((e: unknown) => finish({ kind: 'socket', code: (e as NodeJS.ErrnoException).code ?? '', message: String(e) }));
    });
  }

  private armKeepalive(gen: number): void {
    this.keepTimer = this.timers.setTimeout(() => {
      this.keepTimer = null;
      if (gen !== this.generation || this.closed) return;
      void this.register(gen).then((f) => {
        if (gen !== this.generation) return;
        if (f) this.down(gen, f);
        else this.armKeepalive(gen);
      });
    }, this.opts.keepaliveMs ?? 60_000);
  }

  /** Not registered: the reason shown, the user agent (and any call on it) dropped, a new try later. */
  private down(gen: number, f: RegisterFailure): void {
    if (gen !== this.generation || this.closed) return;
    this.generation++;
    this.stopTimers();
    this.dropUserAgent();
    this.setState('disconnected', registerFailureText(f, `${this.hop.host}:${this.hop.port}`));
    const wait = Math.min(this.backoff, this.opts.maxBackoffMs ?? 60_000);
    this.backoff *= 2;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      this.starting = this.connect();
    }, wait);
  }

  private dropUserAgent(): void {
    const ua = this.ua;
    this.ua = null;
    this.registerer = null;
    for (const c of this.channels) c.accountLost();
    if (!ua) return;
    // The server may be gone: close the socket first so no unREGISTER waits for it.
    void ua.transport
      .disconnect()
      .catch(() => undefined)
      .then(() => ua.stop())
      .catch(() => undefined);
  }

  private incoming(inv: Invitation): void {
    // An offer we cannot answer gets 488 (sip.js would send 480, which makes a PBX hunt on or retry).
    const why = inv.body ? this.opts.media.refuse?.(inv.body) : null;
    if (why) {
      void inv.reject({ statusCode: 488, reasonPhrase: 'Not Acceptable Here' }).catch(() => undefined);
      return;
    }
    const free = this.channels.find((c) => c.takesCalls());
    if (!free) {
      void inv.reject({ statusCode: 486, reasonPhrase: 'Busy Here' }).catch(() => undefined);
      return;
    }
    free.incoming(inv);
  }

  private stopTimers(): void {
    for (const t of [this.retryTimer, this.keepTimer]) if (t !== null) this.timers.clearTimeout(t);
    this.retryTimer = this.keepTimer = null;
  }

  /** Unregisters (within a second) and stops; the channels go 'closed'. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.generation++;
    this.stopTimers();
    const ua = this.ua;
    const reg = this.registerer;
    this.ua = null;
    this.registerer = null;
    for (const c of this.channels) c.accountLost();
    if (ua) {
      let limitTimer: unknown = null;
      const limit = new Promise((r) => (limitTimer = this.timers.setTimeout(() => r(undefined), 1000)));
      await Promise.race([reg?.unregister().catch(() => undefined), limit]);
      this.timers.clearTimeout(limitTimer);
      await ua.transport.disconnect().catch(() => undefined);
      await ua.stop().catch(() => undefined);
    }
    this.setState('closed');
  }

  /** A channel was closed; the account closes with its last channel (resolves once it has: no timer of it is left). */
  channelClosed(): Promise<void> {
    return this.channels.every((c) => c.isClosed()) ? this.close() : Promise.resolve();
  }
}

export function createSipAccount(opts: SipAccountOptions): SipAccount {
  return new SipAccount(opts);
}
