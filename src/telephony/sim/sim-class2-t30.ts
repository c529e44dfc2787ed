/**
 * The T.30 that the simulated Class 2/2.0 modem runs itself (a Class 2 modem keeps T.30 inside; the
 * host only sees T.32's results). Deliberately small, as in the cheaper Class 2.0 modems: no ECM, V.27ter
 * and V.29 only (2400–9600), MH and MR coding, standard and fine resolution. It talks over the simulated
 * line (sim-fax-line.ts) to the far fax machine, which tests and the demo line run with our full T.30
 * engine (src/fax/t30) — so both ends must agree on the frames, and any disagreement fails a test.
 *
 * Telephony imports nothing of src/fax, so the few DIS/DCS bits this needs are written out here (T.30
 * Table 2: bit n is octet ⌊(n−1)/8⌋, mask 1 << ((n−1) mod 8), as the frames cross the modem interface).
 */
import type { SimFaxFarEnd } from './sim-fax-line';

/** FCF values as they cross the modem interface (X bit clear; receivers ignore it). */
export const FCF = {
  ...{ DIS: 0x80, CSI: 0x40, DCS: 0x82, TSI: 0x42, CFR: 0x84, FTT: 0x44 },
  ...{ MPS: 0x4e, EOM: 0x8e, EOP: 0x2e, MCF: 0x8c, RTN: 0x4c, RTP: 0xcc, DCN: 0xfa },
};

/** T.32 session parameters (+FCC/+FIS/+FCS): resolution, bit rate, width, length, coding, ECM, BFT, scan time. */
export type T32Params = { vr: number; br: number; wd: number; ln: number; df: number; ec: number; bf: number; st: number };

/** br → the modulation (T.31 code) and DCS bits 11–14; this modem stops at V.29 9600. */
const RATES = [
  { br: 0, modulation: 24, bits: [0, 0, 0, 0] },
  { br: 1, modulation: 48, bits: [0, 1, 0, 0] },
  { br: 2, modulation: 72, bits: [1, 1, 0, 0] },
  { br: 3, modulation: 96, bits: [1, 0, 0, 0] },
];
export const MAX_BR = 3;
export const modulationOf = (br: number) => RATES[Math.min(br, MAX_BR)]!.modulation;
const BPS: Record<number, number> = { 24: 2400, 48: 4800, 72: 7200, 96: 9600 };

/** T.32 st code ↔ ms (codes 3, 5, 7 mean "half at fine"; the longer value is used). */
const ST_MS = [0, 5, 10, 10, 20, 20, 40, 40];
const MS_ST: Record<number, number> = { 0: 0, 5: 1, 10: 2, 20: 4, 40: 6 };
const SCAN_BITS: Record<number, number[]> = { 20: [], 40: [23], 10: [22], 5: [21], 0: [21, 22, 23] };
const SCAN_OF: Record<string, number> = { '000': 20, '001': 40, '010': 10, '100': 5, '111': 0, '011': 10, '110': 20, '101': 40 };

const bit = (fif: Uint8Array, n: number) => ((fif[(n - 1) >> 3] ?? 0) >> ((n - 1) & 7)) & 1;

function fifOf(bits: number[]): Uint8Array {
  const fif = new Uint8Array(3);
  for (const n of bits) fif[(n - 1) >> 3]! |= 1 << ((n - 1) & 7);
  return fif;
}

function commonBits(p: T32Params): number[] {
  const bits = [...(SCAN_BITS[ST_MS[p.st] ?? 0] ?? [])];
  if (p.ln === 1) bits.push(19);
  if (p.ln === 2) bits.push(20);
  if (p.vr & 1) bits.push(15);
  if (p.df >= 1) bits.push(16);
  return bits;
}

/** Our DIS from the host's +FCC (capped at what this modem has). */
export function disOf(p: T32Params): Uint8Array {
  const bits = [10, ...commonBits(p)];
  if (p.br >= 2) bits.push(11);
  bits.push(12); // V.27ter: every machine's fallback
  return fifOf(bits);
}

/** The far end's DIS as T.32 reports it (+FIS): what it can receive, in this modem's terms. */
export function fromDis(fif: Uint8Array): T32Params & { receiver: boolean } {
  const v29 = bit(fif, 11) === 1;
  const v27 = bit(fif, 12) === 1;
  return {
    receiver: bit(fif, 10) === 1,
    vr: bit(fif, 15),
    br: v29 ? 3 : v27 ? 1 : 0,
    wd: 0,
    ln: bit(fif, 20) ? 2 : bit(fif, 19) ? 1 : 0,
    df: bit(fif, 16),
    ec: 0,
    bf: 0,
    st: MS_ST[SCAN_OF[`${bit(fif, 21)}${bit(fif, 22)}${bit(fif, 23)}`] ?? 20] ?? 4,
  };
}

export function dcsOf(p: T32Params): Uint8Array {
  const rate = RATES[Math.min(p.br, MAX_BR)]!;
  const bits = [10, ...commonBits(p)];
  rate.bits.forEach((b, i) => b && bits.push(11 + i));
  return fifOf(bits);
}

export function fromDcs(fif: Uint8Array): T32Params | null {
  const key = [11, 12, 13, 14].map((n) => bit(fif, n)).join('');
  const rate = RATES.find((r) => r.bits.join('') === key);
  if (!rate || bit(fif, 27)) return null; // V.17 or ECM: not this modem's
  return { ...fromDis(fif), br: rate.br, ec: 0 };
}

/** TSI/CSI: right-aligned in 20 characters, last character first (T.30 §5.3.6.2.4). */
export function idFif(id: string): Uint8Array {
  const padded = id.slice(-20).padStart(20, ' ');
  return Uint8Array.from([...padded].reverse(), (c) => c.charCodeAt(0) & 0x7f);
}
export const idOf = (fif: Uint8Array) => String.fromCharCode(...[...fif].reverse()).trim();

export const frame = (fcf: number, fif: Uint8Array = new Uint8Array(0)) => Uint8Array.from([0xff, 0x13, fcf, ...fif]);
type Got = { fcf: number; fif: Uint8Array };

/** One message (frames until the final one, FCS dropped; the port sets each frame's control octet); 'ended' once the far end has hung up. */
export async function receiveMessage(port: SimFaxFarEnd, timeoutMs: number): Promise<Got[] | 'timeout' | 'ended'> {
  const out: Got[] = [];
  for (;;) {
    const r = await port.receiveFrame(out.length ? 3000 : timeoutMs);
    if (r.kind === 'no-carrier') return out.length ? out : 'ended';
    if (r.kind === 'timeout') return out.length ? out : 'timeout';
    const o = r.octets.subarray(0, r.octets.length - 2);
    out.push({ fcf: o[2]! & 0xfe, fif: o.slice(3) });
    if (o[1] === 0x13) return out;
  }
}

const T1_MS = 35_000;
const T4_MS = 3_000;
const T2_MS = 6_000;

/** The hang-up status (+FHS) when a step fails; 0 when it went well. */
export type Step<T> = { ok: true; value: T } | { ok: false; hsc: number };

/** Calling: the far machine's CSI and DIS, or +FHS 11 (no answer within T1). */
export async function awaitDis(port: SimFaxFarEnd): Promise<Step<{ csi: string; dis: Uint8Array }>> {
  const m = await receiveMessage(port, T1_MS);
  if (typeof m === 'string') return { ok: false, hsc: 11 };
  const dis = m.find((f) => f.fcf === FCF.DIS);
  if (!dis) return { ok: false, hsc: 20 };
  const csi = m.find((f) => f.fcf === FCF.CSI);
  return { ok: true, value: { csi: csi ? idOf(csi.fif) : '', dis: dis.fif } };
}

/** TSI + DCS and TCF, falling back a rate after each FTT; the parameters that trained. */
export async function train(port: SimFaxFarEnd, localId: string, want: T32Params): Promise<Step<T32Params>> {
  for (let br = Math.min(want.br, MAX_BR); br >= 0; br--) {
    const p = { ...want, br };
    let answered = false;
    for (let attempt = 0; attempt < 3 && !answered; attempt++) {
      try {
        await port.sendFrames([frame(FCF.TSI, idFif(localId)), frame(FCF.DCS, dcsOf(p))]);
        await port.pause(75);
        const mod = modulationOf(br);
        await port.sendData(mod, new Uint8Array(Math.round((BPS[mod]! / 8) * 1.5)));
      } catch {
        return { ok: false, hsc: 25 };
      }
      const m = await receiveMessage(port, T4_MS);
      if (m === 'ended') return { ok: false, hsc: 25 };
      if (m === 'timeout') continue;
      answered = true;
      if (m.some((f) => f.fcf === FCF.CFR)) return { ok: true, value: p };
      if (m.some((f) => f.fcf === FCF.DCN)) return { ok: false, hsc: 22 };
    }
    if (!answered) return { ok: false, hsc: 25 };
  }
  return { ok: false, hsc: 27 };
}

const PPM_NO_RESPONSE: Record<number, number> = { [FCF.MPS]: 52, [FCF.EOP]: 54, [FCF.EOM]: 56 };

/** A page and its post-page message; the post-page response as +FPS's ppr (1 MCF, 2 RTN, 3 RTP). */
export async function sendPage(port: SimFaxFarEnd, br: number, data: Uint8Array, ppm: number): Promise<Step<number>> {
  try {
    await port.sendData(modulationOf(br), data);
  } catch {
    // The far end went away while the page was on the line: the modem only notices that nothing answers.
    return { ok: false, hsc: PPM_NO_RESPONSE[ppm]! };
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await port.pause(75);
      await port.sendFrames([frame(ppm)]);
    } catch {
      break;
    }
    const m = await receiveMessage(port, T4_MS);
    if (m === 'ended') break;
    if (m === 'timeout') continue;
    if (m.some((f) => f.fcf === FCF.MCF)) return { ok: true, value: 1 };
    if (m.some((f) => f.fcf === FCF.RTN)) return { ok: true, value: 2 };
    if (m.some((f) => f.fcf === FCF.RTP)) return { ok: true, value: 3 };
    if (m.some((f) => f.fcf === FCF.DCN)) return { ok: false, hsc: 51 };
    return { ok: false, hsc: ppm === FCF.MPS ? 53 : ppm === FCF.EOP ? 55 : 57 };
  }
  return { ok: false, hsc: PPM_NO_RESPONSE[ppm]! };
}

/** Answering: CSI + DIS until a DCS whose TCF is clean (CFR), FTT otherwise; the caller's TSI and the DCS. */
export async function answerCall(port: SimFaxFarEnd, localId: string, caps: T32Params): Promise<Step<{ tsi: string; params: T32Params }>> {
  let sendDis = true;
  for (let tries = 0; tries < 6; tries++) {
    try {
      if (sendDis) await port.sendFrames([frame(FCF.CSI, idFif(localId)), frame(FCF.DIS, disOf(caps))]);
    } catch {
      return { ok: false, hsc: 70 };
    }
    const m = await receiveMessage(port, T4_MS);
    if (m === 'ended') return { ok: false, hsc: 70 };
    if (m === 'timeout') continue; // six DIS three seconds apart: about T1
    if (m.some((f) => f.fcf === FCF.DCN)) return { ok: false, hsc: 71 };
    const dcs = m.find((f) => f.fcf === FCF.DCS);
    const tsi = m.find((f) => f.fcf === FCF.TSI);
    const params = dcs ? fromDcs(dcs.fif) : null;
    if (!params) {
      sendDis = true;
      continue;
    }
    const tcf = await port.receiveData(modulationOf(params.br), T2_MS);
    const good = tcf.kind === 'data' && tcf.octets.length > 0 && tcf.octets.filter((b) => b === 0).length >= tcf.octets.length * 0.9;
    try {
      await port.pause(75);
      await port.sendFrames([frame(good ? FCF.CFR : FCF.FTT)]);
    } catch {
      return { ok: false, hsc: 70 };
    }
    if (good) return { ok: true, value: { tsi: tsi ? idOf(tsi.fif) : '', params } };
    sendDis = false; // after FTT the caller sends a new DCS
  }
  return { ok: false, hsc: 70 };
}

/** A page's data (T2), or 73 when none came (90 when the far end hung up mid-page). */
export async function receivePage(port: SimFaxFarEnd, br: number): Promise<Step<Uint8Array>> {
  const r = await port.receiveData(modulationOf(br), T2_MS);
  if (r.kind === 'data') return { ok: true, value: r.octets };
  return { ok: false, hsc: r.kind === 'timeout' ? 73 : 90 };
}

/** The post-page message after a page (MPS/EOM/EOP), or 100 when the far end vanished instead. */
export async function receivePostPage(port: SimFaxFarEnd): Promise<Step<number>> {
  const m = await receiveMessage(port, T2_MS);
  if (typeof m === 'string') return { ok: false, hsc: 100 };
  const ppm = m.find((f) => f.fcf === FCF.MPS || f.fcf === FCF.EOM || f.fcf === FCF.EOP);
  if (!ppm) return { ok: false, hsc: m.some((f) => f.fcf === FCF.DCN) ? 101 : 100 };
  return { ok: true, value: ppm.fcf };
}

/** Scan lines in MH/MR page data: EOL codes (eleven zeros, then a one), least significant bit first, less the RTC. */
export function lineCount(data: Uint8Array): number {
  let zeros = 0;
  let eols = 0;
  for (const b of data) {
    for (let i = 0; i < 8; i++) {
      if ((b >> i) & 1) {
        if (zeros >= 11) eols++;
        zeros = 0;
      } else zeros++;
    }
  }
  return Math.max(0, eols - 6);
}
