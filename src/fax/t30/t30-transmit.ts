/**
 * The calling, transmitting side of T.30 (phases B to E) over a Class 1 modem that has just dialled and
 * connected (the modem is then receiving V.21 frames: T.31 §8.3.5 says ATD implies +FRH=3).
 *
 * Phase B: the called station's NSF/CSI/DIS → our TSI + DCS, then TCF (1.5 s of zeros) at the chosen
 * rate → CFR (go) or FTT (train again one rate lower: 14400 → 12000 → 9600 → 7200 → 4800 → 2400).
 * Phase C: the page, coded as the DCS says. Phase D: MPS (more pages) or EOP (last) → MCF (confirmed),
 * RTP (confirmed, train again before the next), RTN (not confirmed: train again, lower, and resend).
 * A command without a valid response is sent again after T4, three times at most. Phase E: DCN.
 */
import type { FaxBitmap } from '../t4/bitmap';
import { type Capabilities, commonRates, decodeDis, encodeDcs, type SessionParams } from './dis-dcs';
import { FCF, FCF_X } from './fcf';
import { buildFrame, decodeId, idFrame } from './frames';
import { fcdFrame, PPS_NULL, ppsFrame, pprMissing, rcpFrames, toBlocks } from './ecm';
import { hdlcEncode } from './hdlc-bits';
import { pageForLine } from './page-line';
import type { FaxRate } from './rates';
import { findFrame, type FaxEvent, type FaxOutcome, hex, type Message, receiveMessage, type SessionOptions } from './session';
import { MAX_TRIES, T30_TIMERS, TCF_SECONDS, TURNAROUND_MS } from './timers';

export type SendPage = { bitmap: FaxBitmap; fine: boolean };

export type TransmitOptions = SessionOptions & {
  pages: readonly SendPage[];
  /** The fastest rate to try (bit/s). Default 14400. */
  maxBps?: number;
  /** The modulations our modem has (from AT+FTM=?). Default all three. */
  modems?: Capabilities['modems'];
  /** Use MR (2-D) coding when the receiver has it. Default true. */
  mr?: boolean;
  /** Use ECM (T.30 Annex A) when the receiver has it, and then MMR when it has that. Default false. */
  ecm?: boolean;
};

/** A page refused with RTN is sent again at most this many times. */
const MAX_PAGE_SENDS = 3;
/** ECM: after this many PPRs for one block T.30 Annex A has the transmitter send CTC or EOR. */
const MAX_PPR = 4;
/**
 * ECM: CTC (continue, one rate lower) at most this many times in a call; after that a block still bad after
 * 4 PPRs ends with EOR at once — two lower rates did not help, a third would only make the call longer.
 */
const MAX_CTC = 2;

export async function transmitFax(o: TransmitOptions): Promise<FaxOutcome> {
  const { port, clock } = o;
  const t = { ...T30_TIMERS, ...o.timers };
  const log = (e: FaxEvent) => o.onEvent?.(e);
  const out: FaxOutcome = { ok: false, remoteId: '', pages: 0 };
  const fail = async (reason: FaxOutcome['reason'], hangUp = true) => {
    out.reason = reason;
    log({ dir: 'info', text: `failed: ${reason}` });
    if (hangUp) await sendFrames([buildFrame(FCF.DCN | FCF_X)]).catch(() => undefined);
    return out;
  };
  const sendFrames = async (frames: Uint8Array[]) => {
    for (const f of frames) log({ dir: 'tx', text: hex(f) });
    await port.sendFrames(frames);
  };
  if (o.pages.length === 0) throw new RangeError('a fax needs at least one page');

  // Phase B: the called station's DIS, repeated by it until T1 runs out.
  const start = clock.now();
  let dis: Capabilities | undefined;
  while (!dis) {
    const left = t.t1 - (clock.now() - start);
    if (left <= 0) return fail('no-handshake');
    const m = await receiveMessage(port, left, log);
    noteId(m, out);
    const f = findFrame(m, 'DIS');
    if (f) dis = decodeDis(f.fif);
    else if (findFrame(m, 'DCN')) return fail('remote-disconnected', false);
  }
  out.remoteCapabilities = dis;
  // One DCS covers every page, so one call sends one resolution: the first page's.
  const fine = o.pages[0]!.fine;
  if (o.pages.some((p) => p.fine !== fine)) throw new RangeError('every page of one fax has the same resolution');
  const rates = commonRates(dis, o.modems ?? { v27ter: true, v29: true, v17: true }, o.maxBps ?? 14400);
  if (!dis.receiver || rates.length === 0 || (fine && !dis.fine)) return fail('incompatible');
  let rate: FaxRate = rates[0]!;
  const ecm = o.ecm === true && dis.ecm;
  const paramsAt = (r: FaxRate): SessionParams => ({
    rate: r,
    fine,
    coding: ecm && dis.mmr ? 'mmr' : o.mr !== false && dis.mr ? 'mr' : 'mh',
    length: dis.length === 'a4' ? 'a4' : 'unlimited',
    // With ECM the receiver buffers whole blocks, so lines need no minimum time.
    minScanMs: ecm ? 0 : dis.minScanMs,
    ecm,
    ecmFrameSize: 256,
  });

  /** DCS + TCF until CFR, falling back a rate on each FTT. Returns false when nothing trains. */
  const train = async (): Promise<boolean> => {
    let silent = 0;
    for (;;) {
      const params = paramsAt(rate);
      log({ dir: 'info', text: `training at ${rate.bps} (${rate.modem})` });
      await sendFrames([idFrame(FCF.TSI | FCF_X, o.localId), buildFrame(FCF.DCS | FCF_X, encodeDcs(params))]);
      await port.pause(TURNAROUND_MS);
      await port.sendData(rate.modulation, new Uint8Array(Math.round((rate.bps * TCF_SECONDS) / 8)));
      const m = await receiveMessage(port, t.t4, log);
      if (findFrame(m, 'CFR')) {
        out.params = params;
        return true;
      }
      if (findFrame(m, 'DCN')) return false;
      if (findFrame(m, 'FTT')) {
        const next = rates.find((r) => r.bps < rate.bps);
        if (!next) return false;
        rate = next;
        continue;
      }
      // Nothing, or DIS again (our DCS was lost): the same rate once more, three times in all.
      if (++silent >= MAX_TRIES) return false;
    }
  };

  /** A post-page command until a response comes, three times at most. */
  const postPage = async (frame: Uint8Array): Promise<Message | null> => {
    for (let i = 0; i < MAX_TRIES; i++) {
      await sendFrames([frame]);
      const m = await receiveMessage(port, t.t4, log);
      if (findFrame(m, 'MCF', 'RTP', 'RTN', 'PIP', 'PIN', 'DCN', 'PPR', 'RNR', 'CTR', 'ERR')) return m;
    }
    return null;
  };

  /**
   * ECM: the page in blocks of FCD frames; PPS after each; PPR's frames again until MCF. After the 4th
   * PPR for one block (T.30 Annex A): CTC, answered by CTR, and the frames again one rate lower; when
   * there is no lower rate or CTC was used MAX_CTC times in the call, EOR, answered by ERR: the block stays as the
   * receiver has it and the page is done with errors ('uncorrected').
   */
  let ctcs = 0;
  const sendEcmPage = async (n: number, last: boolean): Promise<FaxOutcome['reason'] | 'ok' | 'uncorrected'> => {
    const blocks = toBlocks(pageForLine(o.pages[n]!.bitmap, out.params!), out.params!.ecmFrameSize);
    let uncorrected = false;
    for (let b = 0; b < blocks.length; b++) {
      const payloads = blocks[b]!;
      const ppm = b < blocks.length - 1 ? PPS_NULL : last ? FCF.EOP : FCF.MPS;
      let frames = payloads.map((_p, i) => i);
      for (let round = 0; ; round++) {
        const params = out.params!;
        log({ dir: 'info', text: `page ${n + 1} block ${b}: ${frames.length} of ${payloads.length} frames at ${params.rate.bps}` });
        await port.pause(TURNAROUND_MS);
        await port.sendData(params.rate.pageModulation, hdlcEncode([...frames.map((i) => fcdFrame(i, payloads[i]!)), ...rcpFrames()]));
        await port.pause(TURNAROUND_MS);
        let m = await postPage(ppsFrame(ppm, n, b, payloads.length));
        // RNR: the receiver is busy (writing the block); ask with RR until it is ready, within T5.
        const since = clock.now();
        while (m && findFrame(m, 'RNR') && clock.now() - since < t.t5) m = await postPage(buildFrame(FCF.RR | FCF_X));
        if (!m || findFrame(m, 'RNR')) return 'no-response';
        if (findFrame(m, 'DCN')) return 'remote-disconnected';
        if (findFrame(m, 'MCF')) break;
        const ppr = findFrame(m, 'PPR');
        if (!ppr) return 'page-rejected';
        frames = pprMissing(ppr.fif, payloads.length);
        if (frames.length === 0) frames = payloads.map((_p, i) => i);
        if (round + 1 < MAX_PPR) continue;
        const lower = ctcs < MAX_CTC ? rates.find((r) => r.bps < rate.bps) : undefined;
        if (lower) {
          ctcs++;
          round = -1;
          rate = lower;
          out.params = paramsAt(rate);
          const bad = `page ${n + 1} block ${b}: ${frames.length} of ${payloads.length} frames`;
          log({ dir: 'info', text: `${bad} still bad after ${MAX_PPR} PPRs: CTC, on at ${rate.bps}` });
          // CTC's FIF: DCS octets 1-2, whose bits 11-14 name the new rate.
          const r = await postPage(buildFrame(FCF.CTC | FCF_X, encodeDcs(out.params).subarray(0, 2)));
          if (!r || findFrame(r, 'DCN')) return r ? 'remote-disconnected' : 'no-response';
          if (!findFrame(r, 'CTR')) return 'page-rejected';
          continue;
        }
        const bad = `page ${n + 1} block ${b}: ${frames.length} of ${payloads.length} frames`;
        log({ dir: 'info', text: `${bad} not corrected after ${MAX_PPR} PPRs at ${rate.bps}: EOR` });
        const r = await postPage(buildFrame(FCF.EOR | FCF_X, Uint8Array.of(ppm === PPS_NULL ? PPS_NULL : ppm | FCF_X)));
        if (!r || findFrame(r, 'DCN')) return r ? 'remote-disconnected' : 'no-response';
        if (!findFrame(r, 'ERR')) return 'page-rejected';
        uncorrected = true;
        break;
      }
    }
    return uncorrected ? 'uncorrected' : 'ok';
  };

  if (!(await train())) return fail('training-failed');
  for (let n = 0; n < o.pages.length; n++) {
    const last = n === o.pages.length - 1;
    if (out.params!.ecm) {
      const r = await sendEcmPage(n, last);
      if (r === 'uncorrected') (out.pagesWithErrors ??= []).push(n + 1);
      else if (r !== 'ok') return fail(r, r !== 'remote-disconnected');
      out.pages++;
      continue;
    }
    for (let sends = 1; ; sends++) {
      const params = out.params!;
      log({ dir: 'info', text: `page ${n + 1}/${o.pages.length} at ${params.rate.bps}` });
      await port.pause(TURNAROUND_MS);
      await port.sendData(params.rate.pageModulation, pageForLine(o.pages[n]!.bitmap, params));
      await port.pause(TURNAROUND_MS);
      const m = await postPage(buildFrame((last ? FCF.EOP : FCF.MPS) | FCF_X));
      if (!m) return fail('no-response');
      if (findFrame(m, 'DCN')) return fail('remote-disconnected', false);
      if (findFrame(m, 'MCF', 'PIP')) {
        out.pages++;
        break;
      }
      if (findFrame(m, 'RTP')) {
        out.pages++;
        if (!last && !(await train())) return fail('training-failed');
        break;
      }
      // RTN/PIN: the page was not good enough; train again a rate lower (when there is one) and resend.
      if (sends >= MAX_PAGE_SENDS) return fail('page-rejected');
      rate = rates.find((r) => r.bps < rate.bps) ?? rate;
      if (!(await train())) return fail('training-failed');
    }
  }
  await sendFrames([buildFrame(FCF.DCN | FCF_X)]);
  out.ok = true;
  return out;
}

function noteId(m: Message, out: FaxOutcome): void {
  const csi = findFrame(m, 'CSI');
  if (csi) out.remoteId = decodeId(csi.fif);
}
