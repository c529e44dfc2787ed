/**
 * Call outcomes and follow-ups (issue 19). The outcome list is the office's; a call names one kind.
 * A follow-up is the next step with a contact (or with a call's caller not in the phonebook): due at a
 * local date and time, owned by an enabled user (none in the single-user mode: the office), ringing
 * once through the alarm engine (followup-alarm.source.ts). Saving, moving and marking done tell the
 * alarms, so a waiting alarm follows the change and a done one is taken away.
 */
import type { CallDisposition, Followup, FollowupList, FollowupOwner, OutcomeKind } from '../../shared/contract/followups';
import type { ParsedInputOf } from '../../shared/contract/api';
import { isoDateOf } from '../../shared/text/calendar';
import { localInstant } from '../reminders/recurrence';
import { actorName } from '../kernel/actor';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Db } from '../db/database';
import type { CallsService } from '../calls/calls.service';
import { createFollowupsRepo, type FollowupDb, type OutcomeKindDb } from './followups.repo';

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

export const toOutcomeKind = (k: OutcomeKindDb): OutcomeKind => ({ id: k.id, nameFa: k.name_fa, nameEn: k.name_en, archived: k.archived === 1 });

export type FollowupsDeps = {
  calls: CallsService;
  /** The alarms follow a change: `text` retitles a waiting alarm, null takes it away; then they look again. */
  alarmChanged(id: number, text: { title: string; place: string; note: string; contactId: number | null } | null): void;
  /** The alarm's title of a follow-up, in the office's language. */
  alarmTitle(who: string): string;
};

export function createFollowupsService(db: Db, ctx: EngineContext, deps: FollowupsDeps) {
  const repo = createFollowupsRepo(db);
  const ownersQ = db.prepare<[], FollowupOwner>(
    "SELECT id, name FROM users WHERE disabled = 0 AND (SELECT mode FROM accounts_config WHERE id = 1) = 'accounts' ORDER BY name",
  );
  const ownerOk = db.prepare<[number], number>('SELECT 1 FROM users WHERE id = ? AND disabled = 0').pluck();
  const contactOk = db.prepare<[number], number>('SELECT 1 FROM contacts WHERE id = ?').pluck();
  const now = () => ctx.clock().getTime();

  /** Who a follow-up is with: the contact, else the call's number. */
  const numberOf = (r: FollowupDb) => {
    if (r.call_id === null) return '';
    try {
      return deps.calls.get(r.call_id).numberDisplay;
    } catch {
      return '';
    }
  };
  const endOfToday = () => localInstant(isoDateOf(ctx.clock()), '00:00').getTime() + DAY;
  const stateOf = (r: FollowupDb): Followup['state'] => {
    if (r.done_at !== null) return 'done';
    if (r.due_at < now()) return 'overdue';
    return r.due_at < endOfToday() ? 'today' : 'later';
  };
  const toFollowup = (r: FollowupDb): Followup => {
    const due = new Date(r.due_at);
    return {
      id: r.id,
      contactId: r.contact_id,
      contactName: r.contact_name,
      callId: r.call_id,
      numberDisplay: numberOf(r),
      dueDate: isoDateOf(due),
      dueTime: `${pad(due.getHours())}:${pad(due.getMinutes())}`,
      dueAt: due.toISOString(),
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      note: r.note,
      doneAt: r.done_at === null ? null : new Date(r.done_at).toISOString(),
      createdAt: new Date(r.created_at).toISOString(),
      state: stateOf(r),
    };
  };
  const who = (f: Followup) => f.contactName || f.numberDisplay || '—';
  const alarmText = (f: Followup) => ({ title: deps.alarmTitle(who(f)), place: f.ownerName ?? '', note: f.note, contactId: f.contactId });
  const mustGet = (id: number) => {
    const r = repo.get(id);
    if (!r) throw new AppError('not_found', 'not_found.followup', {}, 'id');
    return r;
  };
  const changed = (callId: number | null, followupId: number | null) => ctx.emit('followups/changed', { callId, followupId });

  function disposition(callId: number): CallDisposition {
    deps.calls.get(callId); // 'not_found' for a call that is not there
    const o = repo.outcomeOf(callId);
    return { callId, outcome: o ? toOutcomeKind(o) : null, setBy: o?.set_by ?? '', followups: repo.ofCall(callId).map(toFollowup) };
  }

  return {
    repo,
    toFollowup,
    alarmText,
    outcomeKinds: (all: boolean): OutcomeKind[] =>
      repo
        .kinds()
        .filter((k) => all || k.archived === 0)
        .map(toOutcomeKind),
    saveOutcomeKinds({ kinds }: ParsedInputOf<'followups/save-outcome-kinds'>): OutcomeKind[] {
      const seen = new Set<string>();
      kinds.forEach((k, i) => {
        if (k.id !== undefined && !repo.kind(k.id)) throw new AppError('not_found', 'not_found.outcome_kind', {}, `kinds.${i}.id`);
        for (const name of [k.nameFa, k.nameEn]) {
          const key = `${name === k.nameFa ? 'fa' : 'en'}:${name.toLowerCase()}`;
          if (seen.has(key)) throw validationError('followup.duplicate_kind', `kinds.${i}`, { name });
          seen.add(key);
        }
      });
      repo.saveKinds(kinds);
      changed(null, null);
      return repo.kinds().map(toOutcomeKind);
    },
    disposition,
    setCallOutcome({ callId, kindId }: ParsedInputOf<'followups/set-call-outcome'>): CallDisposition {
      deps.calls.get(callId);
      if (kindId === null) repo.clearOutcome(callId);
      else {
        const k = repo.kind(kindId);
        if (!k) throw new AppError('not_found', 'not_found.outcome_kind', {}, 'kindId');
        const lang = ctx.settings.get().language;
        if (k.archived === 1) throw validationError('followup.archived_kind', 'kindId', { name: lang === 'fa' ? k.name_fa : k.name_en });
        repo.setOutcome(callId, kindId, now(), actorName(ctx));
      }
      changed(callId, null);
      return disposition(callId);
    },
    list({ view, contactId, limit }: ParsedInputOf<'followups/list'>): FollowupList {
      const t = ctx.clock();
      const from = localInstant(isoDateOf(t), '00:00').getTime();
      const range = { from, to: from + DAY, now: t.getTime() };
      return {
        rows: repo.list(view, range, contactId ?? null, limit).map(toFollowup),
        overdue: repo.countOpen(0, range.now),
        today: repo.countOpen(range.now, range.to),
      };
    },
    save(input: ParsedInputOf<'followups/save'>): Followup {
      const dueAt = localInstant(input.dueDate, input.dueTime).getTime();
      if (input.ownerId !== null && ownerOk.get(input.ownerId) !== 1) throw new AppError('not_found', 'not_found.followup_owner', {}, 'ownerId');
      const note = input.note.trim();
      let id: number;
      if (input.id !== undefined) {
        id = input.id;
        mustGet(id);
        repo.update(id, { dueAt, ownerId: input.ownerId, note, now: now() });
      } else {
        let contactId = input.contactId;
        if (contactId !== null && contactOk.get(contactId) !== 1) throw new AppError('not_found', 'not_found.followup_contact', {}, 'contactId');
        if (input.callId !== null) {
          // A follow-up on a call is with its caller: the contact the number belongs to, when there is one.
          const call = deps.calls.get(input.callId);
          contactId ??= call.contactId;
        }
        id = repo.insert({ contactId, callId: input.callId, dueAt, ownerId: input.ownerId, note, now: now() });
      }
      const f = toFollowup(mustGet(id));
      deps.alarmChanged(id, alarmText(f));
      changed(f.callId, id);
      return f;
    },
    setDone(id: number, done: boolean): Followup {
      const r = mustGet(id);
      repo.setDone(id, done ? now() : null, now());
      const f = toFollowup(mustGet(id));
      deps.alarmChanged(id, done ? null : alarmText(f));
      changed(r.call_id, id);
      return f;
    },
    owners: (): FollowupOwner[] => ownersQ.all(),
  };
}

export type FollowupsService = ReturnType<typeof createFollowupsService>;
