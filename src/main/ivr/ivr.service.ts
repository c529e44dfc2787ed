/**
 * The smart answering service in the engine: the trees, when each tree answers each line, and the
 * runs (the prompt library they play is prompts.service.ts, spread into this service). A line with a
 * tree for the present time (office hours, closed, holiday) and `ringsBeforeAnswer` > 0 is answered
 * after that many rings; the tree runs on the line, the call is logged with outcome 'ivr' and the
 * path it took (ivr_runs). The front desk is alerted when a caller asks for a person.
 */
import type { ParsedInputOf } from '../../shared/contract/api';
import type { IvrRun, IvrSettings, IvrTree, IvrTreeRow, OperatorWaiting } from '../../shared/contract/ivr';
import { checkTree } from '../../shared/ivr/tree-check';
import { realTimers, type Line, type ModemSimulator, type Pcm, type Timers } from '../../telephony';
import type { CallsService } from '../calls/calls.service';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import { localDigits } from '../../shared/text/digits';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { message, type Lang } from '../i18n/messages';
import { toLineAudio } from './audio/pcm-convert';
import { isWav, parseWav } from './audio/wav';
import { runIvr, type IvrRunHandle } from './ivr.engine';
import { createIvrRepo } from './ivr.repo';
import { officeState, type HolidayCalendar } from './office-hours';
import { createPromptsService } from './prompts.service';
import type { VoicemailService } from './voicemail.service';
import { createSoundCardLine, type SoundCardLine } from './soundcard-line';

/** `line`: the channel the call is on; `atOnce`: how many callers the IVR may hold on this line at the same time. */
export type IvrRing = { lineId: number; rings: number; ringsBeforeAnswer: number; line: Line; callId: number | null; atOnce: number };

export type IvrDeps = {
  calls: CallsService;
  voicemail: VoicemailService;
  holidays: HolidayCalendar;
  log: Logger;
  timers?: Timers;
  simOf(lineId: number): ModemSimulator | null;
  /** A fax machine's tone on a call the IVR answered: true when the line's fax setting takes the call (src/main/fax/fax-answer.ts). */
  faxTone?(lineId: number): boolean;
  /** Fax-on-demand: sends a library document on the call the line answered (src/main/fax/fax-on-demand.ts). */
  faxOnDemand?(lineId: number, documentId: number): Promise<'sent' | 'failed' | 'unavailable'>;
  /** The fax library's document ids, so a tree naming a deleted document is refused with the node named. */
  faxDocumentIds?(): Set<number>;
};

export function createIvrService(db: Db, ctx: EngineContext, deps: IvrDeps) {
  const repo = createIvrRepo(db);
  const prompts = createPromptsService(repo, ctx, deps.log);
  const pcmOf = prompts.pcmOf;
  const timers = deps.timers ?? realTimers;
  /** The runs by the channel they are on (a line with several channels has several at once). */
  type Entry = { handle: IvrRunHandle; lineId: number; callId: number | null; waiting: boolean };
  const active = new Map<Line, Entry>();
  const entriesOf = (lineId: number): Entry[] => [...active.values()].filter((e) => e.lineId === lineId);
  const soundCards = new Map<number, SoundCardLine>();
  let lastSession = 0;

  function problems(tree: IvrTree, lang: Lang): void {
    const found = checkTree(tree, {
      prompts: repo.promptIds(),
      mailboxes: new Set(deps.voicemail.mailboxes().map((b) => b.id)),
      faxDocuments: deps.faxDocumentIds?.(),
    });
    const p = found[0];
    if (!p) return;
    const node = tree.nodes.find((n) => n.id === p.nodeId);
    const label = node?.label || p.nodeId;
    // A key is said in the reader's digits (the other values are node ids and names, kept as typed).
    const value = p.code.endsWith('-document') ? localDigits(p.value ?? '', lang) : (p.value ?? '');
    throw new AppError(
      'validation',
      'ivr.tree_problem',
      { node: label, problem: message(lang, `ivr.problem.${p.code}`, { value }) },
      `nodes.${p.nodeId}.${p.property}`,
    );
  }

  function treeView(id: number): IvrTreeRow {
    const r = repo.tree(id);
    if (!r) throw new AppError('not_found', 'not_found.ivr_tree', {}, 'id');
    return { id: r.id, name: r.name, tree: JSON.parse(r.tree) as IvrTree, updatedAt: r.updated_at };
  }

  function checkName(name: string, selfId: number | null) {
    const other = repo.treeByName(name);
    if (other && other.id !== selfId) throw new AppError('conflict', 'conflict.ivr_tree_name', { value: name }, 'name');
  }

  function settings(): IvrSettings {
    return {
      hours: repo.hours(),
      assignments: repo
        .assignments()
        .map((a) => ({ lineId: a.line_id, officeTreeId: a.office_tree_id, closedTreeId: a.closed_tree_id, holidayTreeId: a.holiday_tree_id })),
    };
  }

  /** The tree that answers this line now, or null. */
  function treeFor(lineId: number): IvrTreeRow | null {
    const a = repo.assignment(lineId);
    if (!a) return null;
    const state = officeState(ctx.clock(), repo.hours(), deps.holidays);
    const id = state === 'open' ? a.office_tree_id : state === 'holiday' ? (a.holiday_tree_id ?? a.closed_tree_id) : a.closed_tree_id;
    return id === null ? null : treeView(id);
  }

  function operatorEvent(lineId: number, callId: number | null, waiting: boolean) {
    const call = callId !== null ? deps.calls.get(callId) : null;
    const payload: OperatorWaiting = {
      lineId,
      callId,
      numberDisplay: call?.numberDisplay ?? '',
      callerName: call?.contactName ?? call?.callerName ?? '',
      waiting,
    };
    ctx.emit('ivr/operator', payload);
  }

  /** Runs `row`'s tree on an answered line. Exposed for the sound-card test and benchmarks. */
  function run(lineId: number, line: Line, tree: IvrTreeRow, callId: number | null, onStep?: (step: string) => void): IvrRunHandle {
    const caller = () => {
      const c = callId !== null ? deps.calls.get(callId) : null;
      return { callId, numberRaw: c?.numberRaw ?? '', callerName: c?.callerName ?? '' };
    };
    const entry: Entry = { handle: null as unknown as IvrRunHandle, lineId, callId, waiting: false };
    const handle = runIvr({
      line,
      tree: tree.tree,
      timers,
      prompt: pcmOf,
      greeting: (mailboxId) => pcmOf(deps.voicemail.greetingOf(mailboxId)),
      office: () => officeState(ctx.clock(), repo.hours(), deps.holidays),
      saveVoicemail: (mailboxId, pcm) => {
        try {
          deps.voicemail.save(mailboxId, pcm, caller());
        } catch (e) {
          deps.log.error(`voicemail on line ${lineId} not saved`, e);
        }
      },
      operator: (waiting) => {
        entry.waiting = waiting;
        if (lineId > 0) operatorEvent(lineId, callId, waiting);
        // The sound-card test's line ids are the sessions, negated: its page offers "Take the call".
        else ctx.emit('ivr/soundcard', { session: -lineId, kind: 'waiting', waiting });
      },
      onStep,
      takeFax: () => lineId > 0 && (deps.faxTone?.(lineId) ?? false),
      // The sound-card test (negative ids) has no fax: its fax-document nodes go to their fallback.
      sendFax: lineId > 0 && deps.faxOnDemand ? (documentId) => deps.faxOnDemand!(lineId, documentId) : undefined,
    });
    entry.handle = handle;
    active.set(line, entry);
    void handle.done.then((r) => {
      if (active.get(line) === entry) active.delete(line);
      if (callId !== null) repo.insertRun({ call_id: callId, tree_id: tree.id, tree_name: tree.name, path: JSON.stringify(r.path), end_reason: r.end });
      deps.log.info(`IVR on line ${lineId}: ${tree.name} ${r.path.join(' → ')} (${r.end})`);
    });
    return handle;
  }

  function soundCard(session: number): SoundCardLine {
    const l = soundCards.get(session);
    // Over once its line has hung up, though the tree's run may still be settling (and the session not yet let go).
    if (!l || l.info().status !== 'in-call') throw new AppError('not_found', 'ivr.soundcard_ended', {}, 'session');
    return l;
  }

  return {
    // ------------------------------------------------------------ prompts (prompts.service.ts)
    ...prompts,

    // ------------------------------------------------------------ trees
    trees: (): IvrTreeRow[] => repo.trees().map((r) => treeView(r.id)),
    tree: treeView,
    createTree(i: ParsedInputOf<'ivr/tree-create'>, lang: Lang): IvrTreeRow {
      checkName(i.name, null);
      problems(i.tree, lang);
      const id = repo.insertTree(i.name, JSON.stringify(i.tree), ctx.clock().toISOString());
      ctx.emit('ivr/changed', {});
      return treeView(id);
    },
    updateTree(id: number, i: ParsedInputOf<'ivr/tree-create'>, lang: Lang): IvrTreeRow {
      treeView(id);
      checkName(i.name, id);
      problems(i.tree, lang);
      repo.updateTree(id, i.name, JSON.stringify(i.tree), ctx.clock().toISOString());
      ctx.emit('ivr/changed', {});
      return treeView(id);
    },
    deleteTree(id: number): { id: number } {
      treeView(id);
      repo.deleteTree(id);
      ctx.emit('ivr/changed', {});
      return { id };
    },

    // ------------------------------------------------------------ when trees answer
    settings,
    updateSettings(s: IvrSettings): IvrSettings {
      const days = new Set<number>();
      s.hours.forEach((h, i) => {
        if (days.has(h.weekday)) throw validationError('ivr.hours_twice', `hours.${i}.weekday`);
        if (h.open === h.close) throw validationError('ivr.hours_empty', `hours.${i}.close`);
        days.add(h.weekday);
      });
      const lines = new Set<number>();
      s.assignments.forEach((a, i) => {
        if (!repo.lineExists(a.lineId) || lines.has(a.lineId)) throw validationError('ivr.unknown_line', `assignments.${i}.lineId`);
        lines.add(a.lineId);
        for (const k of ['officeTreeId', 'closedTreeId', 'holidayTreeId'] as const) {
          const t = a[k];
          if (t !== null && !repo.tree(t)) throw validationError('ivr.unknown_tree', `assignments.${i}.${k}`);
        }
      });
      repo.saveSettings(
        s.hours,
        s.assignments.map((a) => ({ line_id: a.lineId, office_tree_id: a.officeTreeId, closed_tree_id: a.closedTreeId, holiday_tree_id: a.holidayTreeId })),
      );
      ctx.emit('ivr/changed', {});
      return settings();
    },
    office: () => ({ state: officeState(ctx.clock(), repo.hours(), deps.holidays) }),

    // ------------------------------------------------------------ calls
    /**
     * From the lines service on every ring: true when the IVR takes this call (the line is then
     * answered here and its call logged as 'ivr').
     */
    ring(r: IvrRing): boolean {
      if (r.ringsBeforeAnswer <= 0 || r.rings < r.ringsBeforeAnswer || active.has(r.line)) return false;
      // As many callers at once as the line allows; the next one rings on for the front desk.
      if (entriesOf(r.lineId).length >= r.atOnce) return false;
      let tree: IvrTreeRow | null;
      try {
        tree = treeFor(r.lineId);
      } catch (e) {
        deps.log.error(`IVR tree for line ${r.lineId}`, e);
        return false;
      }
      if (!tree) return false;
      const chosen = tree;
      const placeholder: Entry = {
        handle: { done: Promise.resolve({ path: [], end: 'error' as const }), take() {}, stop() {} },
        lineId: r.lineId,
        callId: r.callId,
        waiting: false,
      };
      active.set(r.line, placeholder);
      r.line.answer().then(
        () => {
          if (active.get(r.line) === placeholder) run(r.lineId, r.line, chosen, r.callId);
        },
        (e: unknown) => {
          if (active.get(r.line) === placeholder) active.delete(r.line);
          deps.log.error(`IVR could not answer line ${r.lineId}`, e);
        },
      );
      return true;
    },
    run,
    /** The front desk takes the caller who is waiting on this line (call `callId` when several wait on it). */
    take(lineId: number, callId?: number): { ok: true } {
      const a = entriesOf(lineId).find((e) => e.waiting && (callId === undefined || e.callId === callId));
      if (!a || !a.waiting) throw new AppError('validation', 'ivr.nobody_waiting', {}, 'lineId');
      a.handle.take();
      return { ok: true };
    },
    waiting: (): { lineId: number; callId: number | null }[] =>
      [...active.values()].filter((a) => a.waiting).map((a) => ({ lineId: a.lineId, callId: a.callId })),
    runOf(callId: number): IvrRun | null {
      const r = repo.run(callId);
      return r
        ? { callId: r.call_id, treeId: r.tree_id ?? 0, treeName: r.tree_name, path: JSON.parse(r.path) as string[], end: r.end_reason as IvrRun['end'] }
        : null;
    },
    // ------------------------------------------------------------ the demo line's caller
    demoKeys(lineId: number, keys: string): { ok: true } {
      const sim = deps.simOf(lineId);
      if (!sim) throw validationError('line.not_demo', 'lineId');
      sim.pressKeys(keys);
      return { ok: true };
    },
    demoHangUp(lineId: number): { ok: true } {
      const sim = deps.simOf(lineId);
      if (!sim) throw validationError('line.not_demo', 'lineId');
      sim.callerHangsUp();
      return { ok: true };
    },
    /** The demo caller speaks: `seconds` of a voice-like sound, heard by the next recording. */
    demoSpeak(lineId: number, seconds: number): { ok: true } {
      const sim = deps.simOf(lineId);
      if (!sim) throw validationError('line.not_demo', 'lineId');
      sim.sendAudio(demoVoice(seconds));
      return { ok: true };
    },
    /** The demo caller presses Start on their fax machine to receive (fax-on-demand); refused with no call connected. */
    demoFaxStart(lineId: number): { ok: true } {
      const sim = deps.simOf(lineId);
      if (!sim) throw validationError('line.not_demo', 'lineId');
      if (!sim.faxStart()) throw validationError('ivr.fax_start_refused', 'lineId');
      return { ok: true };
    },
    // ------------------------------------------------------------ the sound-card test
    /** Runs a tree with the PC's speakers and microphone as the caller; events 'ivr/soundcard'. */
    soundcardStart(treeId: number): { session: number } {
      const tree = treeView(treeId);
      const session = ++lastSession;
      const send = (e: Parameters<Parameters<typeof createSoundCardLine>[2]>[0]) => ctx.emit('ivr/soundcard', e);
      const line = createSoundCardLine(session, timers, send);
      soundCards.set(session, line);
      // Negative ids: a sound-card run never collides with a telephone line's.
      const handle = run(-session, line, tree, null, (step) => send({ session, kind: 'step', step }));
      void handle.done.then(() => {
        soundCards.delete(session);
        send({ session, kind: 'ended' });
      });
      return { session };
    },
    soundcardKey(session: number, key: string): { ok: true } {
      soundCard(session).key(key);
      return { ok: true };
    },
    soundcardAudio(session: number, base64: string): { ok: true } {
      const file = Buffer.from(base64, 'base64');
      let pcm: Pcm;
      try {
        pcm = isWav(file) ? toLineAudio(parseWav(file)) : new Int16Array(0);
      } catch {
        pcm = new Int16Array(0);
      }
      soundCard(session).deliver(pcm);
      return { ok: true };
    },
    soundcardTake(session: number): { ok: true } {
      soundCard(session);
      const a = entriesOf(-session)[0];
      if (!a || !a.waiting) throw new AppError('validation', 'ivr.nobody_waiting', {}, 'session');
      a.handle.take();
      return { ok: true };
    },
    soundcardHangUp(session: number): { ok: true } {
      soundCards.get(session)?.callerHangsUp();
      return { ok: true };
    },
    async close(): Promise<void> {
      const runs = [...active.values()];
      runs.forEach((a) => a.handle.stop());
      await Promise.all(runs.map((a) => a.handle.done));
    },
  };
}

/** A voice-like test sound (a vowel's harmonics with syllables): what the demo caller "says". */
export function demoVoice(seconds: number): Pcm {
  const n = Math.round(seconds * 8000);
  return Int16Array.from({ length: n }, (_, i) => {
    const t = i / 8000;
    const f0 = 140 + 20 * Math.sin(2 * Math.PI * 0.7 * t);
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
    let v = 0;
    for (let h = 1; h <= 8; h++) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    return Math.round(v * syllable * 5000);
  });
}

export type IvrService = ReturnType<typeof createIvrService>;
