/**
 * A test-only way to run a SIP line in `monshi serve` before the line form has a SIP kind: with
 * MONSHI_TEST_SIP_LINE set (JSON: server, user, password, channels, rtp port range), a line whose port
 * is 'sip-test' runs as that SIP account's channels; every other line as usual. End-to-end tests of
 * several calls at once use it; it is never set in normal use.
 */
import { createSipAccount } from '../../telephony/sip/signalling/sip-account';
import { rtpMedia } from '../../telephony/sip/signalling/sip-rtp-media';
import { defaultLineFactory, type LineFactory } from './line-factory';

type TestSipLine = { server: string; user: string; password: string; channels: number; rtpMin: number; rtpMax: number };

export function testSipLineFactory(json: string | undefined, base: LineFactory = defaultLineFactory): LineFactory | undefined {
  if (!json) return undefined;
  const c = JSON.parse(json) as TestSipLine;
  const media = rtpMedia({ localAddress: '127.0.0.1', portRange: { min: c.rtpMin, max: c.rtpMax }, codecs: ['PCMU', 'PCMA'] });
  return (row) => {
    if (row.port !== 'sip-test') return base(row);
    const account = createSipAccount({
      id: `line-${row.id}`,
      server: c.server,
      user: c.user,
      password: c.password,
      transport: 'udp',
      channels: c.channels,
      localAddress: '127.0.0.1',
      media,
      ringIntervalMs: 1000,
    });
    return { lines: account.lines, sim: null };
  };
}
