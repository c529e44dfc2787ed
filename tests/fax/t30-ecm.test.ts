/**
 * ECM (T.30 Annex A): HDLC at the bit level as the DTE must do it at the page rate (flags, zero-bit
 * insertion, FCS), and the block protocol (FCD frames, PPS, PPR, MCF) between our transmitter and our
 * receiver with frames damaged on the way. No independent ECM peer runs here: efax has no ECM.
 */
import { pprFif, pprMissing, toBlocks } from '../../src/fax/t30/ecm';
import { hdlcDecode, hdlcEncode } from '../../src/fax/t30/hdlc-bits';
import { receiveFax } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { seeded, textPage } from '../helpers/fax-pages';
import { memoryLine, type Tamper } from '../helpers/fax-memory-line';

const rnd = seeded(7);
const frame = (n: number, fill?: number) => Uint8Array.from({ length: n }, () => (fill === undefined ? Math.floor(rnd() * 256) : fill));

test('frames survive encoding with flags, zero-bit insertion and FCS — also runs of ones and flag-like octets', () => {
  const frames = [frame(259), frame(259, 0xff), frame(259, 0x7e), Uint8Array.of(0xff, 0x03, 0x86), frame(40)];
  const stream = hdlcEncode(frames);
  expect(hdlcDecode(stream)).toEqual(frames);
  // No six ones in a row outside the flags: 0xFF data octets are stuffed.
  const bits = Array.from({ length: stream.length * 8 }, (_, i) => (stream[i >> 3]! >> (i & 7)) & 1).join('');
  const withoutFlags = bits.split('01111110').join('|');
  expect(withoutFlags).not.toMatch(/111111/);
});

test('a damaged frame is dropped (its FCS fails), the others are kept; leading noise is skipped', () => {
  const frames = [frame(100), frame(100), frame(100)];
  const stream = hdlcEncode(frames);
  const damaged = Uint8Array.from(stream);
  damaged[32 + 100 + 50]! ^= 0x10; // inside the second frame (32 preamble flags, ~100+ octets of the first)
  const got = hdlcDecode(Uint8Array.of(0x13, 0x99, ...damaged));
  expect(got).toHaveLength(2);
  expect(got[0]).toEqual(frames[0]);
  expect(got[1]).toEqual(frames[2]);
});

describe('ECM between our transmitter and our receiver over a line in memory', () => {
  const timers = { t1: 1500, t2: 400, t4: 150 };
  const clock = { now: () => Date.now() };
  const pages: SendPage[] = [textPage(1728, 400, 41), textPage(1728, 300, 42)].map((bitmap) => ({ bitmap, fine: true }));
  const run = (tamper?: Tamper) => {
    const line = memoryLine(tamper);
    return Promise.all([
      transmitFax({ port: line.caller, clock, localId: '1', pages, timers, ecm: true }),
      receiveFax({ port: line.answerer, clock, localId: '2', timers, capabilities: { ecm: true, mmr: true } }),
      line.log,
    ] as const);
  };

  test('both have ECM and MMR: the pages go as 256-octet FCD frames, confirmed by PPS/MCF, identical', async () => {
    const [sent, got, log] = await run();
    expect([sent.ok, sent.params!.ecm, sent.params!.coding, sent.params!.ecmFrameSize]).toEqual([true, true, 'mmr', 256]);
    expect(log.filter((l) => l.startsWith('caller → frame bf'))).toHaveLength(2); // PPS (with X), one a page
    expect([got.ok, got.pages]).toEqual([true, 2]);
    got.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
  });

  test('frames damaged on the line are asked for again by PPR and resent alone; the page arrives intact', async () => {
    let damaged = 0;
    const sizes: number[] = [];
    const [sent, got, log] = await run((from, s) => {
      if (s.kind !== 'data' || s.modulation !== 146 || from !== 'caller') return s;
      sizes.push(s.octets.length);
      if (damaged++ > 0) return s;
      // Flip bits in three places of the first block: three FCD frames fail their FCS.
      const o = Uint8Array.from(s.octets);
      for (const at of [0.2, 0.5, 0.8]) o[Math.floor(o.length * at)]! ^= 0x24;
      return { ...s, octets: o };
    });
    expect(log.filter((l) => l.startsWith('answerer → frame bc')).length).toBe(1); // one PPR
    expect(sizes[1]).toBeLessThan(sizes[0]! / 2); // only the missing frames (3 of 9) were sent again
    expect([sent.ok, got.ok, got.pages]).toEqual([true, true, 2]);
    got.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
  });

  test('PPR bitmaps: frame n is bit n & 7 of octet n >> 3', () => {
    const fif = pprFif([0, 9, 255]);
    expect([fif[0], fif[1], fif[31]]).toEqual([0x01, 0x02, 0x80]);
    expect(pprMissing(fif, 256)).toEqual([0, 9, 255]);
    expect(toBlocks(new Uint8Array(256 * 300 + 5), 256).map((b) => b.length)).toEqual([256, 45]);
  });
});
