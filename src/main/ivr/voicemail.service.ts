/**
 * Voice mailboxes (per person or department, each with its own greeting) and their messages. A
 * message's audio is a 16-bit 8 kHz WAV in the data folder's voicemail/; the row keeps the caller ID
 * as it arrived, and the contact is matched by number when read (a number added to the phonebook
 * later shows its contact on old messages too). Forwarding copies the row, not the audio.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AudioOut, Mailbox, MailboxInput, Voicemail } from '../../shared/contract/ivr';
import type { ParsedInputOf } from '../../shared/contract/api';
import { formatPhone, normalizePhone } from '../../shared/text/phone';
import type { Pcm } from '../../telephony';
import type { ContactsService } from '../contacts/contacts.service';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { message, type Lang } from '../i18n/messages';
import { audioOut } from './audio/audio-out';
import { durationMs } from './audio/pcm-convert';
import { readPcm16, writeWav } from './audio/wav';
import { createVoicemailRepo, type VoicemailRow } from './voicemail.repo';

export type CallerInfo = { callId: number | null; numberRaw: string; callerName: string };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createVoicemailService(db: Db, ctx: EngineContext, contacts: ContactsService, dataDir: string) {
  const repo = createVoicemailRepo(db);
  const dir = path.join(dataDir, 'voicemail');
  const now = () => ctx.clock().getTime();
  const changed = () => ctx.emit('voicemail/changed', { unheard: repo.unheard() });

  function box(id: number) {
    const b = repo.box(id);
    if (!b) throw new AppError('not_found', 'not_found.mailbox', {}, 'mailboxId');
    return b;
  }
  function row(id: number): VoicemailRow {
    const r = repo.get(id);
    if (!r) throw new AppError('not_found', 'not_found.voicemail', {}, 'id');
    return r;
  }

  function toView(r: VoicemailRow): Voicemail {
    const region = ctx.settings.phoneRegion();
    const n = r.number_raw ? normalizePhone(r.number_raw, region) : null;
    const match = r.number_raw && n ? contacts.findByPhone(r.number_raw, null)[0] : undefined;
    return {
      id: r.id,
      mailboxId: r.mailbox_id,
      mailboxName: r.mailbox_name,
      callId: r.call_id,
      receivedAt: iso(r.received_at)!,
      durationMs: r.duration_ms,
      numberRaw: r.number_raw,
      numberDisplay: n ? formatPhone(n, region) : r.number_raw,
      callerName: r.caller_name,
      contactId: match?.contactId ?? null,
      contactName: match?.displayName ?? null,
      heard: r.heard === 1,
      note: r.note,
      attachedAt: iso(r.attached_at),
      forwardedFrom: r.forwarded_from,
    };
  }

  function checkName(name: string, selfId: number | null) {
    const other = repo.boxByName(name);
    if (other && other.id !== selfId) throw new AppError('conflict', 'conflict.mailbox_name', { value: name }, 'name');
  }

  const fileOf = (r: VoicemailRow) => path.join(dir, path.basename(r.file));

  return {
    mailboxes: (): Mailbox[] =>
      repo.boxes().map((b) => ({ id: b.id, name: b.name, kind: b.kind, greetingPromptId: b.greeting_prompt_id, total: b.total, unheard: b.unheard })),
    greetingOf: (mailboxId: number): number | null => repo.box(mailboxId)?.greeting_prompt_id ?? null,
    exists: (mailboxId: number) => !!repo.box(mailboxId),
    createMailbox(d: Required<MailboxInput>): Mailbox {
      checkName(d.name, null);
      const id = repo.insertBox(d.name, d.kind, d.greetingPromptId, ctx.clock().toISOString());
      changed();
      return this.mailboxes().find((b) => b.id === id)!;
    },
    updateMailbox(id: number, d: Required<MailboxInput>): Mailbox {
      box(id);
      checkName(d.name, id);
      repo.updateBox(id, d.name, d.kind, d.greetingPromptId);
      changed();
      return this.mailboxes().find((b) => b.id === id)!;
    },
    deleteMailbox(id: number): { id: number } {
      box(id);
      const files = repo.filesOfBox(id);
      repo.deleteBox(id);
      for (const f of files) if (repo.fileUsers(f) === 0) rmQuiet(path.join(dir, path.basename(f)));
      changed();
      return { id };
    },
    /** Stores a message the IVR recorded; returns its id. */
    save(mailboxId: number, pcm: Pcm, caller: CallerInfo): number {
      box(mailboxId);
      mkdirSync(dir, { recursive: true });
      const t = now();
      const file = `${new Date(t).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.wav`;
      writeFileSync(path.join(dir, file), writeWav(pcm));
      const n = caller.numberRaw ? normalizePhone(caller.numberRaw, ctx.settings.phoneRegion()) : null;
      const id = repo.insert({
        mailboxId,
        callId: caller.callId,
        receivedAt: t,
        durationMs: durationMs(pcm),
        file,
        numberRaw: caller.numberRaw,
        numberKey: n?.key ?? '',
        callerName: caller.callerName,
        forwardedFrom: null,
      });
      changed();
      return id;
    },
    list: (q: ParsedInputOf<'voicemail/list'>): Voicemail[] => repo.list(q.mailboxId, q.callId, q.unheardOnly, q.limit).map(toView),
    get: (id: number): Voicemail => toView(row(id)),
    unheard: () => ({ unheard: repo.unheard() }),
    audio(id: number): AudioOut {
      const f = fileOf(row(id));
      if (!existsSync(f)) throw new AppError('not_found', 'not_found.voicemail_audio', {}, 'id');
      return audioOut(readFileSync(f));
    },
    /** The caller's audio, for tests and the sound-card test. */
    pcm: (id: number): Pcm => readPcm16(readFileSync(fileOf(row(id)))).pcm,
    setHeard(id: number, heard: boolean): Voicemail {
      row(id);
      repo.setHeard(id, heard);
      changed();
      return toView(row(id));
    },
    setNote(id: number, note: string): Voicemail {
      row(id);
      repo.setNote(id, note.trim());
      changed();
      return toView(row(id));
    },
    /** Adds a note to the matched contact's timeline and marks the message attached. */
    attach(id: number, lang: Lang): Voicemail {
      const v = toView(row(id));
      if (v.contactId === null) throw new AppError('validation', 'voicemail.no_contact', {}, 'id');
      const secs = Math.round(v.durationMs / 1000);
      const body = message(lang, 'voicemail.timeline_note', {
        mailbox: v.mailboxName,
        number: v.numberDisplay,
        duration: `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`,
        note: v.note ? ` — ${v.note}` : '',
      });
      contacts.addNote(v.contactId, body, '');
      repo.setAttached(id, now());
      ctx.emit('contacts/changed', { ids: [v.contactId] });
      changed();
      return toView(row(id));
    },
    forward(id: number, mailboxId: number): Voicemail {
      const r = row(id);
      box(mailboxId);
      if (mailboxId === r.mailbox_id) throw new AppError('validation', 'voicemail.same_mailbox', {}, 'mailboxId');
      const copy = repo.insert({
        mailboxId,
        callId: r.call_id,
        receivedAt: r.received_at,
        durationMs: r.duration_ms,
        file: r.file,
        numberRaw: r.number_raw,
        numberKey: r.number_key,
        callerName: r.caller_name,
        forwardedFrom: r.mailbox_name,
      });
      changed();
      return toView(row(copy));
    },
    delete(id: number): { id: number } {
      const r = row(id);
      repo.delete(id);
      if (repo.fileUsers(r.file) === 0) rmQuiet(fileOf(r));
      changed();
      return { id };
    },
  };
}

function rmQuiet(f: string) {
  try {
    unlinkSync(f);
  } catch {
    // already gone
  }
}

export type VoicemailService = ReturnType<typeof createVoicemailService>;
