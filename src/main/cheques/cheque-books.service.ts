/**
 * The office's own cheque books: defined by bank, account, series, first leaf number and leaf count,
 * so every leaf exists before it is written. Paid cheques take the next blank leaf
 * (cheques.service.ts); a blank leaf can be marked void or lost with a date and a note.
 */
import type { ChequeBook, ChequeLeaf } from '../../shared/contract/cheques';
import { isoDateOf } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { createChequeBooksRepo, type BookRowDb, type LeafRowDb } from './cheque-books.repo';
import { cleanBank } from './cheque.validate';

export type ChequeBooksService = ReturnType<typeof createChequeBooksService>;

/** Serials of `count` leaves from `first`, each as wide as `first` (leading zeros kept). */
export function leafSerials(first: string, count: number): string[] {
  const start = BigInt(first);
  return Array.from({ length: count }, (_, i) => (start + BigInt(i)).toString().padStart(first.length, '0'));
}

export function createChequeBooksService(db: Db, ctx: EngineContext) {
  const repo = createChequeBooksRepo(db);
  const changed = () => ctx.emit('cheque-books/changed', {});

  function toBook(b: BookRowDb): ChequeBook {
    const next = repo.nextLeaf(b.id);
    return {
      id: b.id,
      bankCode: b.bank_code as ChequeBook['bankCode'],
      bankName: b.bank_name,
      branch: b.branch,
      account: b.account,
      series: b.series,
      firstSerial: b.first_serial,
      lastSerial: leafSerials(b.first_serial, b.leaf_count).at(-1)!,
      leafCount: b.leaf_count,
      note: b.note,
      counts: repo.counts(b.id),
      nextLeaf: next ? { id: next.id, serial: next.serial } : null,
      createdAt: b.created_at,
    };
  }

  function toLeaf(l: LeafRowDb): ChequeLeaf {
    const used = l.cheque_id !== null;
    return {
      id: l.id,
      position: l.position,
      serial: l.serial,
      state: used ? 'used' : (l.mark ?? 'blank'),
      note: l.mark_note,
      markedOn: l.marked_on,
      cheque: used
        ? {
            id: l.cheque_id!,
            status: l.status as NonNullable<ChequeLeaf['cheque']>['status'],
            amount: l.amount!,
            partyName: l.party_name!,
            dueDate: l.due_date,
          }
        : null,
    };
  }

  function book(id: number): BookRowDb {
    const b = repo.get(id);
    if (!b) throw new AppError('not_found', 'not_found.cheque_book', {}, 'id');
    return b;
  }

  return {
    list: (): ChequeBook[] => repo.list().map(toBook),
    get: (id: number): ChequeBook => toBook(book(id)),
    create(data: {
      bankCode: string | null;
      bankName: string;
      branch: string;
      account: string;
      series: string;
      firstSerial: string;
      leafCount: number;
      note: string;
    }): ChequeBook {
      const bank = cleanBank(data.bankCode, data.bankName);
      const account = toAsciiDigits(normalizeInput(data.account));
      if (account === '') throw new AppError('validation', 'validation.generic', { field: 'account' }, 'account');
      const first = toAsciiDigits(data.firstSerial).replace(/[\s\u200c-]/g, '');
      if (!/^\d{1,15}$/.test(first)) throw new AppError('validation', 'validation.serial_digits', { field: 'firstSerial' }, 'firstSerial');
      const serials = leafSerials(first, data.leafCount);
      if (serials.at(-1)!.length > first.length)
        throw new AppError('validation', 'validation.serial_overflow', { field: 'firstSerial', max: first.length }, 'firstSerial');
      const id = repo.insert(
        {
          bank_code: bank.bank_code,
          bank_name: bank.bank_name,
          branch: normalizeInput(data.branch),
          account,
          series: toAsciiDigits(normalizeInput(data.series)),
          first_serial: first,
          leaf_count: data.leafCount,
          note: normalizeMultiline(data.note),
          created_at: ctx.clock().toISOString(),
        },
        serials,
      );
      changed();
      return toBook(book(id));
    },
    /** Only a book no cheque was written from ('conflict' otherwise). */
    delete(id: number): { id: number } {
      book(id);
      if (repo.usedCount(id) > 0) throw new AppError('conflict', 'conflict.book_in_use', {}, 'id');
      repo.delete(id);
      changed();
      return { id };
    },
    leaves: (bookId: number): ChequeLeaf[] => (book(bookId), repo.leaves(bookId).map(toLeaf)),
    markLeaf(input: { leafId: number; state: 'void' | 'lost'; date: string; note: string }): ChequeLeaf {
      const l = repo.leaf(input.leafId);
      if (!l) throw new AppError('not_found', 'not_found.cheque_leaf', {}, 'leafId');
      if (input.date > isoDateOf(ctx.clock())) throw new AppError('validation', 'validation.status_future', { field: 'date' }, 'date');
      if (l.cheque_id !== null || l.mark !== null || !repo.mark(l.id, input.state, normalizeMultiline(input.note), input.date)) {
        throw new AppError('conflict', 'conflict.leaf_not_blank', {}, 'leafId');
      }
      changed();
      return toLeaf(repo.leaf(l.id)!);
    },
  };
}
