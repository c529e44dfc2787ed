/**
 * SDP offer/answer (RFC 3264) for the one thing a phone line needs: one audio stream of plain RTP/AVP
 * with G.711 (PCMU 0, PCMA 8) and RFC 4733 telephone-event. Parsing is lenient about what PBXs add
 * (ICE, SRTP crypto, video, extra codecs are ignored) and strict about what we must understand
 * (the audio port, its address, a codec both sides have): an offer we cannot take is refused with
 * an `SdpError` naming why, which the signalling side turns into 488 Not Acceptable Here.
 */
import type { MediaDirection, RtpCodecName } from '../sip-media';

export class SdpError extends Error {
  constructor(
    readonly code: 'malformed' | 'no-audio' | 'no-common-codec',
    message: string,
  ) {
    super(message);
    this.name = 'SdpError';
  }
}

/** The static payload types of G.711 (RFC 3551); they need no rtpmap, though most senders write one. */
export const STATIC_PT: Record<RtpCodecName, number> = { PCMU: 0, PCMA: 8 };
/** The dynamic payload type we offer for telephone-event (101 is what Asterisk, baresip and most phones use). */
export const OUR_EVENT_PT = 101;

export type SdpFormat = { pt: number; name: string; rate: number; fmtp?: string };

/** The audio stream of a session description, as far as a G.711 line cares. */
export type AudioDescription = {
  address: string;
  port: number;
  /** RTCP's port: from a=rtcp, else port + 1 (RFC 3550). */
  rtcpPort: number;
  proto: string;
  formats: SdpFormat[];
  direction: MediaDirection;
  ptime: number | null;
  /** From o=: a changed version means a changed description (a re-INVITE that changes nothing keeps it). */
  sessionVersion: string;
};

const DIRECTIONS: readonly MediaDirection[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];
const isDirection = (s: string): s is MediaDirection => (DIRECTIONS as readonly string[]).includes(s);

const STATIC_NAMES: Record<number, string> = { 0: 'PCMU', 8: 'PCMA', 3: 'GSM', 4: 'G723', 9: 'G722', 18: 'G729', 13: 'CN' };

/** Reads the first audio stream of an SDP body; throws SdpError when there is none or it lacks an address or port. */
export function parseSdp(sdp: string): AudioDescription {
  const lines = sdp
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (!lines[0]?.startsWith('v=')) throw new SdpError('malformed', 'the session description does not start with v=');
  let sessionAddress: string | null = null;
  let sessionDirection: MediaDirection = 'sendrecv';
  let sessionVersion = '';
  let audio: { port: number; proto: string; pts: number[]; address: string | null; direction: MediaDirection | null } | null = null;
  let audioDone = false;
  const rtpmap = new Map<number, { name: string; rate: number }>();
  const fmtp = new Map<number, string>();
  let ptime: number | null = null;
  let rtcpPort: number | null = null;
  let inMedia = false;
  for (const line of lines) {
    const type = line[0];
    const value = line.slice(2);
    if (type === 'o') sessionVersion = value.split(/\s+/)[2] ?? '';
    if (type === 'm') {
      if (audio) audioDone = true;
      inMedia = true;
      const [media, port, proto, ...pts] = value.split(/\s+/);
      if (media === 'audio' && !audio) {
        const p = Number(port?.split('/')[0]);
        if (!Number.isInteger(p) || p < 0 || p > 65535) throw new SdpError('malformed', `the audio port '${port}' is not a port number`);
        audio = { port: p, proto: proto ?? '', pts: pts.map(Number).filter((n) => Number.isInteger(n)), address: null, direction: null };
      }
      continue;
    }
    // Attributes of a second m= line (video, a second audio) say nothing about ours.
    if (inMedia && (!audio || audioDone)) continue;
    if (type === 'c') {
      const addr = value.split(/\s+/)[2]?.split('/')[0] ?? null;
      if (audio) audio.address = addr;
      else sessionAddress = addr;
    } else if (type === 'a') {
      const colon = value.indexOf(':');
      const name = colon < 0 ? value : value.slice(0, colon);
      const arg = colon < 0 ? '' : value.slice(colon + 1);
      if (isDirection(name)) {
        if (audio) audio.direction = name;
        else sessionDirection = name;
      } else if (name === 'rtpmap') {
        const m = /^(\d+)\s+([^/\s]+)\/(\d+)/.exec(arg);
        if (m) rtpmap.set(Number(m[1]), { name: m[2]!, rate: Number(m[3]) });
      } else if (name === 'fmtp') {
        const m = /^(\d+)\s+(.*)$/.exec(arg);
        if (m) fmtp.set(Number(m[1]), m[2]!.trim());
      } else if (name === 'ptime') {
        const n = Number(arg);
        if (n > 0) ptime = n;
      } else if (name === 'rtcp') {
        const n = Number(arg.split(/\s+/)[0]);
        if (Number.isInteger(n) && n > 0) rtcpPort = n;
      }
    }
  }
  if (!audio) throw new SdpError('no-audio', 'the session description has no audio stream (m=audio)');
  const address = audio.address ?? sessionAddress;
  if (!address) throw new SdpError('malformed', 'the audio stream has no connection address (c=)');
  const formats = audio.pts.map((pt): SdpFormat => {
    const map = rtpmap.get(pt);
    const f = fmtp.get(pt);
    return { pt, name: map?.name ?? STATIC_NAMES[pt] ?? `PT${pt}`, rate: map?.rate ?? 8000, ...(f !== undefined ? { fmtp: f } : {}) };
  });
  return {
    address,
    port: audio.port,
    rtcpPort: rtcpPort ?? audio.port + 1,
    proto: audio.proto,
    formats,
    direction: audio.direction ?? sessionDirection,
    ptime,
    sessionVersion,
  };
}

/** The direction we answer with: the mirror of the offer's, limited by what we want ourselves (RFC 3264 §6.1). */
export function answerDirection(offered: MediaDirection, wanted: MediaDirection): MediaDirection {
  const weSend = (offered === 'sendrecv' || offered === 'recvonly') && (wanted === 'sendrecv' || wanted === 'sendonly');
  const weReceive = (offered === 'sendrecv' || offered === 'sendonly') && (wanted === 'sendrecv' || wanted === 'recvonly');
  return weSend && weReceive ? 'sendrecv' : weSend ? 'sendonly' : weReceive ? 'recvonly' : 'inactive';
}

/** What both sides agreed for the call: the codec, its payload type, telephone-event's (null when the far end has none). */
export type Negotiated = { codec: RtpCodecName; pt: number; eventPt: number | null; direction: MediaDirection };

const isG711 = (f: SdpFormat, name: RtpCodecName) => f.name.toUpperCase() === name && f.rate === 8000;
const isEvent = (f: SdpFormat) => f.name.toLowerCase() === 'telephone-event' && f.rate === 8000;

/**
 * Answers an offer: the first codec in the OFFER's order that we also allow (RFC 3264 lets the answerer
 * choose; taking the offerer's preference is what phones do), and telephone-event if offered.
 */
export function negotiateAnswer(offer: AudioDescription, ours: RtpCodecName[], wanted: MediaDirection): Negotiated {
  if (!/^RTP\/AVP$/i.test(offer.proto)) {
    throw new SdpError('no-common-codec', `the offer asks for ${offer.proto}; only plain RTP/AVP (no SRTP, no WebRTC) is supported`);
  }
  for (const f of offer.formats) {
    const codec = ours.find((c) => isG711(f, c));
    if (codec) {
      const ev = offer.formats.find(isEvent);
      return { codec, pt: f.pt, eventPt: ev ? ev.pt : null, direction: answerDirection(offer.direction, wanted) };
    }
  }
  const offered = offer.formats.map((f) => f.name).join(', ') || 'none';
  throw new SdpError('no-common-codec', `no common audio codec: offered ${offered}; this line allows ${ours.join(', ')}`);
}

/** Reads the answer to our offer: the codec it took must be one we offered (a PBX may list several; the first counts). */
export function readAnswer(answer: AudioDescription, offered: RtpCodecName[]): Negotiated {
  if (answer.port === 0) throw new SdpError('no-common-codec', 'the far end refused the audio stream (port 0)');
  for (const f of answer.formats) {
    const codec = offered.find((c) => isG711(f, c));
    if (codec) {
      const ev = answer.formats.find(isEvent);
      // The answer's direction is the far end's: its sendonly is our recvonly.
      const mirror: Record<MediaDirection, MediaDirection> = { sendrecv: 'sendrecv', sendonly: 'recvonly', recvonly: 'sendonly', inactive: 'inactive' };
      return { codec, pt: f.pt, eventPt: ev ? ev.pt : null, direction: mirror[answer.direction] };
    }
  }
  throw new SdpError('no-common-codec', `the answer has no codec we offered (${answer.formats.map((f) => f.name).join(', ') || 'none'})`);
}

export type BuildOptions = {
  address: string;
  port: number;
  /** o= session id and version; the version goes up each time the description changes. */
  sessionId: string;
  sessionVersion: number;
  direction: MediaDirection;
  /** Payload types to list, in order, each with its rtpmap; the telephone-event one gets fmtp 0-15. */
  formats: { pt: number; name: string }[];
};

/** Writes an SDP body for one audio stream, with CRLF line ends as RFC 4566 asks. */
export function buildSdp(o: BuildOptions): string {
  const lines = [
    'v=0',
    `o=monshi ${o.sessionId} ${o.sessionVersion} IN IP4 ${o.address}`,
    's=monshi',
    `c=IN IP4 ${o.address}`,
    't=0 0',
    `m=audio ${o.port} RTP/AVP ${o.formats.map((f) => f.pt).join(' ')}`,
  ];
  for (const f of o.formats) {
    lines.push(`a=rtpmap:${f.pt} ${f.name}/8000`);
    if (f.name === 'telephone-event') lines.push(`a=fmtp:${f.pt} 0-15`);
  }
  lines.push('a=ptime:20', `a=${o.direction}`);
  return lines.join('\r\n') + '\r\n';
}

/** The formats of our offer: the line's codecs in its order, then telephone-event. */
export function offerFormats(codecs: RtpCodecName[]): { pt: number; name: string }[] {
  return [...codecs.map((c) => ({ pt: STATIC_PT[c], name: c })), { pt: OUR_EVENT_PT, name: 'telephone-event' }];
}

/** The formats of our answer: the one codec agreed, and telephone-event under the offerer's payload type. */
export function answerFormats(n: Negotiated): { pt: number; name: string }[] {
  return [{ pt: n.pt, name: n.codec }, ...(n.eventPt !== null ? [{ pt: n.eventPt, name: 'telephone-event' }] : [])];
}

/**
 * Why an incoming INVITE's offer cannot be answered, or null when it can. sip.js answers an offer its
 * handler refuses with 480 Temporarily Unavailable, which makes a PBX try again or hunt on; signalling
 * calls this before `accept()` and rejects with 488 Not Acceptable Here and this reason instead.
 */
export function refuseOffer(sdp: string, codecs: RtpCodecName[]): SdpError | null {
  try {
    negotiateAnswer(parseSdp(sdp), codecs, 'sendrecv');
    return null;
  } catch (e) {
    if (e instanceof SdpError) return e;
    throw e;
  }
}
