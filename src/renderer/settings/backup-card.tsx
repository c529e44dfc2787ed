import { useEffect, useRef, useState } from 'react';
import type { BackupSettings, BackupSummary } from '../../shared/contract/backup';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { parseTime } from '../reminders/reminder-draft';
import { FieldErrorText } from '../ui/field-error';
import { LoadError } from '../ui/load-error';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';

type FieldError = { field: string; message: string } | null;

/**
 * Settings → Backup: the folder, the daily time, at exit, how many to keep, the password (saved as they
 * change, as every card of this screen); "back up now"; the backups in the folder, each restorable
 * after a confirmation that shows what it holds. Every refusal is shown with the engine's words.
 */
export function BackupCard() {
  const { t, num, digits, instant, dir } = useLocale();
  const m = t.backup;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const settingsQ = useQuery('backup/settings', {}, { reloadOn: ['backup/changed'] });
  const statusQ = useQuery('backup/status', {}, { reloadOn: ['backup/changed'] });
  const listQ = useQuery('backup/list', {}, { reloadOn: ['backup/changed'] });
  const [draft, setDraft] = useState({ folder: '', dailyAt: '', keep: '' });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<FieldError>(null);
  const [busy, setBusy] = useState(false);
  const [restorePw, setRestorePw] = useState('');
  const latest = useRef<BackupSettings | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const s = settingsQ.data;
  // The fields are filled once from the stored settings; later a save writes back only its own field,
  // so a field typed in meanwhile keeps what the user typed.
  const filled = useRef(false);
  useEffect(() => {
    if (s) latest.current = s;
    if (!s || filled.current) return;
    filled.current = true;
    setDraft({ folder: s.folder, dailyAt: digits(s.dailyAt), keep: digits(s.keep) });
  }, [s, digits]);
  if (!s) return settingsQ.error ? <LoadError message={settingsQ.error} onRetry={settingsQ.reload} /> : null;

  // Saves go one after another on the newest settings: the folder's blur and the time's right after it
  // must not overwrite each other (the later would send the folder as it was before).
  const save = (patch: Partial<BackupSettings> & { password?: string }) => {
    queue.current = queue.current.then(async () => {
      const base = latest.current ?? s;
      const next = { folder: base.folder, dailyAt: base.dailyAt, atExit: base.atExit, keep: base.keep, ...patch };
      const r = await client.call('backup/settings-save', next);
      if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
      setError(null);
      latest.current = r.value;
      settingsQ.setData(() => r.value);
      if (patch.dailyAt !== undefined) setDraft((d) => ({ ...d, dailyAt: digits(r.value.dailyAt) }));
      toast.show('success', m.saved);
    });
    return queue.current;
  };
  const onDaily = () => {
    const v = draft.dailyAt.trim();
    const hhmm = v === '' ? '' : parseTime(v);
    if (hhmm === null) return setError({ field: 'dailyAt', message: t.reminders.invalidTime });
    if (hhmm !== s.dailyAt) void save({ dailyAt: hhmm });
  };
  const onKeep = () => {
    const n = Number(toAsciiDigits(draft.keep.trim()));
    if (!Number.isInteger(n) || n < 1 || n > 365) return setError({ field: 'keep', message: m.keepInvalid });
    if (n !== s.keep) void save({ keep: n });
  };
  const now = async () => {
    setBusy(true);
    const r = await client.call('backup/now', {});
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.made(r.value.file));
    listQ.reload();
  };
  const countsText = (b: BackupSummary) =>
    [...Object.entries(b.counts).map(([k, n]) => `${num(n)} ${(m.counts as Record<string, string>)[k] ?? k}`), `${num(b.files)} ${m.files}`].join('، ');
  const restore = async (file: string) => {
    const shown = await client.call('backup/inspect', { file, password: restorePw || undefined });
    if (!shown.ok) return toast.show('error', shown.error.message);
    const b = shown.value;
    const ok = await confirm({
      title: m.restoreTitle,
      body: m.restoreBody(instant(b.createdAt), digits(b.appVersion), countsText(b)),
      confirmLabel: m.restoreGo,
      danger: true,
    });
    if (!ok) return;
    setBusy(true);
    const r = await client.call('backup/restore', { file, password: restorePw || undefined });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.restored);
    // Every screen reads the restored data afresh.
    setTimeout(() => window.location.reload(), 1500);
  };
  const status = statusQ.data;
  const files = listQ.data?.files ?? [];
  const err = (f: string) => (error?.field === f ? <FieldErrorText id={`backup-${f}-err`} message={error.message} /> : null);

  return (
    <section className="card" data-testid="backup-settings">
      <h2>{m.title}</h2>
      <p className="muted">{m.intro}</p>
      <div className="grid cols-2">
        <div className="form-field">
          <label htmlFor="backup-folder">{m.folder}</label>
          <input
            id="backup-folder"
            className={`input${error?.field === 'folder' ? ' invalid' : ''}`}
            dir="ltr"
            value={draft.folder}
            onChange={(e) => setDraft((d) => ({ ...d, folder: e.target.value }))}
            onBlur={() => draft.folder.trim() !== s.folder && void save({ folder: draft.folder.trim() })}
            data-testid="backup-folder"
          />
          {err('folder') ?? <p className="field-hint">{m.folderHint}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="backup-daily">{m.dailyAt}</label>
          <input
            id="backup-daily"
            className={`input${error?.field === 'dailyAt' ? ' invalid' : ''}`}
            dir={dir}
            value={draft.dailyAt}
            placeholder={digits('21:00')}
            onChange={(e) => setDraft((d) => ({ ...d, dailyAt: e.target.value }))}
            onBlur={onDaily}
            data-testid="backup-daily"
          />
          {err('dailyAt') ?? <p className="field-hint">{m.dailyHint}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="backup-keep">{m.keep}</label>
          <input
            id="backup-keep"
            className={`input${error?.field === 'keep' ? ' invalid' : ''}`}
            inputMode="numeric"
            value={draft.keep}
            onChange={(e) => setDraft((d) => ({ ...d, keep: e.target.value }))}
            onBlur={onKeep}
            data-testid="backup-keep"
          />
          {err('keep')}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={s.atExit} onChange={(e) => void save({ atExit: e.target.checked })} data-testid="backup-at-exit" />
          {m.atExit}
        </label>
        <div className="form-field">
          <label htmlFor="backup-password">{m.password}</label>
          <input
            id="backup-password"
            type="password"
            className="input"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="backup-password"
          />
          <p className="field-hint" data-testid="backup-encrypted">
            {s.encrypted ? m.passwordSet : m.passwordNone} {m.passwordHint}
          </p>
          <div className="backup-actions">
            <button
              type="button"
              className="btn"
              disabled={!password}
              onClick={() => void save({ password }).then(() => setPassword(''))}
              data-testid="backup-password-set"
            >
              {m.passwordSave}
            </button>
            {s.encrypted && (
              <button type="button" className="btn" onClick={() => void save({ password: '' })} data-testid="backup-password-clear">
                {m.passwordClear}
              </button>
            )}
          </div>
        </div>
      </div>
      <div className="backup-actions">
        <button type="button" className="btn primary" disabled={busy || status?.running === true} onClick={() => void now()} data-testid="backup-now">
          {busy || status?.running ? m.running : m.now}
        </button>
        <span className="muted" data-testid="backup-last">
          {status?.lastGoodAt ? m.lastGood(instant(status.lastGoodAt)) : m.lastNone}
        </span>
      </div>
      {status?.lastError && (
        <p className="field-error" role="alert" data-testid="backup-last-error">
          {m.lastError(instant(status.lastError.at), status.lastError.message)}
        </p>
      )}
      <h3>{m.list}</h3>
      {listQ.error && <LoadError message={listQ.error} onRetry={listQ.reload} />}
      {files.length === 0 && !listQ.error && <p className="muted">{m.empty}</p>}
      {files.length > 0 && (
        <>
          <div className="form-field">
            <label htmlFor="backup-restore-pw">{m.restorePassword}</label>
            <input
              id="backup-restore-pw"
              type="password"
              className="input"
              value={restorePw}
              onChange={(e) => setRestorePw(e.target.value)}
              data-testid="backup-restore-pw"
            />
          </div>
          <ul className="backup-list" data-testid="backup-list">
            {files.map((f) => (
              <li key={f.file} data-testid="backup-item">
                <bdi className="backup-name" dir="ltr">
                  {f.name}
                </bdi>
                <span className="muted">
                  {instant(f.modifiedAt)} · {num(Math.max(1, Math.round(f.bytes / 1e6)))} MB
                </span>
                <button type="button" className="btn" disabled={busy} onClick={() => void restore(f.file)} data-testid="backup-restore">
                  {m.restore}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
