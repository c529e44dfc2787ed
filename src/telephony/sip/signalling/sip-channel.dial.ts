/**
 * An outgoing call's INVITE until its outcome, for SipChannel.dial: 'connected' when the far end answers,
 * busy / no answer / failed from the final response, 'no-answer' when nobody answers in time (the
 * INVITE is then cancelled). A 183 (or 180) with SDP is early media: sip.js applies it to the call's media
 * (the Inviter is made with `earlyMedia`), and the channel is told so its audio can be recorded.
 */
import type { Inviter } from 'sip.js';
import type { DialOutcome } from '../../line';
import type { Timers } from '../../transport';
import type { SipJs } from './sipjs-loader';

export type InviteHooks = {
  /** The outcome, once: the channel starts the call ('connected') or clears it (anything else). */
  settled(o: DialOutcome): void;
  /** The connected call's session ended. */
  ended(): void;
  /** A provisional response with SDP: early media flows. */
  early(statusCode: number): void;
  /** We cancel (no answer in time): the end is ours. */
  cancelling(): void;
};

export function runInvite(sip: SipJs, inviter: Inviter, t: Timers | undefined, noAnswerMs: number, hooks: InviteHooks): Promise<DialOutcome> {
  return new Promise<DialOutcome>((resolve) => {
    let settled = false;
    const settle = (o: DialOutcome): void => {
      if (settled) return;
      settled = true;
      if (t) t.clearTimeout(timer);
      else clearTimeout(timer as ReturnType<typeof setTimeout>);
      hooks.settled(o);
      resolve(o);
    };
    const giveUp = (): void => {
      hooks.cancelling();
      void inviter.cancel().catch(() => undefined);
      settle('no-answer');
    };
    const timer: unknown = t ? t.setTimeout(giveUp, noAnswerMs) : setTimeout(giveUp, noAnswerMs);
    inviter.stateChange.addListener((s) => {
      if (s === sip.SessionState.Established) settle('connected');
      // The final response's delegate (busy, no answer) may come after the state: it decides first.
      if (s === sip.SessionState.Terminated && !settled) setImmediate(() => settle('failed'));
      if (s === sip.SessionState.Terminated && settled) hooks.ended();
    });
    inviter
      .invite({
        requestDelegate: {
          onProgress: (r) => {
            if (r.message.body && /application\/sdp/i.test(r.message.getHeader('content-type') ?? '')) hooks.early(r.message.statusCode ?? 183);
          },
          onReject: (r) => {
            const code = r.message.statusCode;
            settle(code === 486 || code === 600 ? 'busy' : code === 408 || code === 480 || code === 487 ? 'no-answer' : 'failed');
          },
        },
      })
      .catch(() => settle('failed'));
  });
}
