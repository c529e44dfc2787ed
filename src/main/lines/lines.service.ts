/**
 * The telephone lines of the office and what happens on them: each configured line runs as a `Line`
 * (a voice modem, or the demo line's simulator), and its events become call-log rows and the popup.
 * Per line, at most one call is open at a time: the first ring or caller ID opens an incoming call,
 * a dial opens an outgoing one, the hang-up closes it. Lines start in the background; a missing
 * modem never stops the engine — the line just shows 'disconnected' and keeps retrying.
 */
import type { CallOutcome, DemoCallInput, LineData, LinePatch, LineView, PortInfo, PortProbe, LineTestResult, CallRow } from '../../shared/contract/calls';
import { normalizePhone } from '../../shared/text/phone';
import { applyPatch } from '../../shared/contract/patch';
import { listSerialPorts, probeModem, realTimers, serialTransport, type CallerId, type HangupReason, type Line } from '../../telephony';
import { createCallsRepo, type LineDbRow } from '../calls/calls.repo';
import { localDayHour, type CallsService } from '../calls/calls.service';
import type { Db } from '../db/database';
import { commitBeforeFsync } from '../db/wal-sync';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { shownStatus } from './line-status';
import { dialTarget } from './dial-target';
import { lineDataOf, lineView } from './line-view';
import { lineAppError, ringDemo } from './demo-call';
import type { FaxRingHook, IvrRingHook, Running } from './line-running';

import { defaultLineFactory, sipAddress, type LineFactory } from './line-factory';
import type { SecretBox } from '../kernel/secret-box';
import { sealPassword, sipChanged, sipLineData } from './sip-line-data';
import { lineSipProblem } from './sip-line-problem';

export { defaultLineFactory, type LineFactory };

export type { IvrRingHook, FaxRingHook };

export function createLinesService(db: Db, ctx: EngineContext, calls: CallsService, log: Logger, factory = defaultLineFactory, secrets?: SecretBox) {
  const repo = createCallsRepo(db);
  const running = new Map<number, Running>();
  const now = () => ctx.clock().getTime();
  let ivrHook: IvrRingHook | null = null;
  let faxHook: FaxRingHook | null = null;

  // Calls a crash or power cut left open are closed: a ringing one was missed.
  for (const o of repo.orphans())
    repo.ended(
      o.id,
      o.outcome === 'ringing' ? 'missed' : o.outcome === 'dialing' ? 'failed' : o.direction === 'out' ? 'answered' : o.outcome,
      o.answered_at ?? o.started_at,
    );

  const callUpdated = (id: number) => {
    const r = repo.get(id);
    if (r) ctx.emit('call/updated', { call: calls.toRow(r) });
  };

  function openIncoming(run: Running): number {
    if (run.callId !== null) return run.callId;
    const t = now();
    const { day, hour } = localDayHour(t);
    run.callId = repo.insert({
      lineId: run.row.id,
      lineName: run.row.name,
      direction: 'in',
      outcome: 'ringing',
      startedAt: t,
      day,
      hour,
      numberRaw: '',
      numberKey: '',
      callerName: '',
      absence: null,
    });
    run.direction = 'in';
    run.answered = false;
    return run.callId;
  }

  /**
   * Caller ID of the ringing call. A second one for the same call (a late caller ID after the 'none'
   * of ring 2, line.ts) updates that call's number and card: the same call id, so the log keeps one
   * row and the popup replaces its card.
   */
  function onCallerId(run: Running, cid: CallerId): void {
    const raw = cid.number ?? '';
    const key = raw ? (normalizePhone(raw, ctx.settings.phoneRegion())?.key ?? '') : '';
    const opened = run.callId === null;
    // The popup waits for the commit, not for the disk (0.3 ms quiet, 5-20 ms while the disk is busy):
    // the caller is in the WAL before anyone sees it (a crash keeps it), fsync'd right after the event.
    let committed: { value: CallRow; fsync: () => void };
    try {
      committed = commitBeforeFsync(db, () => {
        const id = openIncoming(run);
        repo.setCaller(id, raw, key, cid.name ?? '', cid.absence);
        return calls.toRow(repo.get(id)!);
      });
    } catch (e) {
      // Rolled back: a call this opened does not exist.
      if (opened) [run.callId, run.direction] = [null, null];
      throw e;
    }
    const row = committed.value;
    try {
      ctx.emit('call/incoming', { call: row, card: calls.card(raw, cid.name ?? '', cid.absence) });
    } finally {
      committed.fsync();
    }
    ctx.emit('call/updated', { call: row });
  }

  const callerOf = (run: Running): string | null => (run.callId !== null ? repo.get(run.callId)?.number_raw || null : null);

  function askFax(run: Running): void {
    if (run.ivr || run.answered || !faxHook) return;
    const r = { lineId: run.row.id, rings: run.rings ?? 0, row: run.row, line: run.line, callId: run.callId, callerNumber: callerOf(run) };
    if (faxHook({ ...r, callerIdIn: run.callerIdIn ?? false })) run.fax = true;
  }

  function onAnswered(run: Running): void {
    if (run.callId === null) return;
    run.answered = true;
    const t = now();
    const outcome: CallOutcome = run.direction === 'out' ? 'connected' : run.ivr ? 'ivr' : 'answered';
    repo.answered(run.callId, outcome, t);
    const r = repo.get(run.callId);
    if (r) repo.markReturned(r.number_key, t);
    callUpdated(run.callId);
  }

  function onHangup(run: Running, reason: HangupReason): void {
    if (run.callId === null) return;
    const id = run.callId;
    let outcome: CallOutcome;
    if (run.direction === 'out') outcome = run.answered ? 'answered' : reason === 'busy' ? 'busy' : reason === 'no-answer' ? 'no-answer' : 'failed';
    else outcome = run.fax || reason === 'fax' ? 'fax' : run.ivr && run.answered ? 'ivr' : run.answered ? 'answered' : 'missed';
    repo.ended(id, outcome, now());
    run.callId = null;
    run.direction = null;
    run.answered = false;
    run.ivr = false;
    run.fax = false;
    run.rings = 0;
    run.callerIdIn = false;
    callUpdated(id);
  }

  /**
   * Outages and recoveries go to monshi.log with their reason (unplugged, frozen, reset, back); the
   * ringing / in-call / idle of every call do not — the call log has those.
   */
  function logStatus(run: Running, status: string, detail: string | null): void {
    const device = status === 'disconnected' || status === 'initialising' || status === 'closed';
    const back = status === 'idle' && (run.lastStatus === '' || run.lastStatus === 'disconnected' || run.lastStatus === 'initialising');
    if (!device && !back) return;
    const where = run.row.kind === 'demo' ? 'demo' : run.row.kind === 'sip' ? sipAddress(run.row) : run.row.port;
    const text = `line ${run.row.id} "${run.row.name}" (${where}): ${status}${detail ? ` — ${detail}` : ''}`;
    if (status === 'disconnected') log.error(text);
    else log.info(text);
  }

  function start(row: LineDbRow): void {
    // (sipline) Only a SIP account's first channel runs as the line here; sipcalls runs all of `lines`.
    const { line, sim, closeAll } = factory(row, secrets);
    const run: Running = { row, line, sim, callId: null, direction: null, answered: false, lastStatus: '', offs: [], closeAll };
    running.set(row.id, run);
    run.offs.push(
      line.on('status', (s) => {
        const status = shownStatus(s.status);
        ctx.emit('lines/status', { lineId: row.id, status, detail: s.detail, sipProblem: lineSipProblem(row.kind, status, s.detail) });
        logStatus(run, s.status, s.detail);
        // Ready after (re)initialising: what was learnt about the device is new.
        if (s.status === 'idle' && run.lastStatus === 'initialising') changed();
        run.lastStatus = s.status;
      }),
      line.on('ring', (r) => {
        if (run.direction !== 'out' && run.callId === null) {
          openIncoming(run);
          callUpdated(run.callId!);
        }
        if (run.direction !== 'in' || run.fax) return;
        // A fax-only line answers every call as fax; otherwise voice answering has the first say.
        if (
          !run.ivr &&
          run.row.fax_mode !== 'fax-only' &&
          ivrHook?.({ lineId: row.id, rings: r.count, ringsBeforeAnswer: run.row.rings_before_answer, line, callId: run.callId })
        )
          run.ivr = true;
        run.rings = r.count;
        askFax(run);
      }),
      line.on('caller-id', (cid) => {
        onCallerId(run, cid);
        run.callerIdIn = true;
        // A fax-only line may be waiting for the caller ID to answer (fax-answer.ts).
        if (run.direction === 'in' && !run.fax && (run.rings ?? 0) > 0) askFax(run);
      }),
      line.on('answered', () => onAnswered(run)),
      line.on('hangup', (h) => onHangup(run, h.reason)),
    );
    line.start().catch((e: unknown) => log.error(`line ${row.id} failed to start`, e));
  }

  async function stop(id: number): Promise<void> {
    const run = running.get(id);
    if (!run) return;
    running.delete(id);
    if (run.callId !== null) onHangup(run, 'local');
    run.offs.forEach((off) => off());
    await (run.closeAll ?? (() => run.line.close()))().catch(() => undefined);
  }

  const view = (row: LineDbRow): LineView => {
    const run = running.get(row.id);
    return lineView(row, run?.line.info() ?? null, run?.callId ?? null);
  };

  const list = () => repo.lines().map(view);
  const changed = () => ctx.emit('lines/changed', { lines: list() });

  function validate(d: LineData, selfId: number | null): LineData {
    const data = { ...d, port: d.kind === 'modem' ? d.port.trim() : '' };
    if (data.kind === 'sip') sipLineData(data);
    if (data.kind === 'modem') {
      if (!data.port) throw validationError('line.port_required', 'port');
      const other = repo.lineByPort(data.port);
      if (other && other.id !== selfId) throw new AppError('conflict', 'line.port_taken', { value: data.port }, 'port');
    }
    return data;
  }

  function runningOf(id: number): Running {
    const run = running.get(id);
    if (!repo.line(id)) throw new AppError('not_found', 'not_found.line', {}, 'lineId');
    if (!run) throw new AppError('line/unavailable', 'line.not_connected', { detail: '—' }, 'lineId');
    return run;
  }

  const lineError = (e: unknown, run: Running): never => lineAppError(e, run.line);

  return {
    startAll(): void {
      for (const row of repo.lines()) if (row.enabled === 1) start(row);
    },
    list,
    create(d: LineData): LineView {
      const data = validate(d, null);
      const id = repo.insertLine(data, ctx.clock().toISOString(), sealPassword(secrets, data) ?? '');
      const row = repo.line(id)!;
      if (row.enabled === 1) start(row);
      changed();
      return view(row);
    },
    /** Changes only what the patch carries: a screen that shows part of a line cannot reset the rest. */
    async update(id: number, patch: LinePatch): Promise<LineView> {
      const old = repo.line(id);
      if (!old) throw new AppError('not_found', 'not_found.line', {}, 'id');
      const data = validate(applyPatch(lineDataOf(old), patch), id);
      repo.updateLine(id, data, sealPassword(secrets, data));
      const row = repo.line(id)!;
      const restart =
        sipChanged(old, row) ||
        old.port !== row.port ||
        old.kind !== row.kind ||
        old.caller_id_mode !== row.caller_id_mode ||
        old.extra_init !== row.extra_init ||
        old.enabled !== row.enabled;
      if (restart) {
        await stop(id);
        if (row.enabled === 1) start(row);
      } else {
        const run = running.get(id);
        if (run) run.row = row;
      }
      changed();
      return view(row);
    },
    async remove(id: number): Promise<{ id: number }> {
      if (!repo.line(id)) throw new AppError('not_found', 'not_found.line', {}, 'id');
      await stop(id);
      repo.deleteLine(id);
      changed();
      return { id };
    },
    /** Probes one port for a modem; never a port a running line holds. */
    async probe(portPath: string): Promise<PortProbe> {
      const owner = repo.lineByPort(portPath);
      if (owner && running.has(owner.id)) throw new AppError('conflict', 'line.port_taken', { value: portPath }, 'path');
      const r = await probeModem(serialTransport(portPath), realTimers);
      if (!r.ok) return { path: portPath, found: false, identity: null, detail: r.detail };
      return { path: portPath, found: true, identity: r.identity, detail: null };
    },
    async ports(): Promise<PortInfo[]> {
      const used = new Map(
        repo
          .lines()
          .filter((l) => l.kind === 'modem')
          .map((l) => [l.port, l.id]),
      );
      const ports = await listSerialPorts().catch(() => []);
      return ports.map((p) => ({ ...p, usedBy: used.get(p.path) ?? null }));
    },
    async test(id: number): Promise<LineTestResult> {
      const run = runningOf(id);
      try {
        const r = await run.line.test();
        const { lineModes: _modes, ...identity } = r.identity;
        return { identity, exchange: r.exchange.map((e) => ({ dir: e.dir, text: e.text, at: new Date(e.at).toISOString() })) };
      } catch (e) {
        return lineError(e, run);
      }
    },
    demoCall(input: Required<Pick<DemoCallInput, 'lineId'>> & Omit<DemoCallInput, 'lineId'>): { ok: true } {
      const run = runningOf(input.lineId);
      if (!run.sim) throw validationError('line.not_demo', 'lineId');
      ringDemo(run.sim, input);
      return { ok: true };
    },
    async dial(lineId: number | null, number: string): Promise<CallRow> {
      const target = dialTarget(number, ctx.settings.phoneRegion());
      const run = lineId !== null ? runningOf(lineId) : [...running.values()].find((r) => r.line.info().status === 'idle');
      if (!run) throw new AppError('line/unavailable', 'line.unavailable', {}, 'lineId');
      const status = run.line.info().status;
      if (status !== 'idle') {
        if (status === 'disconnected' || status === 'initialising')
          throw new AppError('line/unavailable', 'line.not_connected', { detail: run.line.info().detail ?? status }, 'lineId');
        throw new AppError('line/busy', 'line.busy', {}, 'lineId');
      }
      const t = now();
      const { day, hour } = localDayHour(t);
      run.callId = repo.insert({
        lineId: run.row.id,
        lineName: run.row.name,
        direction: 'out',
        outcome: 'dialing',
        startedAt: t,
        day,
        hour,
        numberRaw: target.typed,
        numberKey: target.key,
        callerName: '',
        absence: null,
      });
      run.direction = 'out';
      run.answered = false;
      const id = run.callId;
      run.line.dial(target.atd).catch((e: unknown) => {
        log.error(`dial on line ${run.row.id} failed`, e);
        if (run.callId === id) onHangup(run, 'failed');
      });
      callUpdated(id);
      return calls.toRow(repo.get(id)!);
    },
    async hangUp(lineId: number): Promise<{ ok: true }> {
      const run = runningOf(lineId);
      await run.line.hangUp().catch((e: unknown) => lineError(e, run));
      return { ok: true };
    },
    async answer(lineId: number): Promise<{ ok: true }> {
      const run = runningOf(lineId);
      if (run.line.info().status !== 'ringing') throw new AppError('line/busy', 'line.not_ringing', {}, 'lineId');
      await run.line.answer().catch((e: unknown) => lineError(e, run));
      return { ok: true };
    },
    runningCount: () => running.size,
    async close(): Promise<void> {
      await Promise.all([...running.keys()].map(stop));
    },
    /** Every running line (fax calls pick theirs from these). */
    runningLines: () => [...running.values()].map((r) => ({ id: r.row.id, name: r.row.name, line: r.line })),
    /** The running Line of a line id (for the IVR and tests). */
    lineOf: (id: number) => running.get(id)?.line ?? null,
    simOf: (id: number) => running.get(id)?.sim ?? null,
    /** The call in progress on a line and whether the IVR has it, or null. */
    callOf(id: number): { callId: number; ivr: boolean; answered: boolean } | null {
      const run = running.get(id);
      return run && run.callId !== null ? { callId: run.callId, ivr: run.ivr === true, answered: run.answered } : null;
    },
    /** Whether the line records every answered call. */
    recordsCalls: (id: number) => running.get(id)?.row.record_calls === 1,
    /** The fax policy answers calls through this hook (see FaxRingHook). */
    setFaxRing: (hook: FaxRingHook) => {
      faxHook = hook;
    },
    /** The answered incoming call on a line, for a hand-over to fax (adaptive answer); null when there is none. */
    faxCandidate(id: number): { row: LineDbRow; line: Line; callId: number; callerNumber: string | null } | null {
      const run = running.get(id);
      if (!run || run.callId === null || run.direction !== 'in' || !run.answered || run.fax) return null;
      return { row: run.row, line: run.line, callId: run.callId, callerNumber: callerOf(run) };
    },
    /** Whether the fax engine has the call on a line (its log row then ends as 'fax'); false when a hand-over failed. */
    markFax(id: number, fax: boolean): void {
      const run = running.get(id);
      if (run) run.fax = fax;
    },
    /** The IVR answers calls through this hook (see IvrRingHook). */
    setIvr: (hook: IvrRingHook) => {
      ivrHook = hook;
    },
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
