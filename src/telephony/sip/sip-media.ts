/**
 * The seam between SIP signalling (sip.js in Node: src/telephony/sip/signalling) and the call's media
 * (plain RTP on a UDP socket: src/telephony/sip/media). Signalling knows SDP only as text that it hands
 * to sip.js's SessionDescriptionHandler; media owns the SDP, the socket, G.711, RFC 4733 DTMF, the
 * jitter buffer, RTCP and hold. A SIP channel (the `Line` of one call) reaches its call's audio through
 * `CallMedia` only, so neither side imports the other's internals.
 */
import type { Pcm } from '../line';
import type { Timers } from '../transport';

export type RtpCodecName = 'PCMU' | 'PCMA';

/** 'sendrecv' normally; 'sendonly' while we hold the far end; 'recvonly' while it holds us; 'inactive' both. */
export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** What the office sets for a SIP line's media (the line form), and the machine facts tests set. */
export type MediaOptions = {
  /** The address we put in SDP c= and bind to ('0.0.0.0' binds all, then the first non-internal IPv4 is announced). */
  localAddress: string;
  /** The RTP port range setting: even ports only are used for RTP, the next odd one for RTCP. */
  portRange: { min: number; max: number };
  /** In order of preference; the answer takes the first one both sides have. */
  codecs: RtpCodecName[];
  timers?: Timers;
};

export type MediaStats = {
  packetsSent: number;
  packetsReceived: number;
  packetsLost: number;
  /** Interarrival jitter (RFC 3550 §6.4.1) in ms. */
  jitterMs: number;
  /** From RTCP, when the far end sends reports; null until then. */
  roundTripMs: number | null;
};

/** The media of one established call, as the SIP channel sees it. */
export type CallMedia = {
  readonly codec: RtpCodecName;
  readonly direction: MediaDirection;
  /** Whether the far end's SDP has telephone-event (RFC 4733); without it digits go as SIP INFO (the channel's fallback). */
  readonly telephoneEvents: boolean;
  /** Plays linear 8 kHz PCM to the far end, paced in 20 ms packets; resolves when all of it was sent or `stop()`ped. */
  play(pcm: Pcm): Promise<'end' | 'stop'>;
  /** Stops a play in progress. */
  stop(): void;
  /** Sends digits as RFC 4733 events (SIP INFO is the signalling side's fallback), one after another. */
  sendDigits(digits: string): Promise<void>;
  /** Received audio after the jitter buffer, in 20 ms frames of 160 samples (silence filled in for lost packets). */
  onAudio(listener: (pcm: Pcm) => void): () => void;
  /** A digit the far end pressed (RFC 4733), reported once per key press. */
  onDigit(listener: (digit: string) => void): () => void;
  stats(): MediaStats;
};
