/**
 * One call slot of a SIP account, as a `Line`: one call at a time, like a modem, so everything written
 * against `Line` works on SIP unchanged. Its status follows the account while idle ('disconnected' with
 * the reason when the account is not registered) and its own call otherwise. `flash(digits)` is SIP's
 * blind transfer: a REFER to `digits` on the answered call, resolved when the PBX accepted it.
 *
 * Besides `Line`: early media both ways (the far end's 183 with SDP is heard by `record`/`recordCall` while
 * dialling, and `earlyAnswer()` — or the account's `earlyMedia` option — lets `play` reach a caller before
 * `answer()`), `hold`, `transfer` (blind, or attended to another channel's call) and `sendDigits`, with
 * SIP INFO for keys when the far end has no telephone-event (sip-channel.actions.ts).
 */
import type { Invitation, Inviter } from 'sip.js';
import { lineListeners } from '../../line-events';
import { LineError, type DialOutcome, type FaxHandoverResult, type Line, type LineEventName, type LineEvents } from '../../line';
import type { LineIdentity, LineInfo, LineStatus, PlayOutcome, RecordOutcome } from '../../line';
import type { CallMedia } from '../sip-media';
import type { ChannelHost } from './sip-account.types';
import { sipCallerId } from './sip-caller-id';
import { playOn, recordFrom, type AudioRun } from './sip-channel.audio';
import { newCall, refer, reinvite, sendInfoDigit, takeInfo, type Call } from './sip-channel.actions';
import { runInvite } from './sip-channel.dial';

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
    const call = newCall(inv, true);
    this.call = call;
    this.watch(call);
    this.setStatus('ringing');
    if (this.account.opts.earlyMedia) void this.earlyAnswer().catch(() => undefined);
    else void inv.progress().catch(() => undefined);
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
    this.delegates(call);
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
    if (call.media) this.unhook.push(call.media.onDigit((digit) => this.digit(call, digit)));
    this.setStatus('in-call');
    this.emit('answered', {});
  }

  /** A key of the far end, by RFC 4733 or SIP INFO: the line's `dtmf`, and whatever plays or records hears it. */
  private digit(call: Call, digit: string): void {
    if (this.call !== call) return;
    this.emit('dtmf', { digit });
    for (const l of [...call.digits]) l(digit);
  }

  private onDigit(call: Call): (l: (digit: string) => void) => () => void {
    return (l) => {
      call.digits.add(l);
      return () => call.digits.delete(l);
    };
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
    // earlyMedia: a 183 with SDP (ringback, an operator's announcement) is applied to the call's media at once.
    const inviter = new sip.Inviter(ua, target, { earlyMedia: true });
    const call = newCall(inviter, false);
    this.call = call;
    this.setStatus('dialing');
    this.delegates(call);
    return runInvite(sip, inviter, this.account.opts.timers, this.account.opts.noAnswerMs ?? 60_000, {
      settled: (o) => {
        if (o === 'connected') return this.established(call);
        if (this.call !== call) return;
        this.clearRing(call);
        this.call = null;
        this.emit('hangup', { reason: o === 'no-dialtone' ? 'failed' : o });
        this.accountChanged();
      },
      ended: () => {
        if (this.call === call) this.endCall(call.hangupSent ? 'local' : 'remote');
      },
      early: (code) => {
        call.early = true;
        this.emit('trace', { dir: 'rx', text: `${code} with SDP (early media)`, at: Date.now() });
      },
      cancelling: () => (call.hangupSent = true),
    });
  }

  private delegates(call: Call): void {
    call.session.delegate = {
      ...call.session.delegate,
      // The ACK reached sip.js: the call is confirmed end to end (without it sip.js holds its BYE ~32 s).
      onAck: () => this.emit('trace', { dir: 'rx', text: 'ACK (call confirmed)', at: Date.now() }),
      // Keys as SIP INFO (a far end without telephone-event): the same `dtmf` as RFC 4733's.
      onInfo: (info) => {
        const digit = takeInfo(info);
        if (digit) this.digit(call, digit);
      },
    };
  }

  /** The call whose audio can be played and recorded: answered, or with early media before the answer. */
  private audioCall(): Call {
    const call = this.call;
    if (!call || !(call.answered || call.early)) throw new LineError('bad-state', 'There is no call in progress.');
    return call;
  }

  private answeredCall(): Call {
    const call = this.call;
    if (!call || !call.answered) throw new LineError('bad-state', 'There is no call in progress.');
    return call;
  }

  /**
   * Early media on a ringing incoming call: 183 Session Progress with our SDP, so `play()` reaches the
   * caller (an announcement, the IVR's greeting) before `answer()` — which then confirms with 200 OK.
   */
  async earlyAnswer(): Promise<void> {
    const call = this.call;
    if (!call || !call.incoming || this.st !== 'ringing') throw new LineError('bad-state', 'There is no ringing call to answer early.');
    if (call.early) return;
    try {
      await (call.session as Invitation).progress({ statusCode: 183 });
    } catch (e) {
      throw new LineError('bad-state', `The call could not be answered early: ${e instanceof Error ? e.message : String(e)}`);
    }
    call.early = true;
    this.emit('trace', { dir: 'tx', text: '183 with SDP (early media)', at: Date.now() });
  }

  /** Holds the far end (re-INVITE sendonly: it hears nothing from us) or takes it back (sendrecv). */
  async hold(held: boolean): Promise<void> {
    const call = this.answeredCall();
    if (call.held === held) return;
    await reinvite(call.session, held);
    call.held = held;
    if (this.call === call) this.setStatus('in-call', held ? 'on hold' : null);
  }

  /**
   * Transfers the answered call and leaves it: `{ number }` blind (REFER to the number), `{ line }`
   * attended — another channel of this account with an answered call (the consultation): REFER with
   * Replaces, so the far end here replaces our call there; both our calls end once the transfer is done.
   */
  async transfer(to: { number: string } | { line: Line }): Promise<void> {
    const call = this.answeredCall();
    if ('number' in to) {
      await this.referTo(call, to.number, false);
    } else {
      const other = to.line;
      const target = other instanceof SipChannel && other.account === this.account ? other.call : null;
      if (!target || !target.answered || other === this) {
        throw new LineError('bad-state', 'An attended transfer needs an answered call on another channel of the same SIP account.');
      }
      await refer(call.session, target.session, true);
      await (other as SipChannel).hangUp();
    }
    await this.hangUp();
  }

  private async referTo(call: Call, number: string, untilAnswered: boolean): Promise<void> {
    const sip = this.account.sipJs()!;
    const clean = number.replace(/[\s\-()]/g, '');
    const target = /^\+?[0-9*#A-Za-z.]+$/.test(clean) ? sip.UserAgent.makeURI(`sip:${encodeURIComponent(clean)}@${this.account.domain}`) : undefined;
    if (!target) throw new LineError('bad-state', `Not a number to transfer to: ${number}`);
    await refer(call.session, target, untilAnswered);
  }

  /** Sends keys to the far end: RFC 4733 when its SDP has telephone-event, else one SIP INFO per key. */
  async sendDigits(digits: string): Promise<void> {
    const call = this.answeredCall();
    const media = this.account.opts.media.callMedia(call.session);
    if (media?.telephoneEvents) return media.sendDigits(digits);
    for (const d of digits.toUpperCase()) if ('0123456789*#ABCD'.includes(d) && this.call === call) await sendInfoDigit(call.session, d);
  }

  private mediaOf(call: Call): CallMedia {
    call.media ??= this.account.opts.media.callMedia(call.session);
    if (!call.media) throw new LineError('unsupported', 'This call has no audio.');
    return call.media;
  }

  async play(pcm: Int16Array, opts?: { stopOnDtmf?: boolean }): Promise<PlayOutcome> {
    const call = this.audioCall();
    const run = playOn(this.mediaOf(call), pcm, opts?.stopOnDtmf ?? false, this.onDigit(call));
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async record(opts: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number }): Promise<RecordOutcome> {
    const call = this.audioCall();
    const run = recordFrom(this.mediaOf(call), { ...opts, keep: true }, (pcm) => this.emit('audio', { pcm }), this.onDigit(call));
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async recordCall(opts: { maxMs: number }): Promise<RecordOutcome> {
    const call = this.audioCall();
    const run = recordFrom(this.mediaOf(call), { maxMs: opts.maxMs, keep: false }, (pcm) => this.emit('audio', { pcm }), this.onDigit(call));
    this.audioRun = run;
    const out = await run.done;
    if (this.audioRun === run) this.audioRun = null;
    return out;
  }

  async stopAudio(): Promise<void> {
    this.audioRun?.abort('stop');
  }

  async flash(digits: string): Promise<void> {
    await this.referTo(this.answeredCall(), digits, false);
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
