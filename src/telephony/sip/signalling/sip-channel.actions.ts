/**
 * What a SIP channel does on an answered call besides audio, on its sip.js session: hold and unhold (a
 * re-INVITE whose offer says sendonly, then sendrecv again), transfer (REFER; with Replaces for an
 * attended transfer) and SIP INFO DTMF both ways — the fallback for a far end whose SDP has no
 * telephone-event (RFC 4733), as many older PBXs and ATAs send keys that way.
 */
import type { Info, Session, URI } from 'sip.js';
import { LineError } from '../../line';
import type { RtpDescriptionOptions } from '../media/rtp-description-handler';

import type { CallMedia } from '../sip-media';

/** The call a channel holds, from the first INVITE to the hang-up. */
export type Call = {
  session: Session;
  incoming: boolean;
  ringTimer: unknown;
  rings: number;
  answered: boolean;
  /** The far end's 183 with SDP (dialling), or our own (earlyAnswer): audio flows before the answer. */
  early: boolean;
  held: boolean;
  hangupSent: boolean;
  media: CallMedia | null;
  /** Who listens to the call's keys now (a play or record that stops on one). */
  digits: Set<(digit: string) => void>;
};

export const newCall = (session: Session, incoming: boolean): Call => ({
  session,
  incoming,
  ringTimer: null,
  rings: 0,
  answered: false,
  early: false,
  held: false,
  hangupSent: false,
  media: null,
  digits: new Set(),
});

const KEYS = '0123456789*#ABCD';

/**
 * The digit of an INFO body: application/dtmf-relay ("Signal=5\r\nDuration=160", Cisco's and Asterisk's)
 * or application/dtmf ("5"); Signal may also be the event code (10 = *, 11 = #, 12–15 = A–D). Null when
 * the INFO carries no key (another use of INFO).
 */
export function infoDigit(contentType: string | undefined, body: string): string | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let raw: string | null = null;
  if (type === 'application/dtmf-relay') raw = /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body)?.[1] ?? null;
  else if (type === 'application/dtmf') raw = body.trim().split(/\s+/)[0] ?? null;
  if (!raw) return null;
  if (/^\d{2}$/.test(raw)) return KEYS[Number(raw)] ?? null;
  const key = raw.toUpperCase();
  return key.length === 1 && KEYS.includes(key) ? key : null;
}

/** Answers an INFO: 200 with its digit, 415 for a body that is not a key (sip.js would otherwise leave it unanswered). */
export function takeInfo(info: Info): string | null {
  const digit = infoDigit(info.request.getHeader('content-type'), info.request.body ?? '');
  if (digit) void info.accept().catch(() => undefined);
  else void info.reject({ statusCode: 415, reasonPhrase: 'Unsupported Media Type' }).catch(() => undefined);
  return digit;
}

/** Sends one key as INFO application/dtmf-relay and waits for the far end's answer to it. */
export function sendInfoDigit(session: Session, digit: string): Promise<void> {
  return new Promise((resolve, reject) => {
    session
      .info({
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (r) => {
            reject(new LineError('bad-state', `The far end refused the key ${digit} (SIP INFO): ${r.message.statusCode} ${r.message.reasonPhrase}`));
          },
        },
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=160\r\n` } },
      })
      .catch((e: unknown) => reject(new LineError('bad-state', `The key ${digit} could not be sent (SIP INFO): ${String(e)}`)));
  });
}

/** A re-INVITE that holds (our offer sendonly) or takes back (sendrecv) the far end; resolves once it accepted. */
export function reinvite(session: Session, hold: boolean): Promise<void> {
  const what = hold ? 'hold' : 'unhold';
  const options: RtpDescriptionOptions = { hold };
  return new Promise((resolve, reject) => {
    session
      .invite({
        sessionDescriptionHandlerOptions: options,
        requestDelegate: {
          onAccept: () => resolve(),
          onReject: (r) => reject(new LineError('bad-state', `The far end refused to ${what}: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
        },
      })
      .catch((e: unknown) => reject(new LineError('bad-state', `Could not ${what} the call: ${e instanceof Error ? e.message : String(e)}`)));
  });
}

/**
 * REFER to `to` (a number's URI: blind; another answered call's session: attended, with Replaces).
 * Blind (`untilAnswered` false) resolves once the REFER was accepted. Attended waits for the transfer's
 * outcome in the NOTIFYs: resolves when the new call was answered (sipfrag 2xx), or `quietMs` after the
 * REFER was accepted when no final NOTIFY came; rejects when the REFER or the new call failed.
 */
export function refer(session: Session, to: URI | Session, untilAnswered: boolean, quietMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let quiet: ReturnType<typeof setTimeout> | null = null;
    const done = (e?: LineError): void => {
      if (quiet) clearTimeout(quiet);
      quiet = null;
      if (e) reject(e);
      else resolve();
    };
    session
      .refer(to, {
        requestDelegate: {
          onAccept: () => (untilAnswered ? (quiet = setTimeout(() => done(), quietMs)) : done()),
          onReject: (r) => done(new LineError('bad-state', `The PBX refused the transfer: ${r.message.statusCode} ${r.message.reasonPhrase}`)),
        },
        onNotify: (n) => {
          void n.accept().catch(() => undefined);
          // message/sipfrag: "SIP/2.0 180 Ringing" … "SIP/2.0 200 OK" (RFC 3515 §2.4.5).
          const code = Number(/^SIP\/2\.0\s+(\d{3})/.exec(n.request.body ?? '')?.[1] ?? 0);
          if (code >= 200 && code < 300) done();
          else if (code >= 300) done(new LineError('bad-state', `The transfer failed: the new call got ${code}`));
        },
      })
      .catch((e: unknown) => done(new LineError('bad-state', `The transfer could not be sent: ${e instanceof Error ? e.message : String(e)}`)));
  });
}
