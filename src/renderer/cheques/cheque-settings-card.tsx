import { useEffect, useRef, useState } from 'react';
import type { ChequeSettings } from '../../shared/contract/cheques';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { parseTime } from '../reminders/reminder-draft';
import { FieldErrorText } from '../ui/field-error';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';

/** Settings → Cheques: how many days before the due date the warning rings, at what time, and toman display. Saved as they change. */
export function ChequeSettingsCard() {
  const { t, digits, dir } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [settings, setSettings] = useState<ChequeSettings | null>(null);
  const [days, setDays] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  // Changes are applied to the newest settings and sent one after another: a blur's save and a click
  // right after it must not overwrite each other (the later answer would undo the earlier change).
  const latest = useRef<ChequeSettings | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const sent = useRef(0);

  useEffect(() => {
    void client.call('cheques/settings', {}).then((r) => {
      if (!r.ok) return setLoadError(r.error.message);
      setLoadError(null);
      latest.current = r.value;
      setSettings(r.value);
      setDays(digits(r.value.warnDays));
      setTime(digits(r.value.warnTime));
    });
  }, [client, digits, attempt]);

  const save = (patch: Partial<ChequeSettings>) => {
    if (!latest.current) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    const mine = ++sent.current;
    queue.current = queue.current.then(async () => {
      const r = await client.call('cheques/settings-update', next);
      if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
      setError(null);
      if (mine === sent.current) {
        latest.current = r.value;
        setSettings(r.value);
      }
      toast.show('success', m.settingsSaved);
    });
  };
  if (!settings) return loadError ? <LoadError message={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null;
  const onDays = () => {
    const s = toAsciiDigits(days.trim());
    const n = Number(s);
    if (!/^\d{1,2}$/.test(s) || n > 60) return setError({ field: 'warnDays', message: m.warnDaysInvalid });
    if (n !== settings.warnDays) save({ warnDays: n });
  };
  const onTime = () => {
    const hhmm = parseTime(time);
    if (!hhmm) return setError({ field: 'warnTime', message: t.reminders.invalidTime });
    if (hhmm !== settings.warnTime) save({ warnTime: hhmm });
  };

  return (
    <section className="card" data-testid="cheque-settings">
      <h2>{m.settingsTitle}</h2>
      <div className="grid cols-2">
        <div className="form-field">
          <label htmlFor="cheque-warn-days">{m.warnDays}</label>
          <input
            id="cheque-warn-days"
            className={`input${error?.field === 'warnDays' ? ' invalid' : ''}`}
            value={days}
            dir={dir}
            inputMode="numeric"
            onChange={(e) => {
              setDays(e.target.value);
              setError(null);
            }}
            onBlur={onDays}
            data-testid="cheque-warn-days"
          />
          {error?.field === 'warnDays' ? <FieldErrorText id="cheque-warn-days-err" message={error.message} /> : <p className="field-hint">{m.warnDaysHint}</p>}
        </div>
        <div className="form-field">
          <label htmlFor="cheque-warn-time">{m.warnTime}</label>
          <input
            id="cheque-warn-time"
            className={`input alarm-time${error?.field === 'warnTime' ? ' invalid' : ''}`}
            value={time}
            dir={dir}
            inputMode="numeric"
            onChange={(e) => {
              setTime(e.target.value);
              setError(null);
            }}
            onBlur={onTime}
            data-testid="cheque-warn-time"
          />
          <FieldErrorText id="cheque-warn-time-err" message={error?.field === 'warnTime' ? error.message : undefined} />
        </div>
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={settings.showToman} onChange={(e) => save({ showToman: e.target.checked })} data-testid="cheque-show-toman" />
        {m.showToman}
      </label>
    </section>
  );
}
