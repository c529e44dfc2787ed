/**
 * The called, receiving side of T.30 over a Class 1 modem that has just answered (the modem is then
 * sending V.21 frames: T.31 §8.3.5, ATA implies +FTH=3).
 *
 * Phase B: our CSI + DIS, repeated every T4 until a DCS comes or T1 runs out → TCF at the DCS's rate →
 * CFR when it trained, FTT when not (the transmitter then tries a lower rate). Phase C: the page, until
 * the carrier drops. Phase D: MPS/EOP/EOM → MCF when the page decoded well, RTP when it has some bad
 * lines (kept, but train again), RTN when too many (dropped; the transmitter trains and resends). A
 * repeated post-page command (our answer was lost) gets the same answer again. Phase E: DCN.
 * Before every answer we wait for 70 ms of silence (+FRS=7), so the modem does not start transmitting
 * while the far end's carrier is still dropping — the race fax-loopback.md measured at 14400.
 */
import { bit, type Capabilities, decodeDcs, encodeDis, type SessionParams } from './dis-dcs';
import { rateFromDcsBits } from './rates';
import { FCF } from './fcf';
import { buildFrame, decodeId, idFrame } from './frames';
import { FCD, PPS_NULL, pprFif } from './ecm';
import { hdlcDecode } from './hdlc-bits';
import { pageFromLine, reverseBits, trainingGood } from './page-line';
import { decodeT4, type DecodeResult } from '../t4/decode';
import { findFrame, type FaxEvent, type FaxOutcome, hex, type Message, receiveMessage, type ReceivedPage, type SessionOptions } from './session';
import { MAX_TRIES, T30_TIMERS } from './timers';

export type ReceiveOptions = SessionOptions & {
  /** What we offer in DIS. Default: every modulation, fine, MR, unlimited length, 0 ms scan time, no ECM. */
  capabilities?: Partial<Capabilities>;
  /** Each page as it is kept (after MCF or RTP), so a call cut short still keeps its pages. */
  onPage?(page: ReceivedPage): void;
};

export type ReceiveOutcome = FaxOutcome & { received: ReceivedPage[] };

const SILENCE_MS = 70;
/** Bad lines in a page: up to this share gets MCF, up to the next RTP, above RTN (T.30 leaves it to us). */
const MCF_BAD_SHARE = 0.02;
const RTP_BAD_SHARE = 0.1;

export const DEFAULT_CAPABILITIES: Capabilities = {
  receiver: true,
  modems: { v27ter: true, v29: true, v17: true },
  fine: true,
  mr: true,
  mmr: false,
  length: 'unlimited',
  minScanMs: 0,
  ecm: false,
};

export async function receiveFax(o: ReceiveOptions): Promise<ReceiveOutcome> {
  const { port, clock } = o;
  const t = { ...T30_TIMERS, ...o.timers };
  const log = (e: FaxEvent) => o.onEvent?.(e);
  const caps: Capabilities = { ...DEFAULT_CAPABILITIES, ...o.capabilities };
  const out: ReceiveOutcome = { ok: false, remoteId: '', pages: 0, received: [] };
  const answer = async (fcf: number, silence = true, fif?: Uint8Array) => {
    if (silence) await port.waitSilence(SILENCE_MS);
    const f = buildFrame(fcf, fif);
    log({ dir: 'tx', text: hex(f) });
    await port.sendFrames([f]);
  };
  const fail = (reason: FaxOutcome['reason']) => {
    out.reason = reason;
    log({ dir: 'info', text: `failed: ${reason}` });
    return out;
  };
  const noteTsi = (m: Message) => {
    const tsi = findFrame(m, 'TSI');
    if (tsi) out.remoteId = decodeId(tsi.fif);
  };

  const start = clock.now();
  let params: SessionParams | undefined;
  /** The message that arrived when something else was expected (a DCS while waiting for a page). */
  let pending: Message | undefined;
  let sendDis = true;
  let firstSend = true;

  /** Phase B: until a DCS whose TCF trains. */
  const negotiate = async (): Promise<boolean> => {
    for (;;) {
      if (clock.now() - start > t.t1 && !params) return false;
      let m = pending;
      pending = undefined;
      if (!m) {
        if (sendDis) {
          const frames = [idFrame(FCF.CSI, o.localId), buildFrame(FCF.DIS, encodeDis(caps))];
          for (const f of frames) log({ dir: 'tx', text: hex(f) });
          if (!firstSend) await port.waitSilence(SILENCE_MS);
          firstSend = false;
          await port.sendFrames(frames);
        }
        m = await receiveMessage(port, t.t4, log);
      }
      noteTsi(m);
      if (findFrame(m, 'DCN')) return false;
      const dcsFrame = findFrame(m, 'DCS');
      if (!dcsFrame) {
        sendDis = true;
        continue;
      }
      const dcs = decodeDcs(dcsFrame.fif);
      // T2, not T4: the modem says CONNECT only after the far end's training (V.17's long one takes 1.4 s), and a
      // loaded far end took 3 s from DCS to TCF in our iaxmodem runs.
      const tcf = dcs ? await port.receiveData(dcs.rate.modulation, t.t2) : undefined;
      if (tcf?.kind === 'other-carrier') {
        // V.21 again: the transmitter repeated its DCS; take it as the next message.
        sendDis = false;
        continue;
      }
      const good = !!dcs && tcf?.kind === 'data' && trainingGood(tcf.octets, dcs.rate.bps);
      log({ dir: 'info', text: dcs ? `TCF at ${dcs.rate.bps}: ${good ? 'good' : 'bad'}` : 'DCS names a modulation we lack' });
      await answer(good ? FCF.CFR : FCF.FTT);
      if (good) {
        params = dcs!;
        out.params = dcs!;
        return true;
      }
      sendDis = false;
      m = await receiveMessage(port, t.t4, log);
      pending = m;
    }
  };

  /**
   * ECM phase C and D for one page: blocks of FCD frames, each ended by PPS; PPR lists the frames that
   * did not arrive (bad FCS or lost) until the block is whole, then MCF. CTC (the transmitter goes on
   * at the lower rate its FIF names) gets CTR; EOR (it gives up correcting the block) gets ERR, and the
   * block is kept with the frames that did arrive. Returns the page's post-page message, its coded
   * octets and whether a block of it ended with EOR.
   */
  let lastEcmBlock: string | undefined;
  const receiveEcmPage = async (): Promise<{ ppm: number; octets: Uint8Array; uncorrected: boolean } | { fail: FaxOutcome['reason'] }> => {
    const blocks: Uint8Array[] = [];
    let frames = new Map<number, Uint8Array>();
    let uncorrected = false;
    let count = 0;
    for (;;) {
      const data = await port.receiveData(params!.rate.pageModulation, t.t2);
      if (data.kind === 'data') for (const f of hdlcDecode(data.octets)) if (f.length >= 4 && f[2] === FCD) frames.set(f[3]!, f.subarray(4));
      let m: Message = { kind: 'timeout' };
      for (let i = 0; i < MAX_TRIES && !findFrame(m, 'PPS', 'DCN', 'RR', 'CTC', 'EOR'); i++) m = await receiveMessage(port, t.t2, log);
      if (findFrame(m, 'DCN')) return { fail: 'remote-disconnected' };
      if (findFrame(m, 'RR')) {
        await answer(FCF.MCF);
        continue;
      }
      const ctc = findFrame(m, 'CTC');
      const rate = ctc && rateFromDcsBits([11, 12, 13, 14].map((n) => bit(ctc.fif, n)));
      if (ctc && rate) {
        params = { ...params!, rate };
        out.params = params;
        log({ dir: 'info', text: `ECM: CTC, the transmitter goes on at ${rate.bps}` });
        await answer(FCF.CTR);
        continue;
      }
      const eor = findFrame(m, 'EOR');
      if (eor) {
        // The frames still missing are given up: the block is what did arrive, in order.
        const missing = count - frames.size;
        log({ dir: 'info', text: `ECM: EOR, ${missing} of ${count} frames not corrected: the page is kept with errors` });
        const got = [...frames.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
        blocks.push(concat(got));
        frames = new Map();
        uncorrected = true;
        await answer(FCF.ERR);
        const ppm = (eor.fif[0] ?? PPS_NULL) & ~1;
        if (ppm === PPS_NULL) continue;
        return { ppm, octets: concat(blocks), uncorrected };
      }
      const pps = findFrame(m, 'PPS');
      if (!pps || pps.fif.length < 4) return { fail: 'no-page-data' };
      const key = `${pps.fif[1]}/${pps.fif[2]}`;
      if (frames.size === 0 && key === lastEcmBlock) {
        // The PPS of the block we already confirmed: our MCF was lost.
        await answer(FCF.MCF);
        continue;
      }
      count = pps.fif[3]! + 1;
      const missing: number[] = [];
      for (let n = 0; n < count; n++) if (!frames.has(n)) missing.push(n);
      log({ dir: 'info', text: `ECM block ${pps.fif[2]}: ${count - missing.length}/${count} frames` });
      if (missing.length > 0) {
        await answer(FCF.PPR, true, pprFif(missing));
        continue;
      }
      blocks.push(concat(Array.from({ length: count }, (_v, n) => frames.get(n)!)));
      lastEcmBlock = key;
      frames = new Map();
      await answer(FCF.MCF);
      const ppm = pps.fif[0]! & ~1;
      if (ppm === PPS_NULL) continue;
      return { ppm, octets: concat(blocks), uncorrected };
    }
  };

  if (!(await negotiate())) return fail(params ? 'remote-disconnected' : 'no-handshake');
  let lastAnswer: number = FCF.MCF;
  for (;;) {
    // Phase C: the page. V.21 instead (+FCERROR) means the transmitter is still in phase B or D.
    if (params!.ecm) {
      const r = await receiveEcmPage();
      if ('fail' in r) return fail(r.fail);
      const decoded: DecodeResult =
        params!.coding === 'mmr' ? decodeT4(reverseBits(r.octets), { coding: 'mmr', width: 1728 }) : pageFromLine(r.octets, params!);
      const page: ReceivedPage = { bitmap: decoded.bitmap, fine: params!.fine, badLines: decoded.badLines.length };
      if (r.uncorrected) {
        page.uncorrected = true;
        (out.pagesWithErrors ??= []).push(out.pages + 1);
        log({ dir: 'info', text: `page ${out.pages + 1} kept with uncorrected ECM errors: ${page.badLines} of ${page.bitmap.height} rows bad` });
      }
      out.received.push(page);
      out.pages++;
      o.onPage?.(page);
      lastAnswer = FCF.MCF;
      if (r.ppm === FCF.EOP) return finish();
      if (r.ppm === FCF.EOM && !(await negotiate())) return fail('no-handshake');
      continue;
    }
    const data = await port.receiveData(params!.rate.pageModulation, t.t2);
    if (data.kind !== 'data') {
      const m = await receiveMessage(port, t.t2, log);
      if (findFrame(m, 'DCS')) {
        pending = m;
        if (!(await negotiate())) return fail('training-failed');
        continue;
      }
      const repeated = findFrame(m, 'MPS', 'EOP', 'EOM', 'PPS');
      if (repeated) {
        // Our answer to the last post-page command was lost: say it again.
        await answer(lastAnswer);
        if (repeated.name === 'EOP' || (repeated.name === 'PPS' && (repeated.fif[0]! & ~1) === FCF.EOP)) return finish();
        continue;
      }
      if (findFrame(m, 'DCN')) return out.pages > 0 ? fail('remote-disconnected') : fail('no-page-data');
      return fail('no-page-data');
    }
    const decoded = pageFromLine(data.octets, params!);
    const rows = decoded.bitmap.height;
    const bad = decoded.badLines.length;
    if (bad) log({ dir: 'info', text: `bad lines ${decoded.badLines.slice(0, 10).join(', ')}` });
    log({ dir: 'info', text: `page: ${data.octets.length} octets, ${rows} rows, ${bad} bad` });
    // Phase D.
    let m: Message | undefined;
    for (let i = 0; i < MAX_TRIES && !findFrame(m ?? { kind: 'timeout' }, 'MPS', 'EOP', 'EOM', 'DCN'); i++) m = await receiveMessage(port, t.t2, log);
    const ppm = m && findFrame(m, 'MPS', 'EOP', 'EOM');
    if (!ppm) return fail(findFrame(m ?? { kind: 'timeout' }, 'DCN') ? 'remote-disconnected' : 'no-response');
    const share = rows === 0 ? 1 : bad / rows;
    lastAnswer = share <= MCF_BAD_SHARE ? FCF.MCF : share <= RTP_BAD_SHARE ? FCF.RTP : FCF.RTN;
    if (lastAnswer !== FCF.RTN) {
      const page: ReceivedPage = { bitmap: decoded.bitmap, fine: params!.fine, badLines: bad };
      out.received.push(page);
      out.pages++;
      o.onPage?.(page);
    }
    await answer(lastAnswer);
    if (lastAnswer !== FCF.MCF) {
      // RTP/RTN: the transmitter trains again (DCS + TCF) before its next page.
      if (ppm.name === 'EOP' && lastAnswer === FCF.RTP) return finish();
      sendDis = false;
      if (!(await negotiate())) return fail('training-failed');
      continue;
    }
    if (ppm.name === 'EOP') return finish();
    if (ppm.name === 'EOM') {
      sendDis = true;
      if (!(await negotiate())) return fail('no-handshake');
    }
  }

  async function finish(): Promise<ReceiveOutcome> {
    // Phase E: the transmitter's DCN (a missing one is no failure: every page is in).
    await receiveMessage(port, t.t2, log);
    out.ok = true;
    return out;
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}
