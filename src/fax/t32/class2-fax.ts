/**
 * Sending and receiving a fax over a Class 2/2.0 modem (src/telephony/fax/class2.modem.ts, matched by
 * shape): the modem runs T.30; we code each page for the session it negotiated (+FCS) with the same T.4
 * code as the Class 1 path (page-line.ts), decode what it hands us, and turn its hang-up status into
 * the fax log's reason (hangup-codes.ts). The outcome has the fields our own T.30's has, so the outbox,
 * the fax log and the received-fax popup take it unchanged.
 */
import type { FaxBitmap } from '../t4/bitmap';
import type { SessionParams } from '../t30/dis-dcs';
import { pageForLine, pageFromLine } from '../t30/page-line';
import { rateByBps } from '../t30/rates';
import type { FaxEvent, FaxOutcome, ReceivedPage } from '../t30/session';
import type { SendPage } from '../t30/t30-transmit';
import { hangupMeaning, type HangupMeaning } from './hangup-codes';

/** T.32 session parameters (+FIS/+FCS): resolution, bit rate, width, length, coding, ECM, BFT, scan time. */
export type T32Params = { vr: number; br: number; wd: number; ln: number; df: number; ec: number; bf: number; st: number };

export type Class2FaxPort = {
  readonly remoteId: string;
  /** The session the modem negotiated (+FCS), once it did. */
  readonly session: T32Params | null;
  readonly remoteCaps: T32Params | null;
  sendPage(encode: (p: T32Params) => Uint8Array, last: boolean): Promise<{ ppr: number | null; hangup: number | null }>;
  receivePage(): Promise<
    { kind: 'page'; data: Uint8Array; params: T32Params; post: 'mps' | 'eom' | 'eop'; lines: number | null } | { kind: 'end'; hangup: number }
  >;
  pageQuality(ppr: 1 | 2): Promise<void>;
  /** The resolution the pages are in (+FIS vr), before the first page: the modem negotiates that, not finer. */
  setResolution(fine: boolean): Promise<void>;
};

export type Class2Outcome = Omit<FaxOutcome, 'reason'> & { reason?: NonNullable<HangupMeaning['reason']>; hangup: number | null };

const BPS = [2400, 4800, 7200, 9600, 12000, 14400];
const ST_MS = [0, 5, 10, 10, 20, 20, 40, 40];
/** Bad rows above this share: the page is refused (RTN) and the far end sends it again, as our T.30 does. */
const RTN_BAD_SHARE = 0.1;

/** +FCS → the parameters our T.4 code takes. */
export function sessionParams(p: T32Params): SessionParams {
  const fine = (p.vr & 1) === 1;
  const st = ST_MS[p.st] ?? 0;
  return {
    rate: rateByBps(BPS[p.br] ?? 2400) ?? rateByBps(2400)!,
    fine,
    coding: p.df === 3 ? 'mmr' : p.df === 1 ? 'mr' : 'mh',
    length: p.ln === 1 ? 'b4' : p.ln === 2 ? 'unlimited' : 'a4',
    // Codes 3, 5 and 7 mean "half at fine resolution".
    minScanMs: fine && (p.st === 3 || p.st === 5 || p.st === 7) ? st / 2 : st,
    ecm: p.ec > 0,
    ecmFrameSize: 256,
  };
}

const ended = (code: number | null, log: (e: FaxEvent) => void) => {
  if (code === null) return null;
  const m = hangupMeaning(code);
  log({ dir: 'info', text: `hang-up status ${code}: ${m.words}` });
  return m;
};

export async function transmitOverClass2(o: { port: Class2FaxPort; pages: readonly SendPage[]; onEvent?(e: FaxEvent): void }): Promise<Class2Outcome> {
  const log = (e: FaxEvent) => o.onEvent?.(e);
  const out: Class2Outcome = { ok: false, remoteId: o.port.remoteId, pages: 0, hangup: null };
  const fine = o.pages[0]?.fine ?? false;
  if (fine && o.port.remoteCaps && (o.port.remoteCaps.vr & 1) === 0) return { ...out, reason: 'incompatible' };
  await o.port.setResolution(fine);
  for (let i = 0; i < o.pages.length; i++) {
    const page = o.pages[i]!;
    const last = i === o.pages.length - 1;
    let confirmed = false;
    for (let attempt = 0; attempt < 3 && !confirmed; attempt++) {
      const r = await o.port.sendPage((p) => {
        const params = sessionParams(p);
        out.params = params;
        // The live progress reads "page n/m at bps" (fax-call-trace.ts), as from our own T.30.
        log({ dir: 'info', text: `page ${i + 1}/${o.pages.length} at ${params.rate.bps}${attempt ? ` again (${attempt + 1})` : ''}` });
        return pageForLine(page.bitmap, params);
      }, last);
      log({ dir: 'rx', text: `page ${i + 1}: ${r.ppr === 1 ? 'MCF' : r.ppr === 2 ? 'RTN' : r.ppr === 3 ? 'RTP' : `status ${r.ppr ?? 'none'}`}` });
      confirmed = r.ppr === 1 || r.ppr === 3;
      if (confirmed) out.pages++;
      const m = ended(r.hangup, log);
      if (m?.reason) return { ...out, hangup: r.hangup, reason: m.reason };
      if (m && !last) return { ...out, hangup: r.hangup, reason: 'remote-disconnected' };
    }
    if (!confirmed) return { ...out, reason: 'page-rejected' };
  }
  return { ...out, ok: true, hangup: 0 };
}

export async function receiveOverClass2(o: {
  port: Class2FaxPort;
  onPage?(p: ReceivedPage): void;
  onEvent?(e: FaxEvent): void;
}): Promise<Class2Outcome & { received: ReceivedPage[] }> {
  const log = (e: FaxEvent) => o.onEvent?.(e);
  const received: ReceivedPage[] = [];
  let lastParams: SessionParams | undefined;
  // The modem trained before it said OK to ATA (+FCS): the first page's data comes next.
  if (o.port.session) log({ dir: 'info', text: `TCF at ${sessionParams(o.port.session).rate.bps}: good (checked by the modem)` });
  for (;;) {
    const r = await o.port.receivePage();
    const base = { remoteId: o.port.remoteId, pages: received.length, received };
    if (r.kind === 'end') {
      const m = ended(r.hangup, log);
      const reason = m?.reason ?? (received.length === 0 ? 'no-page-data' : undefined);
      return { ...base, ok: !reason, hangup: r.hangup, ...(reason ? { reason } : {}), params: lastParams };
    }
    const params = sessionParams(r.params);
    lastParams = params;
    const page = pageFromLine(r.data, params);
    const bad = page.badLines.length;
    log({ dir: 'rx', text: `page ${received.length + 1}: ${page.bitmap.height} rows, ${bad} bad, then ${r.post.toUpperCase()}` });
    if (bad > page.bitmap.height * RTN_BAD_SHARE) {
      await o.port.pageQuality(2);
      continue;
    }
    const kept: ReceivedPage = { bitmap: page.bitmap satisfies FaxBitmap, fine: params.fine, badLines: bad };
    received.push(kept);
    o.onPage?.(kept);
  }
}
