/**
 * SDP offer/answer against what real phones and PBXs send: baresip's offer (captured from the real
 * call in rtp-call.test.ts), Asterisk's PJSIP and chan_sip offers as FreePBX/Issabel send them (with
 * codecs we lack, maxptime, silenceSupp), a hold re-INVITE, and offers we must refuse.
 */
import { RtpDescriptionHandler } from '../../../../src/telephony/sip/media/rtp-description-handler';
import { SdpError, answerDirection, negotiateAnswer, parseSdp, readAnswer, refuseOffer } from '../../../../src/telephony/sip/media/sdp';
import type { MediaOptions } from '../../../../src/telephony/sip/sip-media';

const crlf = (s: string) => s.trim().replace(/\n/g, '\r\n') + '\r\n';

const BARESIP = crlf(`
v=0
o=- 3724520465 1896288954 IN IP4 127.0.0.1
s=-
c=IN IP4 127.0.0.1
t=0 0
a=tool:baresip 1.0.0
m=audio 55828 RTP/AVP 0 8 101
a=rtpmap:0 PCMU/8000
a=rtpmap:8 PCMA/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-15
a=sendrecv
a=label:1
a=rtcp-rsize
a=ssrc:2700713110 cname:sip:1001@127.0.0.1:57647
a=minptime:20
a=ptime:20
`);

/** Asterisk 18 PJSIP (FreePBX 16) offering A-law first, GSM, and telephone-event on 101 with 0-16. */
const ASTERISK_PJSIP = crlf(`
v=0
o=- 1938301052 1938301054 IN IP4 192.168.10.5
s=Asterisk
c=IN IP4 192.168.10.5
t=0 0
m=audio 17284 RTP/AVP 8 0 3 101
a=rtpmap:8 PCMA/8000
a=rtpmap:0 PCMU/8000
a=rtpmap:3 GSM/8000
a=rtpmap:101 telephone-event/8000
a=fmtp:101 0-16
a=ptime:20
a=maxptime:150
a=sendrecv
`);

/** chan_sip (Issabel, older FreePBX): G.729 first, session-level c=, silenceSupp, no rtpmap for PCMU. */
const ASTERISK_CHAN_SIP = crlf(`
v=0
o=root 1432115321 1432115321 IN IP4 10.0.0.2
s=Asterisk PBX 13.38.3
c=IN IP4 10.0.0.2
t=0 0
m=audio 12000 RTP/AVP 18 0 96
a=rtpmap:18 G729/8000
a=fmtp:18 annexb=no
a=rtpmap:96 telephone-event/8000
a=fmtp:96 0-16
a=silenceSupp:off - - - -
a=ptime:20
a=sendrecv
`);

/** FreePBX putting us on hold (music on hold comes from the PBX: it sends, we only receive). */
const ASTERISK_HOLD = ASTERISK_PJSIP.replace('1938301054', '1938301055').replace('a=sendrecv', 'a=sendonly');

const SRTP_ONLY = ASTERISK_PJSIP.replace('RTP/AVP', 'RTP/SAVP');
const G729_ONLY = crlf(`
v=0
o=- 1 1 IN IP4 10.0.0.9
s=-
c=IN IP4 10.0.0.9
t=0 0
m=audio 4000 RTP/AVP 18 101
a=rtpmap:18 G729/8000
a=rtpmap:101 telephone-event/8000
`);

describe('parseSdp', () => {
  test("reads baresip's offer: address, port, formats in order, telephone-event, ptime", () => {
    const d = parseSdp(BARESIP);
    expect(d).toMatchObject({ address: '127.0.0.1', port: 55828, rtcpPort: 55829, proto: 'RTP/AVP', direction: 'sendrecv', ptime: 20 });
    expect(d.formats.map((f) => [f.pt, f.name])).toEqual([
      [0, 'PCMU'],
      [8, 'PCMA'],
      [101, 'telephone-event'],
    ]);
    expect(d.formats[2]!.fmtp).toBe('0-15');
  });

  test('names static payload types without an rtpmap and reads a session-level c=', () => {
    const d = parseSdp(ASTERISK_CHAN_SIP);
    expect(d.address).toBe('10.0.0.2');
    expect(d.formats.map((f) => f.name)).toEqual(['G729', 'PCMU', 'telephone-event']);
  });

  test('a media-level c= and direction win over the session-level ones; a=rtcp gives the RTCP port', () => {
    const d = parseSdp(
      crlf(`
v=0
o=- 1 2 IN IP4 10.0.0.1
s=-
c=IN IP4 10.0.0.1
t=0 0
a=inactive
m=audio 5004 RTP/AVP 0
c=IN IP4 10.0.0.77
a=rtcp:6000
a=recvonly
m=video 5006 RTP/AVP 96
a=sendonly
`),
    );
    expect(d).toMatchObject({ address: '10.0.0.77', port: 5004, rtcpPort: 6000, direction: 'recvonly', sessionVersion: '2' });
  });

  test('refuses a body that is not SDP, one without audio, and an unreadable port, naming the reason', () => {
    expect(() => parseSdp('hello')).toThrow(/does not start with v=/);
    expect(() => parseSdp(crlf('v=0\nc=IN IP4 1.2.3.4\nm=video 4000 RTP/AVP 96'))).toThrow(/no audio stream/);
    expect(() => parseSdp(crlf('v=0\nc=IN IP4 1.2.3.4\nm=audio x RTP/AVP 0'))).toThrow(/not a port number/);
    expect(() => parseSdp(crlf('v=0\nm=audio 4000 RTP/AVP 0'))).toThrow(/no connection address/);
  });
});

describe('negotiateAnswer', () => {
  test("takes the first codec in the offer's order that the line allows, with the offerer's telephone-event type", () => {
    expect(negotiateAnswer(parseSdp(BARESIP), ['PCMA', 'PCMU'], 'sendrecv')).toEqual({ codec: 'PCMU', pt: 0, eventPt: 101, direction: 'sendrecv' });
    expect(negotiateAnswer(parseSdp(ASTERISK_PJSIP), ['PCMU', 'PCMA'], 'sendrecv')).toMatchObject({ codec: 'PCMA', pt: 8 });
    expect(negotiateAnswer(parseSdp(ASTERISK_CHAN_SIP), ['PCMU', 'PCMA'], 'sendrecv')).toEqual({ codec: 'PCMU', pt: 0, eventPt: 96, direction: 'sendrecv' });
  });

  test('a line limited to one codec skips the others', () => {
    expect(negotiateAnswer(parseSdp(BARESIP), ['PCMA'], 'sendrecv')).toMatchObject({ codec: 'PCMA', pt: 8 });
  });

  test('refuses an offer with no common codec, or SRTP only, with a clear error', () => {
    const noCommon = () => negotiateAnswer(parseSdp(G729_ONLY), ['PCMU', 'PCMA'], 'sendrecv');
    expect(noCommon).toThrow(SdpError);
    expect(noCommon).toThrow('no common audio codec: offered G729, telephone-event; this line allows PCMU, PCMA');
    expect(() => negotiateAnswer(parseSdp(SRTP_ONLY), ['PCMU'], 'sendrecv')).toThrow(/RTP\/SAVP; only plain RTP\/AVP/);
  });

  test('refuseOffer says why before sip.js would answer 480: null for a good offer, the SdpError for a bad one', () => {
    expect(refuseOffer(BARESIP, ['PCMA'])).toBeNull();
    expect(refuseOffer(G729_ONLY, ['PCMU', 'PCMA'])).toMatchObject({ code: 'no-common-codec' });
    expect(refuseOffer('garbage', ['PCMU'])).toMatchObject({ code: 'malformed' });
  });

  test('answers a hold (sendonly) with recvonly, inactive with inactive', () => {
    expect(negotiateAnswer(parseSdp(ASTERISK_HOLD), ['PCMA'], 'sendrecv').direction).toBe('recvonly');
    expect(answerDirection('inactive', 'sendrecv')).toBe('inactive');
    expect(answerDirection('recvonly', 'sendrecv')).toBe('sendonly');
    expect(answerDirection('sendrecv', 'sendonly')).toBe('sendonly');
    expect(answerDirection('sendonly', 'sendonly')).toBe('inactive');
  });
});

describe('readAnswer', () => {
  test("reads the far end's answer and mirrors its direction into ours", () => {
    expect(readAnswer(parseSdp(ASTERISK_HOLD), ['PCMU', 'PCMA'])).toEqual({ codec: 'PCMA', pt: 8, eventPt: 101, direction: 'recvonly' });
  });

  test('a refused stream (port 0) or a codec we did not offer is an error', () => {
    expect(() => readAnswer(parseSdp(BARESIP.replace('m=audio 55828', 'm=audio 0')), ['PCMU'])).toThrow(/refused the audio stream/);
    expect(() => readAnswer(parseSdp(G729_ONLY), ['PCMU'])).toThrow(/no codec we offered/);
  });
});

describe('the description handler sip.js drives', () => {
  const options: MediaOptions = { localAddress: '127.0.0.1', portRange: { min: 41000, max: 41999 }, codecs: ['PCMU', 'PCMA'] };

  test('answers an incoming offer with one codec, telephone-event, its own even port and ptime 20', async () => {
    const h = new RtpDescriptionHandler(options);
    try {
      expect(h.hasDescription('application/sdp')).toBe(true);
      expect(h.hasDescription('text/plain')).toBe(false);
      await h.setDescription(ASTERISK_PJSIP);
      const { body, contentType } = await h.getDescription();
      expect(contentType).toBe('application/sdp');
      const answer = parseSdp(body);
      expect(answer.formats.map((f) => [f.pt, f.name])).toEqual([
        [8, 'PCMA'],
        [101, 'telephone-event'],
      ]);
      expect(answer).toMatchObject({ address: '127.0.0.1', direction: 'sendrecv', ptime: 20 });
      expect(answer.port % 2).toBe(0);
      expect(answer.port).toBeGreaterThanOrEqual(41000);
      expect(body).toContain('a=fmtp:101 0-15\r\n');
      expect(h.callMedia?.codec).toBe('PCMA');
    } finally {
      h.close();
    }
  });

  test('refuses an offer it cannot take when sip.js sets it (so the INVITE gets 488, not a silent call)', async () => {
    const h = new RtpDescriptionHandler(options);
    try {
      await expect(h.setDescription(G729_ONLY)).rejects.toThrow(/no common audio codec/);
    } finally {
      h.close();
    }
  });

  test('offers both codecs and telephone-event, reads the answer, a hold re-offer says sendonly on the same port, nothing sent while held', async () => {
    const h = new RtpDescriptionHandler(options);
    try {
      const offer = parseSdp((await h.getDescription()).body);
      expect(offer.formats.map((f) => f.name)).toEqual(['PCMU', 'PCMA', 'telephone-event']);
      await h.setDescription(BARESIP);
      expect(h.callMedia?.direction).toBe('sendrecv');
      const hold = await h.getDescription({ hold: true });
      const reOffer = parseSdp(hold.body);
      expect(reOffer).toMatchObject({ port: offer.port, direction: 'sendonly' });
      expect(Number(reOffer.sessionVersion)).toBe(Number(offer.sessionVersion) + 1);
      await h.setDescription(BARESIP.replace('a=sendrecv', 'a=recvonly'));
      // The offer says sendonly (RFC 3264 §8.4), but while we hold nothing of ours goes to the far end
      // (no music on hold yet): the media is configured inactive (sip-hold-transfer.test.ts hears the silence).
      expect(h.callMedia?.direction).toBe('inactive');
      const unhold = parseSdp((await h.getDescription({ hold: false })).body);
      expect(unhold).toMatchObject({ port: offer.port, direction: 'sendrecv' });
    } finally {
      h.close();
    }
  });
});
