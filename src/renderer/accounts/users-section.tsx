import { useState, type FormEvent } from 'react';
import { EXTRAS, ROLES, type Extra, type Role, type UserRow } from '../../shared/contract/accounts';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { FirstManagerForm } from './first-manager-form';
import { PasswordField } from './password-field';
import { useSession } from './session-context';

/**
 * Settings → Users: the office's mode said as it is; in a no-password office the offer to turn accounts
 * on; with accounts, for a manager, the users with their role, extras, PIN and disabling, a new user,
 * a new password for one who forgot it, and the idle lock.
 */
export function UsersSection() {
  const { t } = useLocale();
  const a = t.accounts;
  const { state, may } = useSession();
  return (
    <section className="card" data-testid="users-section">
      <h2>{a.usersSection}</h2>
      <p className="muted" data-testid="accounts-mode">
        {state.mode === 'open' ? a.openMode : a.accountsMode}
      </p>
      {state.mode === 'open' ? <FirstManagerForm /> : may('users/list') ? <UsersList /> : null}
    </section>
  );
}

function UsersList() {
  const { t, digits } = useLocale();
  const a = t.accounts;
  const client = useClient();
  const toast = useToast();
  const { state, set } = useSession();
  const users = useQuery('users/list', {});
  const [idle, setIdle] = useState(String(state.idleLockMinutes));
  const report = (r: { ok: boolean; error?: { message: string } }) => {
    if (!r.ok) toast.show('error', r.error?.message ?? '');
    else users.reload();
  };
  const update = async (patch: { id: number; role?: Role; extras?: Extra[]; disabled?: boolean }) => report(await client.call('users/update', patch));
  const saveIdle = async () => {
    const r = await client.call('accounts/settings-update', { idleLockMinutes: Number(idle) });
    if (r.ok) set(r.value);
    else toast.show('error', r.error.message);
  };
  return (
    <>
      {users.error && <LoadError message={users.error} onRetry={users.reload} />}
      <table className="table users-table" data-testid="users-table">
        <tbody>
          {(users.data ?? []).map((u) => (
            <UserRowView key={u.id} user={u} onUpdate={(p) => void update({ id: u.id, ...p })} onChanged={users.reload} />
          ))}
        </tbody>
      </table>
      <NewUserForm onCreated={users.reload} />
      <div className="form-row">
        <TextField
          name="idleLockMinutes"
          label={a.idleLock}
          value={digits(idle)}
          dir="ltr"
          inputMode="numeric"
          onChange={setIdle}
          onBlur={() => void saveIdle()}
        />
      </div>
    </>
  );
}

function UserRowView({
  user,
  onUpdate,
  onChanged,
}: {
  user: UserRow;
  onUpdate: (p: { role?: Role; extras?: Extra[]; disabled?: boolean }) => void;
  onChanged: () => void;
}) {
  const a = useLocale().t.accounts;
  const client = useClient();
  const toast = useToast();
  const [reset, setReset] = useState<string | null>(null);
  const toggle = (e: Extra) => onUpdate({ extras: user.extras.includes(e) ? user.extras.filter((x) => x !== e) : [...user.extras, e] });
  const saveReset = async () => {
    const r = await client.call('users/reset-password', { id: user.id, password: reset ?? '' });
    if (!r.ok) return toast.show('error', r.error.message);
    setReset(null);
    toast.show('success', a.saved);
    onChanged();
  };
  return (
    <tr data-testid={`user-${user.name}`} className={user.disabled ? 'muted' : undefined}>
      <td>
        <bdi>{user.name}</bdi>
        {user.disabled && <span className="chip">{a.disabled}</span>}
        {user.hasPin && <span className="chip">{a.hasPin}</span>}
      </td>
      <td>
        <select
          className="input"
          aria-label={a.roleLabel}
          value={user.role}
          onChange={(e) => onUpdate({ role: e.target.value as Role })}
          data-testid="user-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {a.role[r]}
            </option>
          ))}
        </select>
      </td>
      <td>
        {user.role !== 'manager' &&
          EXTRAS.map((e) => (
            <label key={e} className="check">
              <input type="checkbox" checked={user.extras.includes(e)} onChange={() => toggle(e)} data-testid={`user-extra-${e}`} /> {a.extra[e]}
            </label>
          ))}
      </td>
      <td>
        {reset === null ? (
          <button type="button" className="button" onClick={() => setReset('')}>
            {a.resetPassword}
          </button>
        ) : (
          <span className="inline-form">
            <PasswordField name="reset-password" label={a.resetTitle(user.name)} value={reset} onChange={setReset} strength />
            <button type="button" className="button primary" onClick={() => void saveReset()}>
              {a.save}
            </button>
          </span>
        )}
        <button type="button" className="button" onClick={() => onUpdate({ disabled: !user.disabled })} data-testid="user-disable">
          {user.disabled ? a.enable : a.disable}
        </button>
      </td>
    </tr>
  );
}

function NewUserForm({ onCreated }: { onCreated: () => void }) {
  const a = useLocale().t.accounts;
  const client = useClient();
  const empty = { name: '', password: '', pin: '', role: 'front-desk' as Role };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await client.call('users/create', { name: form.name, password: form.password, pin: form.pin.trim() || null, role: form.role, extras: [] });
    if (!r.ok) return setError({ field: r.error.field, message: r.error.message });
    setError(null);
    setForm(empty);
    onCreated();
  };
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <form className="new-user" onSubmit={(e) => void submit(e)} data-testid="new-user">
      <h3>{a.addUser}</h3>
      <div className="form-row">
        <TextField name="user-name" label={a.name} value={form.name} onChange={(name) => setForm({ ...form, name })} error={err('name')} />
        <PasswordField
          name="user-password"
          label={a.password}
          value={form.password}
          onChange={(password) => setForm({ ...form, password })}
          strength
          error={err('password')}
        />
        <PasswordField name="user-pin" label={a.pinOptional} value={form.pin} onChange={(pin) => setForm({ ...form, pin })} error={err('pin')} />
        <div className="form-field">
          <label htmlFor="new-user-role">{a.roleLabel}</label>
          <select
            id="new-user-role"
            className="input"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value as Role })}
            data-testid="user-new-role"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {a.role[r]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && error.field === undefined && (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="user-create">
        {a.create}
      </button>
    </form>
  );
}
