import { useEffect, useRef, useState } from 'react';
import type { AlarmSettings } from '../../shared/contract/reminders';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { parseTime } from './reminder-draft';

/** Settings → Alarms: the sound, and when birthday alarms ring (or none). Saved as they change. */
export function AlarmSettingsCard() {
  const { t, digits, dir } = useLocale();
  const a = t.alarms;
  const client = useClient();
  const toast = useToast();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [settings, setSettings] = useState<AlarmSettings | null>(null);
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Changes go to the newest settings, one request after another, so quick edits never undo each other.
  const latest = useRef<AlarmSettings | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const sent = useRef(0);

  useEffect(() => {
    void client.call('alarms/settings', {}).then((r) => {
      if (!r.ok) return setLoadError(r.error.message);
      setLoadError(null);
      latest.current = r.value;
      setSettings(r.value);
      setTime(r.value.birthdayTime ? digits(r.value.birthdayTime) : '');
    });
  }, [client, digits, attempt]);

  const save = (patch: Partial<AlarmSettings>) => {
    if (!latest.current) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setSettings(next);
    const mine = ++sent.current;
    queue.current = queue.current.then(async () => {
      const r = await client.call('alarms/settings-update', next);
      if (!r.ok) return setError(r.error.message);
      setError(null);
      if (mine === sent.current) {
        latest.current = r.value;
        setSettings(r.value);
      }
      toast.show('success', a.settingsSaved);
    });
  };
  if (!settings) return loadError ? <LoadError message={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null;
  const onTime = () => {
    if (!time.trim()) return save({ birthdayTime: null });
    const hhmm = parseTime(time);
    if (!hhmm) return setError(t.reminders.invalidTime);
    if (hhmm !== settings.birthdayTime) save({ birthdayTime: hhmm });
  };

  return (
    <section className="card" data-testid="alarm-settings">
      <h2>{a.settingsTitle}</h2>
      <label className="checkbox-row">
        <input type="checkbox" checked={settings.sound} onChange={(e) => save({ sound: e.target.checked })} data-testid="alarm-sound" />
        {a.sound}
      </label>
      <div className="form-field">
        <label htmlFor="birthday-time">{a.birthdayTime}</label>
        <input
          id="birthday-time"
          className={`input alarm-time${error ? ' invalid' : ''}`}
          value={time}
          dir={dir}
          inputMode="numeric"
          placeholder={a.birthdayOff}
          onChange={(e) => {
            setTime(e.target.value);
            setError(null);
          }}
          onBlur={onTime}
          data-testid="birthday-time"
        />
        <FieldErrorText id="birthday-time-err" message={error ?? undefined} />
      </div>
    </section>
  );
}
