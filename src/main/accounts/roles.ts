/**
 * The rule per request (issue 18): which role holds each permission name of the contract, and which
 * requests also need a per-user extra. The gate asks `allows` before any handler runs.
 *
 * `LEAST_ROLE` is keyed by every permission the contract names (`satisfies Record<Permission, …>`), so
 * a request with a new permission name does not compile until it has a rule here; tests/accounts walks
 * the whole contract against it.
 */
import type { Method, Permission } from '../../shared/contract/api';
import { ROLES, type Extra, type Role } from '../../shared/contract/accounts';

/** 'open': no sign-in needed (the sign-in screen's own requests). */
type Rule = Role | 'open';

const LEAST_ROLE = {
  'session.read': 'open',
  'session.write': 'open',
  'preferences.write': 'front-desk',
  'app.read': 'front-desk',
  'app.admin': 'manager',
  'settings.read': 'front-desk',
  'settings.admin': 'manager',
  'users.read': 'manager',
  'users.admin': 'manager',
  // The front desk: the phonebook, calls and their popups, voicemail, reminders, clocking in.
  'contacts.read': 'front-desk',
  'contacts.write': 'front-desk',
  'contacts.admin': 'manager',
  'calls.read': 'front-desk',
  'calls.write': 'front-desk',
  'lines.read': 'front-desk',
  'lines.admin': 'manager',
  'ivr.read': 'front-desk',
  'ivr.admin': 'manager',
  'voicemail.read': 'front-desk',
  'voicemail.write': 'front-desk',
  // Recording the call in progress is a call action; listening to a recording needs the 'listen' extra.
  'recordings.read': 'front-desk',
  'recordings.write': 'front-desk',
  'recordings.admin': 'manager',
  'reminders.read': 'front-desk',
  'reminders.write': 'front-desk',
  'reminders.admin': 'manager',
  // Call outcomes and follow-ups (issue 19): the front desk's; the outcome list is the manager's.
  'followups.read': 'front-desk',
  'followups.write': 'front-desk',
  'followups.admin': 'manager',
  'attendance.clock.write': 'front-desk',
  // A fax is a call on a line: the desk that answers the phone sends and receives them.
  'fax.read': 'front-desk',
  'fax.write': 'front-desk',
  // The clerk: files, cheques, attendance entries.
  'people.read': 'clerk',
  'people.write': 'clerk',
  'cheques.read': 'clerk',
  'cheques.write': 'clerk',
  'cheques.admin': 'manager',
  'attendance.read': 'clerk',
  'attendance.write': 'clerk',
  // Corrections, holidays and schedules are the manager's.
  'attendance.admin': 'manager',
  // Who did what, and the office's backups: the manager's (issue 18).
  'audit.read': 'manager',
  'backup.admin': 'manager',
} as const satisfies Record<Permission, Rule>;

/** Requests that need an extra on top of the role's permission (a manager has every extra). */
export function extraNeeded(method: string): Extra | null {
  if (/(^|[/-])delete($|-)/.test(method)) return 'delete';
  if (/export/.test(method)) return 'export';
  if (method === 'recordings/audio' || method === 'recordings/file') return 'listen';
  if (method === 'cheque-templates/print') return 'print-cheques';
  return null;
}

/** Corrections of what was recorded are the manager's whatever the permission says. */
const MANAGER_ONLY = new Set<string>(['cheques/correct', 'attendance/record-correct']);

export type Grant = { role: Role; extras: readonly Extra[] };

const rank = (r: Role) => ROLES.indexOf(r);

/** The rule of a permission name; undefined for one the table does not know (refused). */
export function ruleOf(permission: string): Rule | undefined {
  return Object.hasOwn(LEAST_ROLE, permission) ? LEAST_ROLE[permission as Permission] : undefined;
}

/**
 * What `who` lacks to make `method` (declared with `permission`): null when allowed, else the missing
 * permission, extra or role, to name in the refusal. `who` null: nobody signed in.
 */
export function missingFor(who: Grant | null, method: Method | string, permission: string): { kind: 'sign-in' | 'role' | 'extra'; what: string } | null {
  const rule = ruleOf(permission);
  if (rule === 'open') return null;
  if (!who) return { kind: 'sign-in', what: permission };
  if (rule === undefined) return { kind: 'role', what: 'manager' };
  if (MANAGER_ONLY.has(method) && who.role !== 'manager') return { kind: 'role', what: 'manager' };
  if (rank(who.role) < rank(rule)) {
    // A front desk with 'print-cheques' may see cheques to print them.
    const printer = who.extras.includes('print-cheques') && permission === 'cheques.read';
    if (!printer) return { kind: 'role', what: rule };
  }
  const extra = extraNeeded(method);
  if (extra && who.role !== 'manager' && !who.extras.includes(extra)) return { kind: 'extra', what: extra };
  return null;
}
