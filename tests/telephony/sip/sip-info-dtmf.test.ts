/**
 * SIP INFO DTMF through a real Kamailio. baresip 1.0 sends keys only as RFC 4733 and always offers
 * telephone-event, so the far end here is sip.js over our UDP transport (a second account whose SDP has
 * no telephone-event, its session driven directly): our channel sends its keys as INFO
 * application/dtmf-relay because that SDP has no telephone-event, and INFO keys the far end sends
 * (application/dtmf-relay and application/dtmf) arrive as the line's `dtmf`, and stop a play.
 */
import type { Session } from 'sip.js';
import { createSipAccount, type SipAccount, type SipAccountOptions } from '../../../src/telephony/sip/signalling/sip-account';
import type { SipChannel } from '../../../src/telephony/sip/signalling/sip-channel';
import { rtpMedia } from '../../../src/telephony/sip/signalling/sip-rtp-media';
import { sine } from '../../helpers/sip-audio';
import { startKamailio, type Kamailio } from '../../helpers/sip-kamailio';
import { freeUdpRange } from '../../helpers/sip-media-rig';
import { waitFor } from '../../helpers/wait';
import { plainMedia } from './plain-sdh';

jest.setTimeout(60_000);

let kam: Kamailio;
const accounts: SipAccount[] = [];

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
});

afterAll(async () => {
  await Promise.all(accounts.splice(0).map((a) => a.close()));
  await kam?.stop();
});

async function account(user: string, media: SipAccountOptions['media']): Promise<SipAccount> {
  const a = createSipAccount({
    id: `sip-${user}`,
    server: `127.0.0.1:${kam.sipPort}`,
    user,
    password: `secret${user}`,
    transport: 'udp',
    channels: 1,
    localAddress: '127.0.0.1',
    media,
    ringIntervalMs: 300,
  });
  accounts.push(a);
  await a.start();
  expect(a.accountState().status).toBe('idle');
  return a;
}

/** The far end's sip.js session, to send INFO as another phone would. */
const sessionOf = (ch: SipChannel): Session => (ch as unknown as { call: { session: Session } }).call.session;

function sendInfo(s: Session, contentType: string, content: string): Promise<number> {
  return new Promise((resolve, reject) => {
    s.info({
      requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) },
      requestOptions: { body: { contentDisposition: 'render', contentType, content } },
    }).catch(reject);
  });
}

test('keys go as SIP INFO to a far end without telephone-event, and its INFO keys are the line’s dtmf', async () => {
  const portRange = await freeUdpRange(8);
  const ours = await account('3040', rtpMedia({ localAddress: '127.0.0.1', portRange, codecs: ['PCMU', 'PCMA'] }));
  const far = await account('3041', plainMedia({ telephoneEvent: false }));
  const ch = ours.channels[0]!;
  const farCh = far.channels[0]!;
  const farKeys: string[] = [];
  farCh.on('dtmf', (d) => farKeys.push(d.digit));
  const traces: string[] = [];
  ch.on('trace', (t) => traces.push(`${t.dir} ${t.text}`));
  const keys: string[] = [];
  ch.on('dtmf', (d) => keys.push(d.digit));

  const dialled = ch.dial('3041');
  await waitFor(() => farCh.info().status === 'ringing', { what: 'the far end rings' });
  await farCh.answer();
  expect(await dialled).toBe('connected');

  await ch.sendDigits('5#9');
  expect(farKeys).toEqual(['5', '#', '9']);
  expect(traces.filter((t) => t.startsWith('tx INFO '))).toHaveLength(3);

  const s = sessionOf(farCh);
  expect(await sendInfo(s, 'application/dtmf-relay', 'Signal=7\r\nDuration=160\r\n')).toBe(200);
  expect(await sendInfo(s, 'application/dtmf', '*')).toBe(200);
  // Signal as the event code: 11 is #.
  expect(await sendInfo(s, 'application/dtmf-relay', 'Signal=11\r\nDuration=100\r\n')).toBe(200);
  // An INFO that is not a key is refused, not taken for one.
  expect(await sendInfo(s, 'application/media_control+xml', '<media_control/>')).toBe(415);
  await waitFor(() => keys.length >= 3, { what: 'the INFO keys' });
  expect(keys).toEqual(['7', '*', '#']);

  // A key by INFO stops a play that stops on keys, as an RFC 4733 one does.
  const playing = ch.play(sine(440, 5000), { stopOnDtmf: true });
  await new Promise((r) => setTimeout(r, 300));
  await sendInfo(s, 'application/dtmf-relay', 'Signal=3\r\nDuration=160\r\n');
  expect(await playing).toEqual({ stoppedBy: 'dtmf', digit: '3' });
  await ch.hangUp();
});
