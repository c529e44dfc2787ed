/**
 * One call slot of a SIP account, as a `Line`: one call at a time, like a modem, so everything written
 * against `Line` works on SIP unchanged. Its status follows the account while idle ('disconnected' with
 * the reason when the account is not registered) and its own call otherwise. `flash(digits)` is SIP's
 * blind transfer: a REFER to `digits` on the answered call, resolved when the PBX accepted it.
 */
import type { Invitation, Inviter, Session } from 'sip.js';
import { lineListeners } from '../../line-events';
import { LineError, type DialOutcome, type FaxHandoverResult, type Line, type LineEventName, type LineEvents } from '../../line';
import type { LineIdentity, LineInfo, LineStatus, PlayOutcome, RecordOutcome } from '../../line';
import type { CallMedia } from '../sip-media';
import type { ChannelHost } from './sip-account.types';
import { sipCallerId } from './sip-caller-id';
import { playOn, recordFrom, type AudioRun } from './sip-channel.audio';

type Call = { session: Session; incoming: boolean; ringTimer: unknown; rings: number; answered: boolean; hangupSent: boolean; media: CallMedia | null };

export class SipChannel implements Line {
  readonly kind = 'sip' as const;
  private readonly events = lineListeners();
  private st: LineStatus = 'initialising';
  private detail: string | null = null;
  private call: Call | null = null;
  private closed = false;
  private audioRun: AudioRun | null = null;
  private readonly unhook: (() => void)[] = [];

  constructor(
    private readonly account: ChannelHost,
    readonly id: string,
  ) {}

  info(): LineInfo {
    const o = this.account.opts;
    return {
      id: this.id,
      kind: 'sip',
      port: `sip:${o.user}@${o.server} (${o.transport})`,
      status: this.st,
      detail: this.detail,
      identity: null,
      abilities: { recordCalls: 'line', flash: true, fax: null },
    };
  }

  on<E extends LineEventName>(event: E, listener: (payload: LineEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  private emit<E extends LineEventName>(event: E, payload: LineEvents[E]): void {
    this.events.emit(event, payload);
  }

  private setStatus(s: LineStatus, detail: string | null = null): void {
    if (s === this.st && detail === this.detail) return;
    this.st = s;
    this.detail = detail;
    this.emit('status', { status: s, detail });
  }

  traced(entry: LineEvents['trace']): void {
    this.emit('trace', entry);
  }

  isClosed(): boolean {
    return this.closed;
  }

  /** Idle and registered: the next incoming call may come here. */
  takesCalls(): boolean {
    return !this.closed && !this.call && this.st === 'idle';
  }

  /** The account's registration changed: an idle channel shows it. */
  accountChanged(): void {
    if (this.closed || this.call) return;
    const a = this.account.accountState();
    this.setStatus(a.status, a.detail);
  }

  /** The user agent is gone (server down, close): a call on it ended with the device. */
  accountLost(): void {
    if (!this.call) return;
    this.endCall('device-lost');
  }

  async start(): Promise<void> {
    this.closed = false;
    this.accountChanged();
    await this.account.start();
  }

  incoming(inv: Invitation): void {
    const call: Call = { session: inv, incoming: true, ringTimer: null, rings: 0, answered: false, hangupSent: false, media: null };
    this.call = call;
    this.watch(call);
    this.setStatus('ringing');
    void inv.progress().catch(() => undefined);
    this.ring(call);
    const req = inv.request;
    this.emit('caller-id', sipCallerId({ get: (name) => req.getHeaders(name) }));
  }

  private ring(call: Call): void {
    if (this.call !== call || call.answered) return;
    call.rings++;
    this.emit('ring', { count: call.rings });
    const t = this.account.opts.timers ?? null;
    const every = this.account.opts.ringIntervalMs ?? 4000;
    call.ringTimer = t ? t.setTimeout(() => this.ring(call), every) : setTimeout(() => this.ring(call), every);
  }

  private clearRing(call: Call): void {
    if (call.ringTimer === null) return;
    const t = this.account.opts.timers;
    if (t) t.clearTimeout(call.ringTimer);
    else clearTimeout(call.ringTimer as ReturnType<typeof setTimeout>);
    call.ringTimer = null;
  }

  /** The session's end as the line's hang-up, whoever ended it. */
  private watch(call: Call): void {
    const sip = this.account.sipJs()!;
    call.session.delegate = {
      ...call.session.delegate,
      // The ACK reached sip.js: the call is confirmed end to end (without it sip.js holds its BYE ~32 s).
      onAck: () => this.emit('trace', { dir: 'rx', text: 'ACK (call confirmed)', at: Date.now() }),
    };
    call.session.stateChange.addListener((s) => {
      if (this.call !== call) return;
      if (s === sip.SessionState.Established && call.incoming) this.established(call);
      if (s === sip.SessionState.Terminated) {
        if (call.hangupSent) return this.endCall('local');
        this.endCall(call.answered ? 'remote' : 'ring-stopped');
      }
    });
  }

  private established(call: Call): void {
    this.clearRing(call);
    call.answered = true;
    call.media = this.account.opts.media.callMedia(call.session);
    // The far end's keys are the line's `dtmf` events for the whole call, whatever plays or records.
    if (call.media) this.unhook.push(call.media.onDigit((digit) => this.emit('dtmf', { digit })));
    this.setStatus('in-call');
    this.emit('answered', {});
  }

  private endCall(reason: LineEvents['hangup']['reason']): void {
    const call = this.call;
    if (!call) return;
    this.clearRing(call);
    this.audioRun?.abort('hangup');
    this.audioRun = null;
    this.call = null;
    for (const u of this.unhook.splice(0)) u();
    this.emit('hangup', { reason });
    this.accountChanged();
  }

  async answer(): Promise<void> {
    const call = this.call;
    if (!call || !call.incoming || this.st !== 'ringing') throw new LineError('bad-state', 'There is no ringing call to answer.');
    try {
      await (call.session as Invitation).accept();
    } catch (e) {
      // The caller gave up as we answered: the state listener ends the call.
      if (this.call === call) this.endCall('failed');
      throw new LineError('bad-state', `The call could not be answered: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async hangUp(): Promise<void> {
    const call = this.call;
    if (!call) return;
    call.hangupSent = true;
    const sip = this.account.sipJs()!;
    const s = call.session;
    try {
      if (s.state === sip.SessionState.Established) await s.bye();
      else if (call.incoming) await (s as Invitation).reject({ statusCode: 603, reasonPhrase: 'Decline' });
      else await (s as Inviter).cancel();
    } catch {
      // Already ending (the far end hung up at the same moment).
    }
    if (this.call === call) this.endCall('local');
  }

  async dial(number: string): Promise<DialOutcome> {
    const sip = this.account.sipJs();
    const ua = this.account.userAgent();
    if (this.call || this.st !== 'idle' || !sip || !ua) throw new LineError('bad-state', `The line is ${this.st}, not idle.`);
    const target = sip.UserAgent.makeURI(`sip:${encodeURIComponent(number.replace(/[\s\-()]/g, ''))}@${this.account.domain}`);
    if (!target || !/^\+?[0-9*#A-Za-z.]+$/.test(number.replace(/[\s\-()]/g, ''))) return 'failed';
    const inviter = new sip.Inviter(ua, target);
    const call: Call = { session: inviter, incoming: false, ringTimer: null, rings: 0, answered: false, hangupSent: false, media: null };
    this.call = call;
    this.setStatus('dialing');
    return new Promise<DialOutcome>((resolve) => {
      let settled = false;
      const t = this.account.opts.timers;
      const settle = (o: DialOutcome): void => {
        if (settled) return;
        settled = true;
        if (t) t.clearTimeout(timer);
        else clearTimeout(timer as ReturnType<typeof setTimeout>);
        if (o === 'connected') {
          this.established(call);
        } else if (this.call === call) {
          this.clearRing(call);
          this.call = null;
          this.emit('hangup', { reason: o === 'no-dialtone' ? 'failed' : o });
          this.accountChanged();
        }
        resolve(o);
      };
      const giveUp = (): void => {
        call.hangupSent = true;
        void inviter.cancel().catch(() => undefined);
        settle('no-answer');
      };
      const ms = this.account.opts.noAnswerMs ?? 60_000;
      const timer: unknown = t ? t.setTimeout(giveUp, ms) : setTimeout(giveUp, ms);
      inviter.stateChange.addListener((s) => {
        if (s === sip.SessionState.Established) settle('connected');
        // The final response's delegate (busy, no answer) may come after the state: it decides first.
        if (s === sip.SessionState.Terminated && !settled) setImmediate(() => settle('failed'));
        if (s === sip.SessionState.Terminated && settled && this.call === call) this.endCall(call.hangupSent ? 'local' : 'remote');
      });
      this.watchOutgoing(call);
      inviter
        .invite({
          requestDelegate: {
            onReject: (r) => {
              const code = r.message.statusCode;
              settle(code === 486 || code === 600 ? 'busy' : code === 408 || code === 480 || code === 487 ? 'no-answer' : 'failed');
            },
          },
        })
        .catch(() => settle('failed'));
    });
  }

  private watchOutgoing(call: Call): void {
    call.session.delegate = {
      ...call.session.delegate,
      onAck: () => this.emit('trace', { dir: 'rx', text: 'ACK (call confirmed)', at: Date.now() }),
    };
  }

  private answeredCall(): Call {
    const call = this.call;
    if (!call || !call.answered) throw new LineError('bad-state', 'There is no call in progress.');
    return call;
  }

  private mediaOf(call: Call): CallMedia {
    call.media ??= this.account.opts.media.callMedia(call.session);
    if (!call.media) throw new LineError('unsupported', 'This call has no audio.');
    return call.media;
  }

  async play(pcm: Int16Array, opts?: { stopOnDtmf?: boolean }): Promise<PlayOutcome> {
    const run = playOn(this.mediaOf(this.answeredCall()), pcm, opts?.stopOnDtmf ?? false);
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async record(opts: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number }): Promise<RecordOutcome> {
    const run = recordFrom(this.mediaOf(this.answeredCall()), { ...opts, keep: true }, (pcm) => this.emit('audio', { pcm }));
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async recordCall(opts: { maxMs: number }): Promise<RecordOutcome> {
    const run = recordFrom(this.mediaOf(this.answeredCall()), { maxMs: opts.maxMs, keep: false }, (pcm) => this.emit('audio', { pcm }));
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async stopAudio(): Promise<void> {
    this.audioRun?.abort('stop');
  }

  async flash(digits: string): Promise<void> {
    const call = this.answeredCall();
    const sip = this.account.sipJs()!;
    const target = sip.UserAgent.makeURI(`sip:${encodeURIComponent(digits)}@${this.account.domain}`);
    if (!target) throw new LineError('bad-state', `Not a number to transfer to: ${digits}`);
    await new Promise<void>((resolve, reject) => {
      call.session
        .refer(target, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (r) => reject(new LineError('bad-state', `The PBX refused the transfer: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
          },
        })
        .catch((e: unknown) => reject(new LineError('bad-state', `The transfer could not be sent: ${String(e)}`)));
    });
  }

  async fax(): Promise<FaxHandoverResult> {
    throw new LineError('unsupported', 'Fax is not available on SIP lines (T.38 later).');
  }

  async test(): Promise<{ identity: LineIdentity; exchange: LineEvents['trace'][] }> {
    throw new LineError('unsupported', 'A SIP line has no device to identify; its status says whether it is registered.');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    if (this.call) await this.hangUp();
    this.closed = true;
    for (const u of this.unhook.splice(0)) u();
    this.setStatus('closed');
    await this.account.channelClosed();
  }
}
