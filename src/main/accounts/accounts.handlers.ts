import { hostname } from 'node:os';
import type { accountsApi } from '../../shared/contract/accounts.api';
import type { Handlers, HandlerContext } from '../kernel/handlers';
import type { SettingsService } from '../settings/settings.service';
import type { EngineContext } from '../kernel/context';
import type { AccountsService } from './accounts.service';

export type AccountsDeps = { accounts: AccountsService; settings: SettingsService; ctx: EngineContext };

/** The gate always passes the caller; a handler called without one (a unit test) is this PC's own session. */
const callerOf = (hc: HandlerContext) => hc.caller ?? { session: 'local', pc: hostname() };

/** The handlers of `accountsApi` (src/shared/contract/accounts.api.ts). */
export function accountsHandlers({ accounts, settings, ctx }: AccountsDeps): Handlers<typeof accountsApi> {
  return {
    'accounts/state': (_i, hc) => accounts.state(callerOf(hc)),
    'accounts/sign-in': ({ name, password }, hc) => accounts.signIn(callerOf(hc), name, password),
    'accounts/switch': ({ name, pin }, hc) => accounts.switchUser(callerOf(hc), name, pin),
    'accounts/sign-out': (_i, hc) => accounts.signOut(callerOf(hc)),
    'accounts/lock': (_i, hc) => accounts.lock(callerOf(hc)),
    'accounts/recover': ({ code, name, password }) => accounts.recover(code, name, password),
    'accounts/preferences': (patch) => {
      const next = settings.update(patch);
      ctx.emit('settings/changed', next);
      return { ok: true };
    },
    'accounts/enable': (first, hc) => accounts.enable(callerOf(hc), first),
    'accounts/settings-update': ({ idleLockMinutes }, hc) => accounts.settingsUpdate(callerOf(hc), idleLockMinutes),
    'users/list': () => accounts.list(),
    'users/create': (u) => accounts.create(u),
    'users/update': (patch) => accounts.update(patch),
    'users/reset-password': ({ id, password }) => accounts.resetPassword(id, password),
  };
}
