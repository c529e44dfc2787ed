/**
 * The telephone lines of the office and what happens on them: each configured line runs as one or more
 * channels, each a `Line` (a voice modem or the demo line's simulator has one; a SIP account one per
 * simultaneous call), and their events become call-log rows and popups. Per channel, at most one call is
 * open at a time: the first ring or caller ID opens an incoming call, a dial opens an outgoing one, the
 * hang-up closes it; so a line with N channels has up to N calls, each its own row, popup and call-bar
 * item, acted on by its call id. Lines start in the background; a missing modem never stops the engine —
 * the line just shows 'disconnected' and keeps retrying.
 */
import type { DemoCallInput, LineData, LinePatch, LineView, PortInfo, PortProbe, LineTestResult, CallRow } from '../../shared/contract/calls';
import type { LineInfo } from '../../telephony';
import { applyPatch } from '../../shared/contract/patch';
import { listSerialPorts, probeModem, realTimers, serialTransport, type Line } from '../../telephony';
import { createCallsRepo, type LineDbRow } from '../calls/calls.repo';
import { localDayHour, type CallsService } from '../calls/calls.service';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { shownStatus } from './line-status';
import { dialTarget } from './dial-target';
import { lineDataOf, lineView } from './line-view';
import { lineAppError, ringDemo } from './demo-call';
import type { FaxRingHook, IvrRingHook, Running } from './line-running';

import { defaultLineFactory, type LineFactory } from './line-factory';
import { createCallSettingsStore, ivrAtOnceOf } from './line-call-settings';
import { createLineCalls } from './line-calls';
import { sipAddress } from './line-factory';
import type { SecretBox } from '../kernel/secret-box';
import { sealPassword, sipChanged, sipLineData } from './sip-line-data';
import { lineSipProblem } from './sip-line-problem';

export { defaultLineFactory, type LineFactory };

export type { IvrRingHook, FaxRingHook };

export function createLinesService(db: Db, ctx: EngineContext, calls: CallsService, log: Logger, factory = defaultLineFactory, secrets?: SecretBox) {
  const repo = createCallsRepo(db);
  const callSettings = createCallSettingsStore(db);
  /** The channels of every running line, by line id. */
  const running = new Map<number, Running[]>();
  const allRuns = (): Running[] => [...running.values()].flat();
  /** How a row that runs more than its lines is closed (a SIP account unregisters), by line id. */
  const closers = new Map<number, () => Promise<void>>();
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

  const { callUpdated, openIncoming, onCallerId, callerOf, onAnswered, onHangup } = createLineCalls(db, ctx, calls, repo);

  function askFax(run: Running): void {
    if (run.ivr || run.answered || !faxHook) return;
    const r = { lineId: run.row.id, rings: run.rings ?? 0, row: run.row, line: run.line, callId: run.callId, callerNumber: callerOf(run) };
    if (faxHook({ ...r, callerIdIn: run.callerIdIn ?? false })) run.fax = true;
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

  /**
   * What the line shows as one (its status and detail): a call on any channel ('in-call' before 'ringing'
   * before 'dialing'), else the first channel's, which for a SIP account is the account's (registered or why not).
   */
  function infoOf(runs: Running[] | undefined): LineInfo | null {
    if (!runs?.length) return null;
    const infos = runs.map((r) => r.line.info());
    for (const busy of ['in-call', 'ringing', 'dialing'] as const) {
      const b = infos.find((i) => i.status === busy);
      if (b) return { ...infos[0]!, status: busy, detail: b.detail };
    }
    return infos[0]!;
  }

  function startChannel(row: LineDbRow, line: Line, channel: number, sim: Running['sim']): Running {
    const run: Running = { row, channel, line, sim, callId: null, direction: null, answered: false, lastStatus: '', offs: [] };
    run.offs.push(
      line.on('status', (s) => {
        const shown = infoOf(running.get(row.id)) ?? line.info();
        const status = shownStatus(shown.status);
        ctx.emit('lines/status', { lineId: row.id, status, detail: shown.detail, sipProblem: lineSipProblem(row.kind, status, shown.detail) });
        // The channels of an account go down and come back together: its first channel speaks for the line.
        if (channel === 0) logStatus(run, s.status, s.detail);
        // Ready after (re)initialising: what was learnt about the device is new.
        if (channel === 0 && s.status === 'idle' && run.lastStatus === 'initialising') changed();
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
          ivrHook?.({
            lineId: row.id,
            rings: r.count,
            ringsBeforeAnswer: run.row.rings_before_answer,
            line,
            callId: run.callId,
            atOnce: ivrAtOnceOf(callSettings.of(row.id).ivr_at_once, running.get(row.id)?.length ?? 1),
          })
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
    return run;
  }

  function start(row: LineDbRow): void {
    const { lines, sim, closeAll } = factory(row, secrets);
    const runs = lines.map((line, i) => startChannel(row, line, i, i === 0 ? sim : null));
    running.set(row.id, runs);
    if (closeAll) closers.set(row.id, closeAll);
    for (const run of runs) run.line.start().catch((e: unknown) => log.error(`line ${row.id} failed to start`, e));
  }

  async function stop(id: number): Promise<void> {
    const runs = running.get(id);
    if (!runs) return;
    running.delete(id);
    for (const run of runs) if (run.callId !== null) onHangup(run, 'local');
    runs.forEach((run) => run.offs.forEach((off) => off()));
    const closeAll = closers.get(id);
    closers.delete(id);
    await (closeAll ?? (() => Promise.all(runs.map((run) => run.line.close())).then(() => undefined)))().catch(() => undefined);
  }

  const view = (row: LineDbRow): LineView => {
    const runs = running.get(row.id);
    return lineView(row, infoOf(runs), runs?.find((r) => r.callId !== null)?.callId ?? null);
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

  /** The channels of a running line (the first is the one a modem line has). */
  function runningOf(id: number): Running[] {
    const runs = running.get(id);
    if (!repo.line(id)) throw new AppError('not_found', 'not_found.line', {}, 'lineId');
    if (!runs?.length) throw new AppError('line/unavailable', 'line.not_connected', { detail: '—' }, 'lineId');
    return runs;
  }

  /** The channel that has call `callId` on line `lineId`; without a call id, the line's first channel with a call in `pick`. */
  function callRun(lineId: number, callId: number | undefined, pick: (r: Running) => boolean): Running {
    const runs = runningOf(lineId);
    if (callId === undefined) return runs.find(pick) ?? runs[0]!;
    const run = runs.find((r) => r.callId === callId);
    if (!run) throw new AppError('validation', 'line.call_over', {}, 'callId');
    return run;
  }

  /** The channel (of any line) that has call `callId` open. */
  const runOfCall = (callId: number): Running | null => allRuns().find((r) => r.callId === callId) ?? null;
  /** The first channel of a line with an open call. */
  const busyRun = (id: number): Running | null => running.get(id)?.find((r) => r.callId !== null) ?? null;

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
        for (const run of running.get(id) ?? []) run.row = row;
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
      const run = runningOf(id)[0]!;
      try {
        const r = await run.line.test();
        const { lineModes: _modes, ...identity } = r.identity;
        return { identity, exchange: r.exchange.map((e) => ({ dir: e.dir, text: e.text, at: new Date(e.at).toISOString() })) };
      } catch (e) {
        return lineError(e, run);
      }
    },
    demoCall(input: Required<Pick<DemoCallInput, 'lineId'>> & Omit<DemoCallInput, 'lineId'>): { ok: true } {
      const run = runningOf(input.lineId)[0]!;
      if (!run.sim) throw validationError('line.not_demo', 'lineId');
      ringDemo(run.sim, input);
      return { ok: true };
    },
    async dial(lineId: number | null, number: string): Promise<CallRow> {
      const target = dialTarget(number, ctx.settings.phoneRegion());
      // A free channel of the line asked for (its first one's state says why when none is), or of any line.
      const idle = (r: Running) => r.line.info().status === 'idle';
      const run = lineId !== null ? (runningOf(lineId).find(idle) ?? runningOf(lineId)[0]) : allRuns().find(idle);
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
    /** Hangs up call `callId` on the line (without one: the line's first call, as on a one-call line). */
    async hangUp(lineId: number, callId?: number): Promise<{ ok: true }> {
      const run = callRun(lineId, callId, (r) => r.callId !== null);
      await run.line.hangUp().catch((e: unknown) => lineError(e, run));
      return { ok: true };
    },
    /** Answers call `callId` ringing on the line (without one: the line's first ringing call). */
    async answer(lineId: number, callId?: number): Promise<{ ok: true }> {
      const run = callRun(lineId, callId, (r) => r.line.info().status === 'ringing');
      if (run.line.info().status !== 'ringing') throw new AppError('line/busy', 'line.not_ringing', {}, 'lineId');
      await run.line.answer().catch((e: unknown) => lineError(e, run));
      return { ok: true };
    },
    runningCount: () => running.size,
    async close(): Promise<void> {
      await Promise.all([...running.keys()].map(stop));
    },
    /** Every running line (fax calls pick theirs from these). */
    runningLines: () => allRuns().map((r) => ({ id: r.row.id, name: r.row.name, line: r.line })),
    /** The running Line of a line id: its first channel (a modem line's only one; for the IVR and tests). */
    lineOf: (id: number) => running.get(id)?.[0]?.line ?? null,
    /** Every channel of a line. */
    channelsOf: (id: number): Line[] => running.get(id)?.map((r) => r.line) ?? [],
    simOf: (id: number) => running.get(id)?.[0]?.sim ?? null,
    /** The call in progress on a line (its first, when it has several) and whether the IVR has it, or null. */
    callOf(id: number): { callId: number; ivr: boolean; answered: boolean } | null {
      const run = busyRun(id);
      return run && run.callId !== null ? { callId: run.callId, ivr: run.ivr === true, answered: run.answered } : null;
    },
    /** An open call by its id: its line, the channel it is on, whether it is answered and whether the IVR has it; null once it ended. */
    call(callId: number): { lineId: number; line: Line; callId: number; ivr: boolean; answered: boolean } | null {
      const run = runOfCall(callId);
      return run ? { lineId: run.row.id, line: run.line, callId, ivr: run.ivr === true, answered: run.answered } : null;
    },
    /** How the line handles several calls at once (line-calls.api.ts). */
    callSettings(lineId: number) {
      if (!repo.line(lineId)) throw new AppError('not_found', 'not_found.line', {}, 'lineId');
      return callSettings.view(lineId, running.get(lineId)?.length ?? 1);
    },
    setCallSettings(lineId: number, patch: { ivrAtOnce?: number; recordSides?: 'stereo' | 'mixed' }) {
      if (!repo.line(lineId)) throw new AppError('not_found', 'not_found.line', {}, 'lineId');
      callSettings.save(lineId, patch);
      return callSettings.view(lineId, running.get(lineId)?.length ?? 1);
    },
    /** Whether a recording on the line keeps the caller and the office apart (stereo) or mixes them. */
    recordsStereo: (id: number) => callSettings.of(id).record_sides === 'stereo',
    /** Whether the line records every answered call. */
    recordsCalls: (id: number) => running.get(id)?.[0]?.row.record_calls === 1,
    /** The fax policy answers calls through this hook (see FaxRingHook). */
    setFaxRing: (hook: FaxRingHook) => {
      faxHook = hook;
    },
    /** The answered incoming call on a line, for a hand-over to fax (adaptive answer); null when there is none. */
    faxCandidate(id: number): { row: LineDbRow; line: Line; callId: number; callerNumber: string | null } | null {
      const run = busyRun(id);
      if (!run || run.callId === null || run.direction !== 'in' || !run.answered || run.fax) return null;
      return { row: run.row, line: run.line, callId: run.callId, callerNumber: callerOf(run) };
    },
    /** Whether the fax engine has the call on a line (its log row then ends as 'fax'); false when a hand-over failed. */
    markFax(id: number, fax: boolean): void {
      const run = busyRun(id);
      if (run) run.fax = fax;
    },
    /** The IVR answers calls through this hook (see IvrRingHook). */
    setIvr: (hook: IvrRingHook) => {
      ivrHook = hook;
    },
  };
}

export type LinesService = ReturnType<typeof createLinesService>;
