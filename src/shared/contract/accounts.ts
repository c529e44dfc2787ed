/** Accounts and roles (issue 18): the shapes the UI and the engine share. */
import { z } from 'zod';

/** Ordered: each role holds everything of the one before it. */
export const ROLES = ['front-desk', 'clerk', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** Per user, on top of the role (a manager has them all). */
export const EXTRAS = ['print-cheques', 'export', 'listen', 'delete'] as const;
export type Extra = (typeof EXTRAS)[number];

/** 'open': a single-user office with no passwords; 'accounts': everyone signs in. */
export type AccountsMode = 'open' | 'accounts';

export type UserRow = { id: number; name: string; role: Role; extras: Extra[]; hasPin: boolean; disabled: boolean; createdAt: string };

/** What a session (a browser, an app window) is: who is signed in, whether it is locked, and what it may ask. */
export type SessionState = {
  mode: AccountsMode;
  user: { id: number; name: string; role: Role; extras: Extra[] } | null;
  locked: boolean;
  /** Minutes without a key or a click before the UI locks (0: never). */
  idleLockMinutes: number;
  /** The requests this session may make (the UI hides what is not here; the engine refuses it anyway). */
  allowed: string[];
  /** The office's UI language, for the sign-in screen (settings/get needs a signed-in user). */
  language: 'fa' | 'en';
};

export const userName = z.string().trim().min(1).max(60);
/** At least 8 characters; the UI shows how strong it is. */
export const password = z.string().min(8).max(200);
/** 4 to 8 digits, for switching at the desk (ASCII or Persian digits). */
export const pin = z
  .string()
  .transform((s) => s.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)))
  .pipe(z.string().regex(/^\d{4,8}$/));
export const role = z.enum(ROLES);
export const extras = z.array(z.enum(EXTRAS)).max(EXTRAS.length);
