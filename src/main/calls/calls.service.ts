/**
 * The call log as the front desk and the manager see it: rows with the matched contact, the caller
 * card for the popup, reports over a date range, and their CSV/PDF export.
 */
import { authorName } from '../kernel/actor';
import type { CallerCard, CallNote, CallRow, CallReport, ReportInput } from '../../shared/contract/calls';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { FileOut } from '../../shared/contract/io';
import { fileNameDate, formatInstant, type Lang } from '../../shared/text/calendar';
import { normalizeMultiline } from '../../shared/text/normalize';
import { formatPhone, looksLikePhone, normalizePhone, phoneDigits } from '../../shared/text/phone';
import { printCallReport } from '../../print';
import type { ContactsService } from '../contacts/contacts.service';
import type { Db } from '../db/database';
import type { EngineContext } from '../kernel/context';
import { message } from '../i18n/messages';
import { createCallQueryRepo, type CallFilter } from './call-query.repo';
import { createCallsRepo, type CallDbRow } from './calls.repo';
import { callCsv } from './calls.export';
import { AppError, validationError } from '../kernel/app-error';
import { createCallNotesRepo } from './call-notes.repo';
import { createCallbacksRepo } from './callbacks.repo';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const pad = (n: number) => String(n).padStart(2, '0');

/** The office's local calendar day and hour of an instant (process time zone). */
export function localDayHour(ms: number): { day: string; hour: number } {
  const t = new Date(ms);
  return { day: `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`, hour: t.getHours() };
}

export function createCallsService(db: Db, ctx: EngineContext, contacts: ContactsService) {
  const q = createCallQueryRepo(db);
  const callsRepo = createCallsRepo(db);
  const notesRepo = createCallNotesRepo(db);
  const callbacks = createCallbacksRepo(db);
  /** The finished recording of a call (set by the recordings service). */
  let recordingOf: (callId: number) => number | null = () => null;
  // The people files of a contact; set by the engine once the people service exists (it comes later).
  let filesOf: (contactId: number) => NonNullable<CallerCard['contact']>['files'] = () => [];

  function numberDisplay(raw: string, key: string): string {
    if (!raw) return '';
    const n = normalizePhone(raw, ctx.settings.phoneRegion());
    return n && key ? formatPhone(n, ctx.settings.phoneRegion()) : raw;
  }

  function toRow(r: CallDbRow): CallRow {
    const contact = q.contactOf(r.number_key);
    return {
      id: r.id,
      lineId: r.line_id,
      lineName: r.line_name,
      direction: r.direction,
      outcome: r.outcome,
      startedAt: iso(r.started_at)!,
      ringMs: r.ring_ms,
      answeredAt: iso(r.answered_at),
      endedAt: iso(r.ended_at),
      durationS: r.duration_s,
      numberRaw: r.number_raw,
      numberKey: r.number_key,
      numberDisplay: numberDisplay(r.number_raw, r.number_key),
      callerName: r.caller_name,
      absence: r.absence,
      contactId: contact?.id ?? null,
      contactName: contact?.display_name ?? null,
      returnedAt: iso(r.returned_at),
      returnDismissed: r.returned_at !== null && callbacks.wasDismissed(r.number_key, r.returned_at),
      recordingId: recordingOf(r.id),
    };
  }

  function filterOf(input: ParsedInputOf<'calls/list'>): CallFilter {
    let numberKeys: string[] | null = null;
    let digits = '';
    let nameLike = '';
    if (input.contactId) numberKeys = phoneKeysOf(input.contactId);
    const text = input.text.trim();
    if (text) {
      if (looksLikePhone(text)) {
        const n = normalizePhone(text, ctx.settings.phoneRegion());
        digits = n && n.national ? n.national : phoneDigits(text).digits;
      } else {
        nameLike = text;
        const ids: number[] = [];
        for (const id of contacts.matchingIds({ text, groupId: null, filters: [] })) if (ids.push(id) >= 200) break;
        numberKeys = [...(numberKeys ?? []), ...ids.flatMap(phoneKeysOf)];
      }
    }
    return {
      fromDay: input.from,
      toDay: input.to,
      direction: input.direction,
      outcome: input.outcome,
      unreturned: input.unreturned,
      lineId: input.lineId,
      numberKeys,
      digits,
      nameLike,
    };
  }

  const phoneKeysOf = (contactId: number) => q.phoneKeysOf(contactId);

  function report(input: ReportInput & { lineId: number | null }): CallReport {
    const { from, to, lineId } = input;
    const counted = q.totals(from, to, lineId);
    const days = new Map<string, { date: string; incoming: number; missed: number; outgoing: number }>();
    for (let d = new Date(`${from}T12:00:00Z`); d.toISOString().slice(0, 10) <= to && days.size < 3700; d.setUTCDate(d.getUTCDate() + 1)) {
      const key = d.toISOString().slice(0, 10);
      days.set(key, { date: key, incoming: 0, missed: 0, outgoing: 0 });
    }
    for (const c of counted.perDay) {
      const day = days.get(c.day);
      if (day) Object.assign(day, { incoming: c.incoming, missed: c.missed, outgoing: c.outgoing });
    }
    const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, incoming: 0, missed: 0, outgoing: 0 }));
    for (const c of counted.perHour) if (hours[c.hour]) hours[c.hour] = { hour: c.hour, incoming: c.incoming, missed: c.missed, outgoing: c.outgoing };
    const topCallers = q.topCallers(from, to, lineId, 20).map((c) => {
      const contact = q.contactOf(c.number_key);
      return {
        numberKey: c.number_key,
        numberDisplay: numberDisplay(c.number_raw, c.number_key),
        contactId: contact?.id ?? null,
        contactName: contact?.display_name ?? null,
        calls: c.calls,
        missed: c.missed,
        talkSeconds: c.talk ?? 0,
      };
    });
    return {
      from,
      to,
      totals: counted.totals,
      perDay: [...days.values()],
      perHour: hours,
      topCallers,
      unreturned: q.unreturned(from, to, lineId, 200).map(toRow),
    };
  }

  return {
    toRow,
    setRecordingLookup(f: (callId: number) => number | null): void {
      recordingOf = f;
    },
    setFilesLookup(f: typeof filesOf): void {
      filesOf = f;
    },
    /** The normalised numbers of a contact's phones (to find its calls). */
    phoneKeysOf,
    list(input: ParsedInputOf<'calls/list'>) {
      const { rows, total } = q.list(filterOf(input), input.offset, input.limit);
      return { rows: rows.map(toRow), total };
    },
    report,
    /** One call as the log shows it; 'not_found' when there is no such call. */
    get(id: number): CallRow {
      const r = callsRepo.get(id);
      if (!r) throw new AppError('not_found', 'not_found.call', {}, 'id');
      return toRow(r);
    },
    /** The notes written on one call, oldest first; 'not_found' when there is no such call. */
    notes(callId: number): CallNote[] {
      if (!callsRepo.get(callId)) throw new AppError('not_found', 'not_found.call', {}, 'callId');
      return notesRepo.ofCall(callId);
    },
    /** Adds a note to a call (the author is the office's user name when none is given); returns the call's notes. */
    addNote(callId: number, body: string, author: string): CallNote[] {
      const text = normalizeMultiline(body);
      if (text === '') throw validationError('validation.empty_note', 'body');
      if (!callsRepo.get(callId)) throw new AppError('not_found', 'not_found.call', {}, 'callId');
      notesRepo.add(callId, text, authorName(ctx, author), ctx.clock().toISOString());
      return notesRepo.ofCall(callId);
    },
    /** What the popup shows for a number: the contact, notes, last calls. */
    card(numberRaw: string, callerName: string, absence: CallerCard['absence']): CallerCard {
      const n = numberRaw ? normalizePhone(numberRaw, ctx.settings.phoneRegion()) : null;
      const key = n?.key ?? '';
      const matches = key ? contacts.findByPhone(numberRaw, null) : [];
      const first = matches[0];
      let contact: CallerCard['contact'] = null;
      if (first) {
        const c = contacts.get(first.contactId);
        const groups = q.groupsOf(c.id);
        contact = {
          id: c.id,
          displayName: c.displayName,
          company: c.company,
          title: c.jobTitle,
          groups,
          lastNotes: c.timeline.slice(0, 3).map((t) => ({ body: t.body, author: t.author, createdAt: t.createdAt })),
          files: filesOf(c.id),
        };
      }
      const last = key ? q.lastCallsOf(key, 6) : [];
      return {
        numberDisplay: n ? formatPhone(n, ctx.settings.phoneRegion()) : numberRaw,
        numberKey: key,
        callerName,
        absence,
        contact,
        otherMatches: matches.slice(1).map((m) => ({ id: m.contactId, displayName: m.displayName })),
        lastCalls: last.map((r) => ({ id: r.id, startedAt: iso(r.started_at)!, direction: r.direction, outcome: r.outcome, durationS: r.duration_s })),
        callCount: key ? q.callCountOf(key) : 0,
        extras: [],
      };
    },
    async exportReport(input: ReportInput & { lineId: number | null; format: 'csv' | 'pdf' }, lang: Lang): Promise<FileOut> {
      const r = report(input);
      const cal = ctx.settings.get().calendar;
      const name = `calls-${fileNameDate(input.from, cal)}-${fileNameDate(input.to, cal)}`;
      if (input.format === 'csv') {
        const text = callCsv(r, lang, cal);
        return { fileName: `${name}.csv`, mime: 'text/csv', base64: Buffer.from('\uFEFF' + text, 'utf8').toString('base64'), count: r.perDay.length };
      }
      const m = (k: Parameters<typeof message>[1]) => message(lang, k);
      const pdf = await printCallReport(r, {
        lang,
        calendar: cal,
        printedAt: ctx.clock(),
        title: m('calls.report_title'),
        labels: {
          incoming: m('calls.incoming'),
          answered: m('calls.answered'),
          missed: m('calls.missed'),
          outgoing: m('calls.outgoing'),
          unreturned: m('calls.unreturned'),
          talkTime: m('calls.talk_time'),
          perDay: m('calls.per_day'),
          perHour: m('calls.per_hour'),
          topCallers: m('calls.top_callers'),
          number: m('calls.number'),
          contact: m('calls.contact'),
          calls: m('calls.calls'),
          unreturnedList: m('calls.unreturned_list'),
          time: m('calls.time'),
          none: m('calls.none'),
          page: m('calls.page'),
        },
      });
      return { fileName: `${name}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), count: r.perDay.length };
    },
    formatWhen: (ms: number, lang: Lang) => formatInstant(new Date(ms).toISOString(), ctx.settings.get().calendar, lang),
  };
}

export type CallsService = ReturnType<typeof createCallsService>;
