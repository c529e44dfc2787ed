import { useEffect, useState } from 'react';
import type { RosterEntry } from '../../shared/contract/attendance';
import { formatDateLong, isoDateOf } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { useToast } from '../ui/toast-context';
import { useAttData } from './use-att-data';

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * The front desk's clock-in screen: today's date and the time, a tile per colleague showing who is
 * in; a tap clocks in or out (after the PIN, when the person has one).
 */
export function ClockPanel() {
  const { t, lang, calendar, digits } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const { value: roster } = useAttData('attendance/roster', {});
  const [now, setNow] = useState(() => new Date());
  const [asking, setAsking] = useState<RosterEntry | null>(null);
  const [pin, setPin] = useState('');
  const [pinError, setPinError] = useState<string | undefined>();

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 10_000);
    return () => clearInterval(timer);
  }, []);

  const clock = async (p: RosterEntry, withPin: string) => {
    const r = await client.call('attendance/clock', { fileId: p.fileId, pin: withPin });
    if (!r.ok) {
      if (r.error.code === 'auth') return setPinError(r.error.message);
      setAsking(null);
      return toast.show('error', r.error.message);
    }
    setAsking(null);
    setPin('');
    const time = digits(hhmm(r.value.at));
    toast.show('success', r.value.action === 'in' ? m.clockedIn(r.value.displayName, time) : m.clockedOut(r.value.displayName, time));
  };
  const tap = (p: RosterEntry) => {
    if (!p.hasPin) return void clock(p, '');
    setPin('');
    setPinError(undefined);
    setAsking(p);
  };

  return (
    <div className="clock-panel">
      <div className="clock-now">
        <span className="clock-time" data-testid="clock-time">
          {digits(hhmm(now.toISOString()))}
        </span>
        <span className="clock-date">{formatDateLong(isoDateOf(now), calendar, lang)}</span>
      </div>
      <h2 className="clock-title">{m.clockTitle}</h2>
      {roster && roster.length === 0 && <p className="people-empty">{m.clockEmpty}</p>}
      <div className="clock-grid">
        {roster?.map((p) => (
          <button
            key={p.fileId}
            type="button"
            className={`clock-tile${p.inSince ? ' in' : ''}`}
            onClick={() => tap(p)}
            data-testid="clock-tile"
            data-file-id={p.fileId}
            data-in={p.inSince ? '1' : '0'}
          >
            <span className="clock-name">
              <bdi>{p.displayName}</bdi>
            </span>
            <span className="clock-state">{p.inSince ? m.isIn(digits(hhmm(p.inSince))) : m.isOut}</span>
            {p.hasPin && (
              <span className="clock-lock" aria-hidden="true">
                🔒
              </span>
            )}
          </button>
        ))}
      </div>
      {asking && (
        <Dialog
          title={m.pinTitle(asking.displayName)}
          size="small"
          onClose={() => setAsking(null)}
          testId="clock-pin"
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void clock(asking, pin);
            }
          }}
          footer={
            <>
              <button type="button" className="button" onClick={() => setAsking(null)}>
                {m.cancel}
              </button>
              <button type="button" className="button primary" onClick={() => void clock(asking, pin)} data-testid="clock-pin-ok">
                {m.pinOk}
              </button>
            </>
          }
        >
          <div className="form-field">
            <label htmlFor="clock-pin-input">{m.pinLabel}</label>
            {/* Masked: the front desk is in view of whoever waits there. */}
            <input
              id="clock-pin-input"
              type="password"
              inputMode="numeric"
              dir="ltr"
              autoComplete="off"
              className={`input${pinError ? ' invalid' : ''}`}
              value={pin}
              onChange={(e) => {
                setPin(e.target.value);
                setPinError(undefined);
              }}
              data-autofocus
              data-testid="pin"
            />
            <FieldErrorText id="clock-pin-error" message={pinError} />
          </div>
        </Dialog>
      )}
    </div>
  );
}
