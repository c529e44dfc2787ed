/**
 * The cheque book: cheques received and paid (a paid one may be written on the next blank leaf of an
 * own cheque book), status changes checked against the allowed transitions and kept as events, edits
 * kept as events with the changed fields, scanned images, and the due-date warnings that feed the
 * alarms. Every change emits 'cheques/changed'.
 */
import { actorName } from '../kernel/actor';
import type { AlarmSource } from '../reminders/alarm-scheduler';
import {
  INITIAL_STATUS,
  nextStatuses,
  OPEN_STATUSES,
  type Cheque,
  type ChequeCorrectionData,
  type ChequeData,
  type ChequeVoidData,
  type ChequeSettings,
  type ChequeStatus,
  type StatusBatchResult,
} from '../../shared/contract/cheques';
import { bankName } from '../../shared/contract/banks';
import type { FileOut } from '../../shared/contract/io';
import { isoDateOf } from '../../shared/text/calendar';
import { formatInteger } from '../../shared/text/digits';
import { normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { message, type Lang } from '../i18n/messages';
import { chequeAlarmSource } from './cheque-alarm.source';
import { createChequeBooksRepo } from './cheque-books.repo';
import { checkImage, createImageStore, MAX_IMAGE_MB } from './cheque-images';
import { directionLabel } from './cheque-labels';
import { cleanCheque } from './cheque.validate';
import { chequeRef, dateError, statusError, toEvent, wrongType } from './cheque-status.errors';
import { dataOf, diff, moneyChanges } from './cheque-money.rules';
import { createChequesRepo, type ChequeRowDb, type EventRowDb } from './cheques.repo';

export type AlarmText = { title: string; place: string; note: string; contactId: number | null };

export type ChequesHooks = {
  dataDir: string;
  /** The cheque's waiting alarms follow it: new text, or null to remove them (closed, deleted, due date moved). */
  alarmChanged(id: number, text: AlarmText | null): void;
  /** The warning settings changed: the scheduler looks again. */
  pokeAlarms(): void;
};

export type ChequesService = ReturnType<typeof createChequesService>;

/** What a status change says, for one cheque or a batch. */
type StatusChange = { status: ChequeStatus; date: string; note: string; counterparty: string; certificate: boolean };

const isOpen = (s: ChequeStatus) => OPEN_STATUSES.includes(s);

export function createChequesService(db: Db, ctx: EngineContext, hooks: ChequesHooks) {
  const repo = createChequesRepo(db);
  const books = createChequeBooksRepo(db);
  const images = createImageStore(hooks.dataDir);
  const now = () => ctx.clock().toISOString();
  const today = () => isoDateOf(ctx.clock());
  const lang = (): Lang => ctx.settings.get().language;
  const changed = (ids: number[] | null) => ctx.emit('cheques/changed', { ids });

  function row(id: number): ChequeRowDb {
    const r = repo.get(id);
    if (!r) throw new AppError('not_found', 'not_found.cheque', {}, 'id');
    return r;
  }

  function toCheque(r: ChequeRowDb): Cheque {
    const leaf = r.leaf_id === null ? undefined : books.leaf(r.leaf_id);
    const contactName = r.contact_id === null ? null : repo.contactName(r.contact_id);
    // The saved fields as a save sends them; bookId is only for writing on a new leaf.
    const { bookId: _bookId, ...data } = dataOf(r);
    return {
      id: r.id,
      status: r.status,
      ...data,
      contact: r.contact_id !== null && contactName !== null ? { id: r.contact_id, displayName: contactName } : null,
      leaf: leaf ? { id: leaf.id, bookId: leaf.book_id, serial: leaf.serial } : null,
      images: repo.images(r.id).map((i) => ({
        id: i.id,
        fileName: i.file_name,
        mime: i.mime,
        size: i.size,
        thumb: i.thumb ? `data:image/jpeg;base64,${i.thumb.toString('base64')}` : null,
      })),
      events: repo.events(r.id).map(toEvent),
      nextStatuses: [...nextStatuses(r.direction, r.status)],
      canDelete: repo.laterEvents(r.id) === 0,
      canVoid: r.status !== 'void',
      registeredAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** The alarm's text in the user's language: "Received cheque of 12,500,000 rials due — payer". */
  function alarmText(r: ChequeRowDb): AlarmText {
    const l = lang();
    return {
      title: message(l, 'cheques.alarm_title', {
        direction: directionLabel(r.direction, l),
        amount: formatInteger(r.amount, l),
        party: `\u2068${r.party_name}\u2069`,
      }),
      place: bankName(r.bank_code, r.bank_name, l) + (r.branch ? ` — ${r.branch}` : ''),
      note: r.purpose,
      contactId: r.contact_id,
    };
  }

  function checkSayadFree(sayad: string, self: number | null): void {
    if (sayad === '') return;
    const other = repo.bySayad(sayad);
    if (other && other.id !== self) throw new AppError('conflict', 'conflict.sayad_taken', { value: `\u2068${other.party_name}\u2069` }, 'sayadId');
  }

  const checks = { contactName: (id: number) => repo.contactName(id) };

  const event = (chequeId: number, e: Partial<EventRowDb> & Pick<EventRowDb, 'kind' | 'date'>) =>
    repo.addEvent({
      cheque_id: chequeId,
      from_status: null,
      to_status: null,
      note: '',
      counterparty: '',
      certificate: 0,
      changes: '[]',
      recorded_at: now(),
      recorded_by: actorName(ctx),
      ...e,
    });

  /** Writes one checked status change and its event (inside the caller's transaction). */
  function applyStatus(r: ChequeRowDb, input: StatusChange): void {
    repo.setStatus(r.id, input.status, now());
    // Opened again (back from the bank, from a third party…): only warnings from now on may ring.
    if (!isOpen(r.status) && isOpen(input.status)) repo.rebaseAlarm(r.id, now());
    event(r.id, {
      kind: 'status',
      from_status: r.status,
      to_status: input.status,
      date: input.date,
      note: normalizeMultiline(input.note),
      counterparty: normalizeInput(input.counterparty),
      certificate: input.status === 'bounced' && input.certificate ? 1 : 0,
    });
  }

  /** After the transaction: each cheque's waiting alarm follows its new status; one 'changed' for all. */
  function afterStatus(ids: number[]): ChequeRowDb[] {
    const after = ids.map(row);
    for (const r of after) hooks.alarmChanged(r.id, isOpen(r.status) ? alarmText(r) : null);
    changed(ids);
    if (after.some((r) => r.leaf_id !== null)) ctx.emit('cheque-books/changed', {});
    return after;
  }

  return {
    get: (id: number): Cheque => toCheque(row(id)),

    create(data: ChequeData): Cheque {
      if (data.bookId !== null && data.direction !== 'paid') throw new AppError('validation', 'validation.book_for_paid', { field: 'bookId' }, 'bookId');
      const id = repo.transaction(() => {
        let leafId: number | null = null;
        let fromBook = null;
        if (data.bookId !== null) {
          const book = books.get(data.bookId);
          if (!book) throw new AppError('not_found', 'not_found.cheque_book', {}, 'bookId');
          const leaf = books.nextLeaf(book.id);
          if (!leaf) throw new AppError('conflict', 'conflict.book_full', {}, 'bookId');
          leafId = leaf.id;
          fromBook = { ...book, serial: leaf.serial };
        }
        const cols = cleanCheque(data, checks, fromBook);
        checkSayadFree(cols.sayad_id, null);
        const status = INITIAL_STATUS[data.direction];
        const newId = repo.insert({ ...cols, direction: data.direction, status, leaf_id: leafId, now: now(), today: today() });
        event(newId, { kind: 'created', to_status: status, date: today() });
        return newId;
      });
      const r = row(id);
      hooks.alarmChanged(id, alarmText(r));
      changed([id]);
      if (data.bookId !== null) ctx.emit('cheque-books/changed', {});
      return toCheque(r);
    },

    update(id: number, data: ChequeData): Cheque {
      const before = row(id);
      if (data.direction !== before.direction) throw new AppError('validation', 'validation.direction_fixed', { field: 'direction' }, 'direction');
      const leaf = before.leaf_id === null ? undefined : books.leaf(before.leaf_id);
      const book = leaf ? books.get(leaf.book_id) : undefined;
      const cols = cleanCheque(data, checks, book && leaf ? { ...book, serial: leaf.serial } : null);
      checkSayadFree(cols.sayad_id, id);
      const changes = diff(before, cols);
      if (changes.length === 0) return toCheque(before);
      const locked = repo.laterEvents(id) > 0 ? moneyChanges(changes)[0] : undefined;
      if (locked) throw new AppError('conflict', 'conflict.cheque_money_locked', { field: locked.field }, locked.field);
      repo.transaction(() => {
        repo.update(id, { ...cols }, now());
        if (before.due_date !== cols.due_date) repo.rebaseAlarm(id, now());
        event(id, { kind: 'edited', date: today(), changes: JSON.stringify(changes) });
      });
      const after = row(id);
      // A moved due date is a new warning: the waiting one about the old date goes.
      if (before.due_date !== after.due_date) hooks.alarmChanged(id, null);
      hooks.alarmChanged(id, isOpen(after.status) ? alarmText(after) : null);
      changed([id]);
      return toCheque(after);
    },

    delete(id: number): { id: number } {
      const r = row(id);
      if (repo.laterEvents(id) > 0) throw new AppError('conflict', 'conflict.cheque_has_history', {}, 'id');
      const files = repo.images(id).map((i) => i.stored_as);
      repo.delete(id);
      for (const f of files) images.remove(f);
      hooks.alarmChanged(id, null);
      changed([id]);
      if (r.leaf_id !== null) ctx.emit('cheque-books/changed', {});
      return { id };
    },

    /** Amount and parties with a reason: the only way they change once the cheque has history. */
    correct(input: ChequeCorrectionData): Cheque {
      const before = row(input.id);
      const reason = normalizeMultiline(input.reason);
      if (reason === '') throw new AppError('validation', 'validation.correction_reason', {}, 'reason');
      const leaf = before.leaf_id === null ? undefined : books.leaf(before.leaf_id);
      const book = leaf ? books.get(leaf.book_id) : undefined;
      const data = { ...dataOf(before), amount: input.amount, contactId: input.contactId, partyName: input.partyName, partyId: input.partyId };
      const cols = cleanCheque(data, checks, book && leaf ? { ...book, serial: leaf.serial } : null);
      const changes = moneyChanges(diff(before, cols));
      if (changes.length === 0) throw new AppError('validation', 'validation.correction_nothing', { field: 'amount' }, 'amount');
      repo.transaction(() => {
        repo.update(before.id, cols, now());
        event(before.id, { kind: 'corrected', date: today(), note: reason, changes: JSON.stringify(changes) });
      });
      const after = row(before.id);
      hooks.alarmChanged(after.id, isOpen(after.status) ? alarmText(after) : null);
      changed([after.id]);
      return toCheque(after);
    },

    /** Cancels a cheque in any status (the way out for an entry with history), with a reason; it leaves every total. */
    void(input: ChequeVoidData): Cheque {
      const r = row(input.id);
      if (r.status === 'void') throw new AppError('conflict', 'conflict.cheque_void_already', {}, 'status');
      const reason = normalizeMultiline(input.reason);
      if (reason === '') throw new AppError('validation', 'validation.void_reason', {}, 'reason');
      if (input.date > today()) throw new AppError('validation', 'validation.status_future', { field: 'date' }, 'date');
      const last = repo.lastStatusDate(r.id);
      if (last !== null && input.date < last) throw dateError(last, ctx.settings.get().calendar);
      repo.transaction(() => applyStatus(r, { status: 'void', date: input.date, note: reason, counterparty: '', certificate: false }));
      return toCheque(afterStatus([r.id])[0]!);
    },

    setStatus(input: StatusChange & { id: number }): Cheque {
      const r = row(input.id);
      if (!nextStatuses(r.direction, r.status).includes(input.status)) throw statusError(r, input.status);
      if (input.date > today()) throw new AppError('validation', 'validation.status_future', { field: 'date' }, 'date');
      const last = repo.lastStatusDate(r.id);
      if (last !== null && input.date < last) throw dateError(last, ctx.settings.get().calendar);
      repo.transaction(() => applyStatus(r, input));
      return toCheque(afterStatus([r.id])[0]!);
    },

    /**
     * One change for many cheques, all or nothing: every cheque is checked first and every problem is
     * named in one error, so the clerk fixes the selection once instead of meeting the cheques one by one.
     */
    setStatusBatch(input: StatusChange & { ids: number[] }): StatusBatchResult {
      const ids = [...new Set(input.ids)];
      if (input.date > today()) throw new AppError('validation', 'validation.status_future', { field: 'date' }, 'date');
      // Checked and written in one transaction: a refusal (thrown inside) leaves every cheque as it was.
      repo.transaction(() => {
        const rows = ids.map(row);
        const refused = rows.flatMap((r): { r: ChequeRowDb; why: AppError; kind: 'status' | 'date' }[] => {
          if (!nextStatuses(r.direction, r.status).includes(input.status))
            return [{ r, why: wrongType(r, input.status) ?? statusError(r, input.status), kind: 'status' }];
          const last = repo.lastStatusDate(r.id);
          return last !== null && input.date < last ? [{ r, why: dateError(last, ctx.settings.get().calendar), kind: 'date' }] : [];
        });
        if (refused.length > 0) {
          const statusProblem = refused.some((x) => x.kind === 'status');
          const list = (l: Lang) =>
            refused.map((x) => message(l, 'cheques.batch_item', { cheque: chequeRef(x.r, l), why: x.why.toShape(l).message })).join('\n');
          throw new AppError(
            statusProblem ? 'conflict' : 'validation',
            'conflict.cheque_batch',
            {
              count: (l) => formatInteger(refused.length, l),
              total: (l) => formatInteger(rows.length, l),
              list,
            },
            statusProblem ? 'status' : 'date',
          );
        }
        for (const r of rows) applyStatus(r, input);
      });
      afterStatus(ids);
      return { ids, status: input.status };
    },

    addImage(input: { chequeId: number; fileName: string; base64: string; thumbBase64: string }): Cheque {
      row(input.chequeId);
      const img = checkImage(input.base64, input.thumbBase64);
      if (!img.ok) {
        if (img.problem === 'size') throw new AppError('validation', 'validation.image_size', { field: 'base64', max: MAX_IMAGE_MB }, 'base64');
        throw new AppError(
          'validation',
          'validation.image_type',
          { field: img.problem === 'thumb' ? 'thumbBase64' : 'base64' },
          img.problem === 'thumb' ? 'thumbBase64' : 'base64',
        );
      }
      const fileName = normalizeInput(input.fileName) || `scan.${img.mime.slice(6)}`;
      const stored = images.save(input.chequeId, img.mime, img.bytes);
      try {
        repo.transaction(() => {
          repo.addImage({
            cheque_id: input.chequeId,
            file_name: fileName,
            mime: img.mime,
            size: img.bytes.length,
            stored_as: stored,
            thumb: img.thumb,
            added_at: now(),
          });
          event(input.chequeId, { kind: 'edited', date: today(), changes: JSON.stringify([{ field: 'images', from: '', to: fileName }]) });
        });
      } catch (e) {
        images.remove(stored);
        throw e;
      }
      changed([input.chequeId]);
      return toCheque(row(input.chequeId));
    },

    image(id: number): FileOut {
      const i = repo.image(id);
      if (!i) throw new AppError('not_found', 'not_found.cheque_image', {}, 'id');
      return { fileName: i.file_name, mime: i.mime, base64: images.read(i.stored_as).toString('base64'), count: 1 };
    },

    deleteImage(id: number): Cheque {
      const i = repo.image(id);
      if (!i) throw new AppError('not_found', 'not_found.cheque_image', {}, 'id');
      repo.transaction(() => {
        repo.deleteImage(id);
        event(i.cheque_id, { kind: 'edited', date: today(), changes: JSON.stringify([{ field: 'images', from: i.file_name, to: '' }]) });
      });
      images.remove(i.stored_as);
      changed([i.cheque_id]);
      return toCheque(row(i.cheque_id));
    },

    settings: (): ChequeSettings => repo.settings(),
    updateSettings(v: ChequeSettings): ChequeSettings {
      repo.saveSettings(v);
      hooks.pokeAlarms();
      ctx.emit('cheques/changed', { ids: null });
      return repo.settings();
    },

    /** The due-date warnings, for `alarms.addSource`. */
    alarmSource(): AlarmSource {
      return chequeAlarmSource(repo, {
        settings: () => repo.settings(),
        title: (r) => alarmText(r).title,
        detail: (r) => {
          const t = alarmText(r);
          return { place: t.place, note: t.note };
        },
      });
    },
  };
}
