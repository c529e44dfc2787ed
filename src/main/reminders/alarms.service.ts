/**
 * The alarms: the scheduler (alarm-scheduler.ts) wired to the reminder and birthday sources and to a
 * SQLite store, so that what rang, was snoozed or dismissed survives restarts; alarms that fell due
 * while the app was closed ring at the next start marked late — the missed occurrences of one reminder
 * (birthday, cheque) as ONE alarm with their count and first/last time (alarms.repo.ts `markMissed`),
 * whose snooze and dismiss cover them all. Rung alarms go out as 'alarms/fired' (several at once in
 * time order, in one event); snooze and dismiss send 'alarms/changed'.
 *
 * Cheques (and any later module) add their due dates with `addSource`: an AlarmSource whose items
 * have source 'cheque', refId the cheque, and keys unique per due date (e.g. 'cheque:ID:2026-12-01').
 */
import type { Alarm, AlarmSettings } from '../../shared/contract/reminders';
import type { Timers } from '../../telephony/transport';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { message } from '../i18n/messages';
import { createAlarmScheduler, type AlarmSource, type AlarmStore, type DueItem, type Fired } from './alarm-scheduler';
import { birthdayAlarmSource, reminderAlarmSource } from './alarm-sources';
import { createAlarmsRepo, type AlarmRow } from './alarms.repo';
import type { ReminderChange } from './reminders.service';
import type { RemindersRepo } from './reminders.repo';

export type AlarmsService = ReturnType<typeof createAlarmsService>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** After a failed look at the clock (a locked database…), try again this much later. */
const RETRY_MS = 30_000;

export function toAlarm(r: AlarmRow): Alarm {
  return {
    id: r.id,
    source: r.source,
    refId: r.ref_id,
    title: r.title,
    occursAt: iso(r.occurs_at)!,
    firedAt: iso(r.fired_at)!,
    late: r.late === 1,
    snoozedUntil: iso(r.snoozed_until),
    place: r.place,
    note: r.note,
    contactId: r.contact_id,
    missedCount: r.missed_count,
    firstOccursAt: iso(r.first_occurs_at ?? r.occurs_at)!,
  };
}

export function createAlarmsService(db: Db, ctx: EngineContext, deps: { reminders: RemindersRepo; timers: Timers; log: Logger }) {
  const repo = createAlarmsRepo(db);
  const reminders = reminderAlarmSource(deps.reminders);
  const birthdays = birthdayAlarmSource(deps.reminders, {
    time: () => repo.settings().birthdayTime,
    title: (name, age) => message(ctx.settings.get().language, 'alarms.birthday_title', { name, age }),
  });
  const sources: AlarmSource[] = [reminders, birthdays];
  let running = false;
  /** Alarms rung by the first look at start-up, sent once the engine's creator has subscribed. */
  let startup: Alarm[] | null = null;

  const row = (item: DueItem, firedAt: Date, late: boolean) =>
    ({
      key: item.key,
      source: item.source,
      ref_id: item.refId,
      title: item.title,
      place: item.detail?.place ?? '',
      note: item.detail?.note ?? '',
      contact_id: item.detail?.contactId ?? null,
      occurs_at: (item.occursAt ?? item.at).getTime(),
      fired_at: firedAt.getTime(),
      late: late ? 1 : 0,
    }) as const;

  const store: AlarmStore = {
    lastTick: () => {
      const t = repo.lastTick();
      return t === null ? null : new Date(t);
    },
    setLastTick: (t) => repo.setLastTick(t.getTime()),
    wasFired: (key) => repo.wasFired(key),
    markFired: (item, firedAt, late) => repo.markFired(row(item, firedAt, late)),
    markMissed: (items, firedAt) =>
      repo.markMissed(
        items.map((i) => row(i, firedAt, true)),
        firedAt.getTime(),
      ),
    takeSnoozesDue: (now) =>
      repo.takeSnoozesDue(now.getTime()).map((r): DueItem => ({
        key: r.key,
        at: new Date(r.snoozed_until!),
        occursAt: new Date(r.occurs_at),
        source: r.source,
        refId: r.ref_id,
        title: r.title,
        detail: { place: r.place, note: r.note, contactId: r.contact_id },
      })),
    nextSnooze: () => {
      const t = repo.nextSnooze();
      return t === null ? null : new Date(t);
    },
  };

  function onFire(fired: Fired[]): void {
    const alarms = fired.flatMap((f) => repo.byKey(f.key) ?? []).map(toAlarm);
    if (startup) startup.push(...alarms);
    else ctx.emit('alarms/fired', { alarms });
  }

  // A look at the clock that throws (from a timer) is logged and retried, never an uncaught exception.
  const guarded: Timers = {
    now: deps.timers.now,
    clearTimeout: deps.timers.clearTimeout,
    setTimeout: (fn, ms) =>
      deps.timers.setTimeout(() => {
        try {
          fn();
        } catch (e) {
          deps.log.error('alarm scheduler: look at the clock failed', e);
          if (running) deps.timers.setTimeout(poke, RETRY_MS);
        }
      }, ms),
  };
  const scheduler = createAlarmScheduler({ clock: ctx.clock, timers: guarded, sources, store, onFire });

  function poke(): void {
    if (!running) return;
    try {
      scheduler.poke();
    } catch (e) {
      deps.log.error('alarm scheduler: poke failed', e);
      deps.timers.setTimeout(poke, RETRY_MS);
    }
  }

  const pending = () => repo.pending().map(toAlarm);
  const changed = () => ctx.emit('alarms/changed', { alarms: pending() });

  function alarm(id: number): AlarmRow {
    const r = repo.get(id);
    // A missed occurrence merged into another alarm is handled through that one.
    if (!r || r.dismissed_at !== null || r.merged_into !== null) throw new AppError('not_found', 'not_found.alarm', {}, 'id');
    return r;
  }

  return {
    /** First look: rings what fell due while the app was closed (late); the event goes out on the next turn of the loop. */
    start(): void {
      running = true;
      startup = [];
      try {
        scheduler.start();
      } catch (e) {
        deps.log.error('alarm scheduler: start failed', e);
        guarded.setTimeout(poke, RETRY_MS);
      }
      const rung = startup;
      startup = null;
      if (rung.length > 0) setImmediate(() => running && ctx.emit('alarms/fired', { alarms: rung }));
    },
    stop(): void {
      running = false;
      scheduler.stop();
    },
    poke,
    /** The next instant the scheduler will ring something (for the test clock), or null. */
    nextDueAt: () => scheduler.nextDueAt(),
    /** The hook for other modules' due dates (cheques): the source is asked on every look from now on. */
    addSource(source: AlarmSource): void {
      sources.push(source);
      poke();
    },
    pending,
    snooze(id: number, minutes: number): Alarm {
      alarm(id);
      repo.snooze(id, ctx.clock().getTime() + minutes * 60_000);
      poke();
      changed();
      return toAlarm(repo.get(id)!);
    },
    dismiss(id: number): { id: number } {
      const row = repo.get(id);
      if (!row) throw new AppError('not_found', 'not_found.alarm', {}, 'id');
      // Dismissing twice (two windows) is not an error.
      if (repo.dismiss(id, ctx.clock().getTime())) {
        poke();
        changed();
      }
      return { id };
    },
    settings: (): AlarmSettings => repo.settings(),
    updateSettings(v: AlarmSettings): AlarmSettings {
      repo.saveSettings(v);
      birthdays.invalidate();
      poke();
      return repo.settings();
    },
    /** A reminder was saved or deleted: its pending alarms follow, and the scheduler looks again. */
    reminderChanged(change: ReminderChange): void {
      if (change.kind === 'deleted') {
        reminders.forget(change.id);
        if (repo.deleteOf('reminder', change.id)) changed();
      } else if (change.kind === 'saved') {
        const r = deps.reminders.get(change.id);
        const first = deps.reminders.participantsOf([change.id])[0];
        if (r && repo.retitle('reminder', change.id, { title: r.subject, place: r.place, note: r.note, contactId: first?.contact_id ?? null })) changed();
      }
      if (change.kind !== 'groups') poke();
    },
    /**
     * An item of an added source (a cheque) changed: `text` brings its waiting alarms up to date, null
     * removes its alarms (it was closed or deleted); then the scheduler looks again.
     */
    sourceItemChanged(
      source: Exclude<Alarm['source'], 'reminder' | 'birthday'>,
      refId: number,
      text: { title: string; place: string; note: string; contactId: number | null } | null,
    ): void {
      if (text === null ? repo.deleteOf(source, refId) : repo.retitle(source, refId, text)) changed();
      poke();
    },
    /** Contacts changed: birthdays may have moved. */
    contactsChanged(): void {
      birthdays.invalidate();
      poke();
    },
  };
}
