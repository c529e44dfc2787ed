/**
 * "To call back" (issue 19): one row per number whose missed calls nobody returned, newest first, with
 * the contact and the last call; a call back clears a number by itself (line-calls.ts marks the
 * missed calls returned when a later call with the number is answered or connects), and the front
 * desk may dismiss one.
 */
import type { CallbackList } from '../../shared/contract/callbacks';
import type { ParsedInputOf } from '../../shared/contract/api';
import { actorName } from '../kernel/actor';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Db } from '../db/database';
import type { CallsService } from './calls.service';
import { createCallbacksRepo } from './callbacks.repo';

const DAY = 86_400_000;

export function createCallbacksService(db: Db, ctx: EngineContext, calls: CallsService) {
  const repo = createCallbacksRepo(db);
  return {
    list({ days, limit }: ParsedInputOf<'calls/to-call-back'>): CallbackList {
      const since = ctx.clock().getTime() - days * DAY;
      const rows = repo.groups(since, limit).map((g) => {
        const last = calls.get(g.last_id);
        return {
          numberKey: g.number_key,
          numberRaw: last.numberRaw,
          numberDisplay: last.numberDisplay,
          callerName: last.callerName,
          contactId: last.contactId,
          contactName: last.contactName,
          missed: g.missed,
          firstAt: new Date(g.first_at).toISOString(),
          lastAt: new Date(g.last_at).toISOString(),
          lastCallId: g.last_id,
          lineName: last.lineName,
        };
      });
      const total = rows.length < limit ? rows.length : repo.numbers(since);
      return { rows, total, withheld: repo.withheld(since) };
    },

    dismiss(numberKey: string): { dismissed: number } {
      const dismissed = repo.dismiss(numberKey, ctx.clock().getTime(), actorName(ctx));
      if (dismissed === 0) throw new AppError('not_found', 'not_found.callback', {}, 'numberKey');
      ctx.emit('calls/callbacks-changed', { numberKey });
      return { dismissed };
    },
  };
}

export type CallbacksService = ReturnType<typeof createCallbacksService>;
