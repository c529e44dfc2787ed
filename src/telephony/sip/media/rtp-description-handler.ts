/**
 * sip.js's SessionDescriptionHandler for plain RTP in Node (sip.js's own one needs WebRTC). sip.js calls
 * `getDescription` when it needs our SDP and `setDescription` with the far end's; which of the two is
 * an offer follows from the order: a description we give while the far end's offer waits is the
 * answer, otherwise it is our offer and the next one set is the answer. The same holds for re-INVITEs,
 * so hold and unhold are just another offer/answer on the same socket. A refused offer (no common
 * codec, SRTP only) rejects with an SdpError, which sip.js turns into 488 for an INVITE.
 */
import type { Session, SessionDescriptionHandler, SessionDescriptionHandlerFactory, SessionDescriptionHandlerOptions } from 'sip.js';
import type { CallMedia, MediaDirection, MediaOptions } from '../sip-media';
import { answerFormats, buildSdp, negotiateAnswer, offerFormats, parseSdp, readAnswer, type AudioDescription, type Negotiated } from './sdp';
import { openRtpSession, type RtpSession } from './rtp-session';

/** Options sip.js passes through `sessionDescriptionHandlerOptions` (e.g. `session.invite({ sessionDescriptionHandlerOptions: { hold: true } })`). */
export type RtpDescriptionOptions = SessionDescriptionHandlerOptions & { hold?: boolean };

const SDP = 'application/sdp';

export class RtpDescriptionHandler implements SessionDescriptionHandler {
  private media: Promise<RtpSession> | null = null;
  private opened: RtpSession | null = null;
  private pendingOffer: { from: 'local' } | { from: 'remote'; offer: AudioDescription } | null = null;
  private readonly sessionId = String(Math.floor(Math.random() * 1e9));
  private version = 0;
  private lastSdp: string | null = null;
  private closed = false;
  /** Whether we hold the far end (our offers say sendonly); set from the options of each getDescription. */
  private hold = false;

  constructor(private readonly options: MediaOptions) {}

  /** The call's media once the first description was given or taken; null before. */
  get callMedia(): RtpSession | null {
    return this.opened;
  }

  private open(): Promise<RtpSession> {
    this.media ??= openRtpSession(this.options).then((m) => {
      if (this.closed) m.close();
      this.opened = m;
      return m;
    });
    return this.media;
  }

  hasDescription(contentType: string): boolean {
    return contentType.split(';')[0]!.trim().toLowerCase() === SDP;
  }

  async getDescription(options?: RtpDescriptionOptions): Promise<{ body: string; contentType: string }> {
    const media = await this.open();
    if (options && 'hold' in options) this.hold = options.hold === true;
    const wanted: MediaDirection = this.hold ? 'sendonly' : 'sendrecv';
    const pending = this.pendingOffer;
    let direction: MediaDirection;
    let formats: { pt: number; name: string }[];
    if (pending?.from === 'remote') {
      this.pendingOffer = null;
      const n = negotiateAnswer(pending.offer, this.options.codecs, wanted);
      this.apply(media, pending.offer, n);
      direction = n.direction;
      formats = answerFormats(n);
    } else {
      this.pendingOffer = { from: 'local' };
      direction = wanted;
      formats = offerFormats(this.options.codecs);
    }
    return { body: this.build(media, direction, formats), contentType: SDP };
  }

  async setDescription(sdp: string, options?: RtpDescriptionOptions): Promise<void> {
    const media = await this.open();
    if (options && 'hold' in options) this.hold = options.hold === true;
    const remote = parseSdp(sdp);
    if (this.pendingOffer?.from === 'local') {
      this.pendingOffer = null;
      this.apply(media, remote, readAnswer(remote, this.options.codecs));
      return;
    }
    // Checked now, so an offer we cannot take is refused before sip.js sends 180/200.
    negotiateAnswer(remote, this.options.codecs, 'sendrecv');
    this.pendingOffer = { from: 'remote', offer: remote };
  }

  async rollbackDescription(): Promise<void> {
    this.pendingOffer = null;
  }

  private apply(media: RtpSession, remote: AudioDescription, n: Negotiated): void {
    const { address, port, rtcpPort } = remote;
    // While we hold the far end our offer says sendonly (RFC 3264 §8.4), but what plays is not for it: nothing is sent.
    const direction = this.hold ? 'inactive' : n.direction;
    media.configure({ address, port, rtcpPort, codec: n.codec, pt: n.pt, eventPt: n.eventPt, direction });
  }

  /** The o= version goes up only when the body changes (RFC 3264 §8: an unchanged re-offer keeps it). */
  private build(media: RtpSession, direction: MediaDirection, formats: { pt: number; name: string }[]): string {
    const body = (v: number) => buildSdp({ address: media.address, port: media.port, sessionId: this.sessionId, sessionVersion: v, direction, formats });
    if (this.lastSdp === null || body(this.version) !== this.lastSdp) this.version++;
    this.lastSdp = body(this.version);
    return this.lastSdp;
  }

  /** RFC 4733 digits; sip.js calls this from `session.info`-less DTMF APIs. True when queued. */
  sendDtmf(tones: string): boolean {
    if (!this.opened) return false;
    void this.opened.sendDigits(tones);
    return true;
  }

  close(): void {
    this.closed = true;
    this.opened?.close();
  }
}

/** The factory to give sip.js's UserAgent (`sessionDescriptionHandlerFactory`): each call gets its own handler and socket pair. */
export function rtpDescriptionHandlerFactory(options: MediaOptions): SessionDescriptionHandlerFactory {
  return () => new RtpDescriptionHandler(options);
}

/** The media of a sip.js session that uses our handler, once its first offer/answer happened; null before or for another handler. */
export function callMediaOf(session: Session): CallMedia | null {
  const sdh = session.sessionDescriptionHandler;
  return sdh instanceof RtpDescriptionHandler ? sdh.callMedia : null;
}
