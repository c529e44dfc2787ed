/**
 * T.30 frames against the bit layouts of T.30 Table 2 and the octets real fax programs exchanged in the
 * reference (shared/reference/voice-modems.md §5.1: mgetty's FCF values, efax's captured CSI and DIS;
 * fax-loopback.md's iaxmodem calls). An octet goes on the line least significant bit first, so T.30's
 * bit n is octet ⌊(n−1)/8⌋, mask 1 << ((n−1) mod 8).
 */
import { bit, commonRates, decodeDcs, decodeDis, encodeDcs, encodeDis, type SessionParams } from '../../src/fax/t30/dis-dcs';
import { FCF, FCF_X, fcfName } from '../../src/fax/t30/fcf';
import { buildFrame, decodeId, encodeId, frameCheck, parseFrame, withFcs } from '../../src/fax/t30/frames';
import { pageForLine, pageFromLine, reverseBits, trainingGood } from '../../src/fax/t30/page-line';
import { fallback, RATES, rateByBps, rateFromDcsBits } from '../../src/fax/t30/rates';
import { decodeT4 } from '../../src/fax/t4/decode';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { textPage } from '../helpers/fax-pages';

/** T.30 writes an FCF as its bits in line order; the octet is that string read right to left. */
const fromT30 = (bits: string) => parseInt([...bits.replace(/ /g, '')].reverse().join(''), 2);

test('FCF octets are T.30 Table 1’s bit strings in line order (X = 0), as mgetty’s class1.h lists them', () => {
  expect(FCF.DIS).toBe(fromT30('0000 0001'));
  expect(FCF.CSI).toBe(fromT30('0000 0010'));
  expect(FCF.NSF).toBe(fromT30('0000 0100'));
  expect(FCF.DTC).toBe(fromT30('1000 0001'));
  expect(FCF.DCS).toBe(fromT30('0100 0001'));
  expect(FCF.TSI).toBe(fromT30('0100 0010'));
  expect(FCF.CFR).toBe(fromT30('0010 0001'));
  expect(FCF.FTT).toBe(fromT30('0010 0010'));
  expect(FCF.MPS).toBe(fromT30('0111 0010'));
  expect(FCF.EOM).toBe(fromT30('0111 0001'));
  expect(FCF.EOP).toBe(fromT30('0111 0100'));
  expect(FCF.MCF).toBe(fromT30('0011 0001'));
  expect(FCF.RTP).toBe(fromT30('0011 0011'));
  expect(FCF.RTN).toBe(fromT30('0011 0010'));
  expect(FCF.PIP).toBe(fromT30('0011 0101'));
  expect(FCF.PIN).toBe(fromT30('0011 0100'));
  expect(FCF.DCN).toBe(fromT30('0101 1111'));
  // mgetty's values (reference §5.1): DIS 80, CSI 40, DCS 82 (83 with X), CFR 84, MPS 4E, EOP 2E, MCF 8C, DCN FA.
  expect([FCF.DIS, FCF.CSI, FCF.DCS | FCF_X, FCF.CFR, FCF.MPS, FCF.EOP, FCF.MCF, FCF.DCN]).toEqual([0x80, 0x40, 0x83, 0x84, 0x4e, 0x2e, 0x8c, 0xfa]);
});

test('an FCF is named with its X bit ignored, but DTC/CIG stay apart from DIS/CSI (their first bit is not X)', () => {
  expect(fcfName(0x83)).toBe('DCS');
  expect(fcfName(0x2f)).toBe('EOP');
  expect(fcfName(0xfb)).toBe('DCN');
  expect(fcfName(0x81)).toBe('DTC');
  expect(fcfName(0x41)).toBe('CIG');
  expect(fcfName(0x80)).toBe('DIS');
  expect(fcfName(0x00)).toBeNull();
});

test('CSI/TSI: 20 characters, last first, right-aligned — efax’s captured CSI for "+1 555 0100"', () => {
  const captured = [0x30, 0x30, 0x31, 0x30, 0x20, 0x35, 0x35, 0x35, 0x20, 0x31, 0x2b, ...Array(9).fill(0x20)];
  expect([...encodeId('+1 555 0100')]).toEqual(captured);
  expect(decodeId(Uint8Array.from(captured))).toBe('+1 555 0100');
  expect(encodeId('x'.repeat(30))).toHaveLength(20);
  expect(decodeId(encodeId('+98 21 5555 0001'))).toBe('+98 21 5555 0001');
});

test('frames: address FF, control 03 (more) / 13 (final); a trailing FCS is checked and removed', () => {
  const dis = buildFrame(FCF.DIS, Uint8Array.of(0x00, 0x6e, 0x78));
  expect([...dis]).toEqual([0xff, 0x13, 0x80, 0x00, 0x6e, 0x78]);
  expect([...buildFrame(FCF.CSI, encodeId('1'), false)].slice(0, 3)).toEqual([0xff, 0x03, 0x40]);
  // The FCS iaxmodem (spandsp) handed over with efax's DIS, captured in this project's runs: cd 8e.
  expect([...withFcs(dis)].slice(-2)).toEqual([0xcd, 0x8e]);
  expect(frameCheck(Uint8Array.of(0xff, 0x13, 0x84))).toBe(0x7dea); // CFR … ea 7d, also captured
  const parsed = parseFrame(withFcs(dis))!;
  expect(parsed.name).toBe('DIS');
  expect(parsed.final).toBe(true);
  expect([...parsed.fif]).toEqual([0x00, 0x6e, 0x78]);
  expect(parseFrame(dis)!.fif).toHaveLength(3); // a modem that gives no FCS
  expect(parseFrame(Uint8Array.of(0x0a, 0xff, 0x13, 0x80))).toBeNull();
  expect(parseFrame(Uint8Array.of(0xff, 0x07, 0x80))).toBeNull();
});

test('efax’s DIS 00 6e 78 reads as T.30 Table 2 says: receiver, V.27ter+V.29+V.17, fine, 1-D, any length, 0 ms', () => {
  const fif = Uint8Array.of(0x00, 0x6e, 0x78);
  // Bit by bit: 10 = receive, 11–14 = 1101 (V.27ter, V.29, V.17), 15 = fine, 16 = 0, 19–20 = 01, 21–23 = 111.
  expect([9, 10, 11, 12, 13, 14, 15, 16].map((n) => bit(fif, n))).toEqual([0, 1, 1, 1, 0, 1, 1, 0]);
  expect([17, 18, 19, 20, 21, 22, 23, 24].map((n) => bit(fif, n))).toEqual([0, 0, 0, 1, 1, 1, 1, 0]);
  expect(decodeDis(fif)).toEqual({
    receiver: true,
    modems: { v27ter: true, v29: true, v17: true },
    fine: true,
    mr: false,
    mmr: false,
    length: 'unlimited',
    minScanMs: 0,
    ecm: false,
  });
  // And back: the same three octets.
  expect([...encodeDis(decodeDis(fif))]).toEqual([0x00, 0x6e, 0x78]);
});

test('DIS: 2-D, scan times and lengths land on their bits; ECM adds the fourth octet with bit 24 set', () => {
  const base = decodeDis(Uint8Array.of(0x00, 0x6e, 0x78));
  expect(bit(encodeDis({ ...base, mr: true }), 16)).toBe(1);
  for (const [ms, bits] of [
    [20, '000'],
    [40, '001'],
    [10, '010'],
    [5, '100'],
    [0, '111'],
  ] as const) {
    const f = encodeDis({ ...base, minScanMs: ms });
    expect(`${bit(f, 21)}${bit(f, 22)}${bit(f, 23)}`).toBe(bits);
    expect(decodeDis(f).minScanMs).toBe(ms);
  }
  expect(decodeDis(encodeDis({ ...base, length: 'a4' })).length).toBe('a4');
  expect(decodeDis(encodeDis({ ...base, length: 'b4' })).length).toBe('b4');
  const ecm = encodeDis({ ...base, ecm: true });
  expect(ecm).toHaveLength(4);
  expect([bit(ecm, 24), bit(ecm, 27), bit(ecm, 32)]).toEqual([1, 1, 0]);
  expect(decodeDis(Uint8Array.of(0x00, 0x0a, 0x00)).modems).toEqual({ v27ter: true, v29: false, v17: false }); // 0100
  expect(decodeDis(Uint8Array.of(0x00, 0x00, 0x00)).modems).toEqual({ v27ter: true, v29: false, v17: false }); // fall-back mode
});

test('DCS rates: bits 11–14 per T.30 Table 2, and the DCS we sent efax (00 46 78 at 9600, 00 62 78 at 14400)', () => {
  const bits = (bps: number) => {
    const f = encodeDcs({ ...params, rate: rateByBps(bps)! });
    return [11, 12, 13, 14].map((n) => bit(f, n)).join('');
  };
  const params: SessionParams = { rate: RATES[0]!, fine: true, coding: 'mh', length: 'unlimited', minScanMs: 0, ecm: false, ecmFrameSize: 256 };
  expect(RATES.map((r) => [r.bps, bits(r.bps)])).toEqual([
    [14400, '0001'],
    [12000, '0101'],
    [9600, '1000'],
    [7200, '1100'],
    [4800, '0100'],
    [2400, '0000'],
  ]);
  expect([...encodeDcs({ ...params, rate: rateByBps(9600)! })]).toEqual([0x00, 0x46, 0x78]);
  expect([...encodeDcs({ ...params, rate: rateByBps(14400)! })]).toEqual([0x00, 0x62, 0x78]);
  for (const r of RATES) expect(decodeDcs(encodeDcs({ ...params, rate: r }))).toEqual({ ...params, rate: r });
  expect(rateFromDcsBits([1, 0, 0, 1])!.modem).toBe('V.17'); // V.17 9600
  expect(decodeDcs(Uint8Array.of(0x00, 0x10, 0x00))).toBeNull(); // 0010: V.33, which we do not have
  const mr = decodeDcs(encodeDcs({ ...params, coding: 'mr', fine: false, minScanMs: 20 }))!;
  expect([mr.coding, mr.fine, mr.minScanMs]).toEqual(['mr', false, 20]);
});

test('speed fallback: 14400 → 12000 → 9600 (V.29) → 7200 → 4800 (V.27ter) → 2400, limited to what both have', () => {
  const order: number[] = [];
  for (let r = RATES[0]; r; r = fallback(r, () => true)) order.push(r.bps);
  expect(order).toEqual([14400, 12000, 9600, 7200, 4800, 2400]);
  const all = { v27ter: true, v29: true, v17: true };
  const v29only = decodeDis(Uint8Array.of(0x00, 0x06, 0x78)); // bits 10, 11: V.29
  expect(commonRates(v29only, all, 14400).map((r) => r.bps)).toEqual([9600, 7200]);
  expect(commonRates(decodeDis(Uint8Array.of(0x00, 0x6e, 0x78)), all, 9600).map((r) => r.bps)).toEqual([9600, 7200, 4800, 2400]);
  expect(commonRates(decodeDis(Uint8Array.of(0x00, 0x6e, 0x78)), { v27ter: true, v29: false, v17: false }, 14400).map((r) => r.bps)).toEqual([4800, 2400]);
  // V.17 pages use short training after a long-trained TCF (efax receives pages with +FRM=146).
  expect([rateByBps(14400)!.modulation, rateByBps(14400)!.pageModulation, rateByBps(9600)!.pageModulation]).toEqual([145, 146, 96]);
});

test('page data: coded with the negotiated minimum scan-line time, bits reversed for the line, decodable back', () => {
  const page = textPage(1728, 120, 5);
  const params: SessionParams = { rate: rateByBps(9600)!, fine: true, coding: 'mh', length: 'unlimited', minScanMs: 20, ecm: false, ecmFrameSize: 256 };
  const line = pageForLine(page, params);
  const back = decodeT4(reverseBits(line), { coding: 'mh', width: 1728 });
  expect(sameBitmap(back.bitmap, page)).toBe(true);
  expect(back.endMarker).toBe(true);
  // 20 ms at 9600 bit/s = 192 bits a line at least: a blank page's 120 lines take ≥ 120 × 24 octets.
  expect(pageForLine(textPage(1728, 120, 5).data.fill(0) && { ...page, data: new Uint8Array(page.data.length) }, params).length).toBeGreaterThanOrEqual(
    120 * 24,
  );
  const mr = pageForLine(page, { ...params, coding: 'mr', minScanMs: 0 });
  expect(sameBitmap(decodeT4(mr, { coding: 'mr', width: 1728, fillOrder: 2 }).bitmap, page)).toBe(true);
});

test('TCF is good with at least one second of zeros at the rate, bad with noise in it', () => {
  expect(trainingGood(new Uint8Array(1800), 9600)).toBe(true);
  const noisy = new Uint8Array(1800);
  for (let i = 0; i < noisy.length; i += 500) noisy[i] = 0x55;
  expect(trainingGood(noisy, 9600)).toBe(false);
  expect(trainingGood(new Uint8Array(1000), 9600)).toBe(false);
});

test('a received page starts at its first EOL: bits of the modem’s training before it are not a bad row', () => {
  const page = textPage(1728, 80, 6);
  const params: SessionParams = { rate: rateByBps(14400)!, fine: true, coding: 'mh', length: 'unlimited', minScanMs: 0, ecm: false, ecmFrameSize: 256 };
  const line = pageForLine(page, params);
  // Three octets of junk in front (line order), the first EOL then starts mid-octet after them.
  const junk = Uint8Array.of(0xb5, 0x3c, 0x81, ...line);
  const r = pageFromLine(junk, params);
  expect(r.badLines).toEqual([]);
  expect(sameBitmap(r.bitmap, page)).toBe(true);
});
