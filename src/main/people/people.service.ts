/**
 * People files: personnel, customers and job applicants, each tied to one phonebook contact. The
 * contact keeps name, phones, address and the timeline notes; the file keeps its number, dates,
 * national ID, referrer, photo, documents, and for applicants the application and interview notes.
 * Hiring gives the applicant's contact a staff file (nothing retyped) and marks the applicant hired.
 */
import { authorName } from '../kernel/actor';
import type { ContactData } from '../../shared/contract/contacts';
import type { FileOut } from '../../shared/contract/io';
import {
  type Application,
  type ApplicantStatus,
  type DocumentInfo,
  type FileData,
  type FileKind,
  type FileList,
  type FileRef,
  type FileSummary,
  type PersonFile,
  type InterviewNote,
  MAX_ATTACHMENT_BYTES,
} from '../../shared/contract/people';
import { isoDateOf } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { foldForSearch, normalizeInput, normalizeMultiline, searchWords } from '../../shared/text/normalize';
import { displayPhone, looksLikePhone, phoneQueryPrefix } from '../../shared/text/phone';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { ContactsService } from '../contacts/contacts.service';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { cleanFile, cleanFileNo, emptyApplication } from './file.validate';
import { createPeopleRepo, type FileFilter, type FileRow, type SummaryRow } from './people.repo';
import { cleanPin, hashPin, pinMatches } from './pin';

export type PeopleService = ReturnType<typeof createPeopleService>;

const notFound = () => new AppError('not_found', 'not_found.file', {}, 'id');

export function createPeopleService(db: Db, ctx: EngineContext, contacts: ContactsService) {
  const repo = createPeopleRepo(db);
  const now = () => ctx.clock().toISOString();
  const today = () => isoDateOf(ctx.clock());
  const changed = (ids: number[]) => ctx.emit('people/changed', { ids });

  function row(id: number): FileRow {
    const r = repo.get(id);
    if (!r) throw notFound();
    return r;
  }

  const refOf = (id: number | null): FileRef | null => {
    if (id === null) return null;
    const r = repo.ref(id);
    return r ? { id: r.id, kind: r.kind, fileNo: r.file_no, displayName: r.display_name } : null;
  };

  function get(id: number): PersonFile {
    const r = row(id);
    const documents: DocumentInfo[] = repo.documents(id).map((d) => ({ id: d.id, name: d.name, mime: d.mime, size: d.size, addedAt: d.added_at }));
    const interviews: InterviewNote[] = repo
      .interviews(id)
      .map((n) => ({ id: n.id, fileId: n.file_id, contactId: r.contact_id, body: n.body, author: n.author, createdAt: n.created_at }));
    return {
      id: r.id,
      kind: r.kind,
      fileNo: r.file_no,
      registeredOn: r.registered_on,
      nationalId: r.national_id,
      referrer: refOf(r.referrer_file_id),
      referrerText: r.referrer_text,
      status: r.status,
      application: r.application ? { ...emptyApplication(), ...(JSON.parse(r.application) as Partial<Application>) } : null,
      scheduleId: r.schedule_id,
      active: r.active === 1,
      hasPin: r.pin_hash !== null,
      hasPhoto: repo.hasPhoto(id),
      contact: contacts.get(r.contact_id),
      documents,
      interviews,
      related: repo
        .filesOfContact(r.contact_id)
        .filter((f) => f.id !== id)
        .map((f) => ({ id: f.id, kind: f.kind, fileNo: f.file_no, displayName: f.display_name })),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  const summaryOf = (r: SummaryRow): FileSummary => ({
    id: r.id,
    kind: r.kind,
    fileNo: r.file_no,
    registeredOn: r.registered_on,
    contactId: r.contact_id,
    displayName: r.display_name,
    phone: r.phone ? displayPhone(r.phone, ctx.settings.phoneRegion()) : '',
    nationalId: r.national_id,
    referrer: r.referrer_name ?? r.referrer_text,
    status: r.status,
    position: r.application ? String((JSON.parse(r.application) as Partial<Application>).position ?? '') : '',
    active: r.active === 1,
    hasPhoto: r.has_photo === 1,
  });

  /** Contact errors name their field under 'contact.' so the form shows them in the right place. */
  function withContactField<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof AppError && e.field !== undefined && e.field !== 'id') throw new AppError(e.code, e.key, e.params, `contact.${e.field}`);
      throw e;
    }
  }

  function resolveContact(data: FileData, selfId: number | null, currentContact: number | null): number {
    if (currentContact !== null) {
      if (data.contact) withContactField(() => contacts.update(currentContact, data.contact as ContactData));
      return currentContact;
    }
    if (data.contactId !== null) {
      if (!repo.contactExists(data.contactId)) throw validationError('validation.unknown_contact', 'contactId');
      return data.contactId;
    }
    if (!data.contact) throw validationError('validation.file_person', 'contactId');
    return withContactField(() => contacts.create(data.contact as ContactData)).id;
  }

  function assertOneFilePerKind(kind: FileKind, contactId: number, selfId: number | null): void {
    const other = repo.idByContact(kind, contactId);
    if (other === null || other === selfId) return;
    const o = repo.get(other)!;
    throw new AppError('conflict', 'conflict.file_exists', { number: o.file_no, kind: (lang) => kindName(lang, kind) }, 'contactId');
  }

  function search(q: ParsedInputOf<'people/search'>): FileList {
    const filters: FileFilter[] = [{ sql: 'f.kind = ?', params: [q.kind] }];
    const text = q.text.trim();
    if (text !== '') {
      const ascii = toAsciiDigits(text).replace(/[\s-]/g, '');
      if (looksLikePhone(text)) {
        const prefix = phoneQueryPrefix(text, ctx.settings.phoneRegion());
        filters.push({
          sql: `(f.file_no = ? OR f.national_id LIKE ? OR (? <> '' AND instr('|' || c.search_text, '|' || ?) > 0))`,
          params: [ascii, `${ascii}%`, prefix, prefix],
        });
      } else {
        for (const w of new Set(searchWords(foldForSearch(text)))) {
          filters.push({ sql: `(instr('|' || c.search_text, '|' || ?) > 0 OR f.file_no = ?)`, params: [w, cleanFileNo(text)] });
        }
      }
    }
    if (q.fileNo.trim() !== '') filters.push({ sql: 'f.file_no = ?', params: [cleanFileNo(q.fileNo)] });
    for (const w of new Set(searchWords(foldForSearch(q.referrer)))) {
      filters.push({
        sql:
          `instr('|' || COALESCE((SELECT rc.search_text FROM person_files r JOIN contacts rc ON rc.id = r.contact_id WHERE r.id = f.referrer_file_id), ` +
          `'') || '|' || f.referrer_terms, '|' || ?) > 0`,
        params: [w],
      });
    }
    if (q.from) filters.push({ sql: 'f.registered_on >= ?', params: [q.from] });
    if (q.to) filters.push({ sql: 'f.registered_on <= ?', params: [q.to] });
    if (q.status) filters.push({ sql: 'f.status = ?', params: [q.status] });
    const { rows, total } = repo.search(filters, q.offset, q.limit);
    return { items: rows.map(summaryOf), total };
  }

  return {
    repo,
    get,
    search,
    nextNumber: (kind: FileKind): string => String(repo.maxNumber(kind) + 1),
    ofContact: (contactId: number): FileRef[] =>
      repo.filesOfContact(contactId).map((f) => ({ id: f.id, kind: f.kind, fileNo: f.file_no, displayName: f.display_name })),
    create(data: FileData): PersonFile {
      const id = db.transaction(() => {
        const contactId = resolveContact(data, null, null);
        assertOneFilePerKind(data.kind, contactId, null);
        const cols = cleanFile(data, { repo, today: today(), selfId: null, contactId });
        return repo.insert(cols, now());
      })();
      changed([id]);
      return get(id);
    },
    update(id: number, data: FileData): PersonFile {
      const current = row(id);
      db.transaction(() => {
        resolveContact(data, id, current.contact_id);
        const cols = cleanFile({ ...data, kind: current.kind }, { repo, today: today(), selfId: id, contactId: current.contact_id });
        repo.update(id, cols, now());
      })();
      changed([id]);
      return get(id);
    },
    /** Deletes the file with its photo, documents, interview notes and attendance; the contact stays in the phonebook. */
    delete(id: number): { id: number } {
      if (!repo.delete(id)) throw notFound();
      changed([id]);
      return { id };
    },
    setStatus(id: number, status: ApplicantStatus): PersonFile {
      const r = row(id);
      if (r.kind !== 'applicant') throw validationError('validation.not_applicant', 'status');
      repo.setStatus(id, status, now());
      changed([id]);
      return get(id);
    },
    /** Gives the applicant's person a staff file (same contact, national ID, referrer and photo) and marks the applicant hired. */
    hire(input: ParsedInputOf<'people/hire'>): PersonFile {
      const a = row(input.id);
      if (a.kind !== 'applicant') throw validationError('validation.not_applicant', 'id');
      const staffId = db.transaction(() => {
        assertOneFilePerKind('staff', a.contact_id, null);
        const cols = cleanFile(
          {
            kind: 'staff',
            contactId: a.contact_id,
            contact: null,
            fileNo: input.fileNo,
            registeredOn: input.registeredOn,
            nationalId: a.national_id,
            referrerFileId: a.referrer_file_id,
            referrerText: a.referrer_text,
            status: 'new',
            application: null,
            scheduleId: input.scheduleId,
            active: true,
          },
          { repo, today: today(), selfId: null, contactId: a.contact_id },
        );
        const sid = repo.insert(cols, now());
        repo.copyPhoto(sid, a.id);
        repo.setStatus(a.id, 'hired', now());
        return sid;
      })();
      changed([a.id, staffId]);
      return get(staffId);
    },
    photo(id: number): { mime: string; base64: string } | null {
      row(id);
      const p = repo.photo(id);
      return p ? { mime: p.mime, base64: p.data.toString('base64') } : null;
    },
    setPhoto(id: number, base64: string | null, mime: string): PersonFile {
      row(id);
      if (base64 === null) repo.deletePhoto(id);
      else {
        const data = Buffer.from(base64, 'base64');
        if (data.length === 0) throw validationError('validation.empty_file', 'photo');
        if (data.length > MAX_ATTACHMENT_BYTES) throw validationError('validation.file_too_big', 'photo', { max: 10 });
        repo.setPhoto(id, mime, data);
      }
      changed([id]);
      return get(id);
    },
    addDocument(fileId: number, name: string, mime: string, base64: string): PersonFile {
      row(fileId);
      const data = Buffer.from(base64, 'base64');
      if (data.length === 0) throw validationError('validation.empty_file', 'document');
      if (data.length > MAX_ATTACHMENT_BYTES) throw validationError('validation.file_too_big', 'document', { max: 10 });
      repo.addDocument(fileId, normalizeInput(name), mime || 'application/octet-stream', data, now());
      changed([fileId]);
      return get(fileId);
    },
    document(id: number): FileOut {
      const d = repo.document(id);
      if (!d) throw new AppError('not_found', 'not_found.document', {}, 'id');
      return { fileName: d.name, mime: d.mime, base64: d.data.toString('base64'), count: 1 };
    },
    deleteDocument(id: number): PersonFile {
      const d = repo.document(id);
      if (!d) throw new AppError('not_found', 'not_found.document', {}, 'id');
      repo.deleteDocument(id);
      changed([d.file_id]);
      return get(d.file_id);
    },
    addInterview(fileId: number, body: string, author: string): PersonFile {
      const r = row(fileId);
      if (r.kind !== 'applicant') throw validationError('validation.not_applicant', 'fileId');
      const text = normalizeMultiline(body);
      if (text === '') throw validationError('validation.empty_note', 'body');
      repo.addInterview(fileId, text, authorName(ctx, author), now());
      changed([fileId]);
      return get(fileId);
    },
    deleteInterview(id: number): PersonFile {
      const n = repo.interview(id);
      if (!n) throw new AppError('not_found', 'not_found.note', {}, 'id');
      repo.deleteInterview(id);
      changed([n.file_id]);
      return get(n.file_id);
    },
    setPin(id: number, pin: string | null): PersonFile {
      const r = row(id);
      if (r.kind !== 'staff') throw validationError('validation.not_staff', 'id');
      if (pin === null || pin.trim() === '') repo.setPin(id, null, now());
      else {
        const clean = cleanPin(pin);
        if (!clean) throw validationError('validation.pin', 'pin');
        repo.setPin(id, hashPin(clean), now());
      }
      changed([id]);
      return get(id);
    },
    /** Throws 'auth' (field 'pin') when the staff member has a PIN and `pin` is not it. */
    checkPin(id: number, pin: string): void {
      const r = row(id);
      if (r.pin_hash !== null && !pinMatches(pin, r.pin_hash)) throw new AppError('auth', 'auth.pin', {}, 'pin');
    },
    /** Refuses to let the phonebook delete a person who has a file (their file would lose its name). */
    assertContactDeletable(contactId: number): void {
      const files = repo.filesOfContact(contactId);
      const f = files[0];
      if (f) throw new AppError('conflict', 'conflict.contact_has_file', { number: f.file_no, kind: (lang) => kindName(lang, f.kind) }, 'id');
    },
  };
}

export function kindName(lang: 'fa' | 'en', kind: FileKind): string {
  const names: Record<FileKind, [string, string]> = {
    staff: ['پرسنلی', 'personnel'],
    customer: ['مشتری', 'customer'],
    applicant: ['متقاضی استخدام', 'job applicant'],
  };
  return names[kind][lang === 'fa' ? 0 : 1];
}
