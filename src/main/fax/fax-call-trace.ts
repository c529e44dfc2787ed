/**
 * What one fax call tells the office while it runs and after: the T.30 engine's events turned into the
 * live progress (stage, page, rate) and the capped trace of the report. The engine says what it does in
 * its `info` events ("training at 9600 (v29)", "page 2/3 at 9600", "page 1 block 0: 256 of 256 frames
 * at 14400", "ECM: CTC, the transmitter goes on at 12000", "TCF at 9600: good", "page: … octets");
 * reading them here keeps src/fax free of the office's progress type.
 */
import type { FaxEvent } from '../../fax/t30/session';
import type { FaxCallFailure, FaxCallReport, FaxProgress } from './fax-calls';

/** The report keeps the last this many lines (fax-calls.ts). */
const TRACE_LINES = 300;

export type FaxCallTrace = {
  /** The engine's onEvent. */
  event(e: FaxEvent): void;
  /** A line of our own (the handover, a cancel) in the same trace. */
  note(text: string): void;
  progress(p: Partial<FaxProgress>): void;
  /** Receiving: a page was kept (the next one is then being received). */
  kept(pages: number): void;
  /** Pages so far (receiving: kept; sending: the one being sent). */
  readonly current: FaxProgress;
  report(r: { ok: boolean; reason: FaxCallFailure | null; remoteId: string; pages: number; bps: number | null; ecm: boolean; fine: boolean }): FaxCallReport;
};

export function faxCallTrace(startedAt: number, now: () => number, pages: number | null, onProgress?: (p: FaxProgress) => void): FaxCallTrace {
  const trace: string[] = [];
  const push = (line: string) => {
    trace.push(line);
    if (trace.length > TRACE_LINES) trace.splice(0, trace.length - TRACE_LINES);
  };
  let kept = 0;
  const current: FaxProgress = { stage: 'dialing', page: 0, pages, bps: null };
  const progress = (p: Partial<FaxProgress>) => {
    Object.assign(current, p);
    // A listener's failure must not end the call.
    try {
      onProgress?.({ ...current });
    } catch {
      /* progress is best effort */
    }
  };
  return {
    current,
    note: (text) => push(`-- ${text}`),
    kept(n) {
      kept = n;
      progress({ stage: 'page', page: n + 1 });
    },
    progress,
    event(e) {
      push(`${e.dir === 'info' ? '--' : e.dir === 'tx' ? '>>' : '<<'} ${e.text}`);
      if (e.dir !== 'info') return;
      // Sending: DCS + TCF at a rate, then each page (or its first ECM block).
      const training = /^training at (\d+)/.exec(e.text);
      if (training) return progress({ stage: current.page > 0 ? current.stage : 'handshake', bps: Number(training[1]) });
      // ECM: every block (and a block again after CTC) says its rate, so a rate lowered by CTC shows at once.
      const page = /^page (\d+)(?:\/\d+ at (\d+)| block \d+: \d+ of \d+ frames at (\d+))/.exec(e.text);
      if (page) return progress({ stage: 'page', page: Number(page[1]), bps: Number(page[2] ?? page[3]) });
      // Receiving with ECM: the transmitter's CTC names the lower rate the rest comes at.
      const ctc = /^ECM: CTC, the transmitter goes on at (\d+)/.exec(e.text);
      if (ctc) return progress({ bps: Number(ctc[1]) });
      // Receiving: a good TCF means CFR, and the next page's data follows.
      const trained = /^TCF at (\d+): good/.exec(e.text);
      if (trained) progress({ stage: 'page', page: kept + 1, bps: Number(trained[1]) });
    },
    report: (r) => ({ ...r, startedAt, durationMs: Math.max(0, now() - startedAt), trace: [...trace] }),
  };
}
