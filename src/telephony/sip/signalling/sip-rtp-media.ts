/**
 * The product's media for SIP accounts: plain RTP from src/telephony/sip/media (G.711, RFC 4733,
 * jitter buffer, RTCP, hold), handed to the account as its `SipMediaSide`.
 */
import type { MediaOptions } from '../sip-media';
import { callMediaOf, rtpDescriptionHandlerFactory } from '../media/rtp-description-handler';
import { refuseOffer } from '../media/sdp';
import type { SipMediaSide } from './sip-account';

export function rtpMedia(options: MediaOptions): SipMediaSide {
  return {
    factory: rtpDescriptionHandlerFactory(options),
    callMedia: callMediaOf,
    refuse: (offer) => refuseOffer(offer, options.codecs)?.message ?? null,
  };
}
