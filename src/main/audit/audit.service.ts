/**
 * The audit trail (issue 18). Triggers catch every row change of the data tables (audit-triggers.ts);
 * the gate runs each writing request through `runWriting`, which turns what the request changed into
 * entries signed with its actor, in the same transaction as the request's own writes (so a save costs
 * one commit, as before). Changes the engine makes on its own (a call logged, an alarm rung) are
 * written as the system's when the engine announces them (an event), before the next request, on a
 * timer and at close. An import writes its rows unseen and leaves one entry (`bulk`).
 */
import os from 'node:os';
import type { AuditCheck, AuditEntry, AuditList } from '../../shared/contract/audit';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { Db } from '../db/database';
import type { Actor } from '../kernel/handlers';
import type { BulkNote } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { checkChain, entryHash, GENESIS } from './audit-chain';
import { draftEntries, type Draft } from './audit-drain';
import { createAuditRepo, parseChanges, type EntryRow } from './audit.repo';
import { dropCaptureTriggers, ensureCaptureTriggers, tableColumns } from './audit-triggers';

type Who = { kind: 'person' | 'system'; actor: Actor; request: string };

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService(
  db: Db,
  deps: {
    /** Wall-clock time of an entry: when it really happened, whatever the engine's injected clock says (a demo's moved one). */
    now: () => number;
    userName: () => string;
    log: Logger;
    writable: boolean;
    enabled?: boolean;
  },
) {
  const repo = createAuditRepo(db);
  const enabled = deps.enabled ?? true;
  const pc = os.hostname();
  if (deps.writable) {
    ensureCaptureTriggers(db);
    // Capture is off only inside an import's own transaction; off here means a crash left it so.
    if (!repo.capturing()) repo.setCapture(true);
    // Only the benchmark's "without the trail" runs so (in its own folder); the next start makes them again.
    if (!enabled) dropCaptureTriggers(db);
  }
  const pks = new Map<string, string[]>();
  const primaryKey = (t: string) => {
    let pk = pks.get(t);
    if (!pk) {
      pk = tableColumns(db, t)
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      pks.set(t, pk);
    }
    return pk;
  };
  /** Notes of bulk writes (an import) of the running request, written with its entries. */
  let notes: Draft[] = [];
  /** Writing requests still going on asynchronously: what is written meanwhile is theirs (see known-gaps). */
  let pendingAsync = 0;
  const system = (): Who => ({ kind: 'system', actor: { userId: null, name: 'system', pc }, request: 'engine' });

  function write(drafts: Draft[], who: Who): void {
    const last = repo.last();
    let id = (last?.id ?? 0) + 1;
    let prev = last?.hash ?? GENESIS;
    const at = deps.now();
    for (const d of drafts) {
      const row = {
        id,
        at,
        actor_kind: who.kind,
        user_id: who.actor.userId,
        actor_name: who.actor.name,
        pc: who.actor.pc,
        request: who.request,
        record_type: d.recordType,
        record_id: d.recordId,
        record_name: d.recordName,
        action: d.action,
        changes: JSON.stringify(d.changes),
        prev_hash: prev,
      };
      const hash = entryHash(row);
      repo.insert({ ...row, hash });
      prev = hash;
      id++;
    }
  }

  /** Turns the caught changes (and bulk notes) into entries for `who`; inside the caller's transaction. */
  function drain(who: Who): void {
    const bulk = notes;
    notes = [];
    if (!repo.hasChanges()) {
      if (bulk.length) write(bulk, who);
      return;
    }
    const caught = repo.changes();
    const drafts = draftEntries(db, caught, primaryKey);
    write([...bulk, ...drafts], who);
    repo.clearChanges(caught[caught.length - 1]!.seq);
  }

  /** BEGIN … COMMIT as better-sqlite3 makes it, for the trail's own transactions (not hooked). */
  const plainTransaction = db.transaction.bind(db);
  /** Who the changes being written now belong to; null: leave them caught until a request settles. */
  const owner = (): Who | null => current ?? (pendingAsync > 0 ? null : system());
  let current: Who | null = null;

  /** The engine's own changes, in a transaction of their own (never inside a request's). */
  function flushSystem(): void {
    if (!enabled || current || pendingAsync > 0 || db.inTransaction || !db.open || !repo.hasChanges()) return;
    try {
      plainTransaction(() => drain(system()))();
    } catch (e) {
      deps.log.error('audit: writing the engine’s changes failed (tried again later)', e);
    }
  }

  /** Writes what is caught (and bulk notes) for `who` in a transaction of its own, when there is anything. */
  function settle(who: Who): void {
    if (!db.open || (notes.length === 0 && !repo.hasChanges())) return;
    plainTransaction(() => drain(who))();
  }

  /*
   * Every transaction a service opens (db.transaction, its outermost call) writes the entries for what
   * it changed before it commits: one commit for the save and its entries, and no outer transaction
   * around the request (which would turn the service's transaction into a savepoint, whose page copies
   * made an import's commit twice as slow). Installed before any service prepares its transactions.
   */
  if (enabled && deps.writable) {
    let depth = 0;
    const hooked = ((fn: (...args: unknown[]) => unknown) =>
      plainTransaction((...args: unknown[]) => {
        depth++;
        try {
          const result = fn(...args);
          const who = depth === 1 ? owner() : null;
          if (who) drain(who);
          return result;
        } finally {
          depth--;
        }
      })) as Db['transaction'];
    db.transaction = hooked;
  }

  return {
    /** The actor of a request that names none: the office's local user on this PC. */
    localActor: (): Actor => ({ userId: null, name: deps.userName(), pc }),

    /**
     * Runs a writing request: what its transactions change is recorded in them, signed by `actor`;
     * writes it made outside a transaction are recorded when it returns (or, for a handler that goes on
     * asynchronously, when it settles; meanwhile the engine's own writes wait and are counted as its).
     */
    runWriting(method: string, actor: Actor, call: () => unknown): unknown {
      if (!enabled || current) return call();
      flushSystem();
      const who: Who = { kind: 'person', actor, request: method };
      current = who;
      let result: unknown;
      try {
        result = call();
      } catch (e) {
        current = null;
        settle(who);
        throw e;
      }
      current = null;
      if (result instanceof Promise) {
        pendingAsync++;
        const after = () => {
          pendingAsync--;
          settle(who);
        };
        return result.then(
          (v: unknown) => (after(), v),
          (e: unknown) => {
            after();
            throw e;
          },
        );
      }
      settle(who);
      return result;
    },

    /** Writes many rows unseen by the triggers and records them as one entry (an import of a file). */
    bulk<T>(fn: () => T, note: (result: T) => BulkNote): T {
      if (!enabled) return fn();
      repo.setCapture(false);
      let result: T;
      try {
        result = fn();
      } finally {
        repo.setCapture(true);
      }
      const n = note(result);
      notes.push({ recordType: n.recordType, recordId: '', recordName: n.recordName, action: 'bulk', changes: n.changes });
      if (!current && !db.inTransaction) settle(system());
      return result;
    },

    flushSystem,

    list(input: ParsedInputOf<'audit/list'>): AuditList {
      const dayStart = (iso: string) => (iso ? new Date(`${iso}T00:00:00`).getTime() : null);
      const to = dayStart(input.to);
      const rows = repo.list({
        actorKind: input.actor === 'all' ? null : input.actor,
        person: input.person,
        recordType: input.recordType,
        record: input.record.trim(),
        fromMs: dayStart(input.from),
        toMs: to === null ? null : to + 86_400_000,
        before: input.before,
        limit: input.limit,
      });
      return { entries: rows.map(toEntry), people: repo.people(), recordTypes: repo.recordTypes() };
    },

    check,
  };

  function check(): AuditCheck {
    return checkChain(repo.all());
  }
}

function toEntry(r: EntryRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actorKind: r.actor_kind === 'system' ? 'system' : 'person',
    userId: r.user_id,
    actorName: r.actor_name,
    pc: r.pc,
    request: r.request,
    recordType: r.record_type,
    recordId: r.record_id,
    recordName: r.record_name,
    action: r.action as AuditEntry['action'],
    changes: parseChanges(r.changes),
  };
}
