import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Alarm } from '../../shared/contract/reminders';
import { isoDateOf } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useLocale } from '../i18n/use-t';
import type { Messages } from '../i18n/messages';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { playAlarmSound } from './alarm-sound';
import { useAlarms } from './use-alarms';

const SNOOZES = ['5', '10', '15', '30', '60', '1440'] as const;

type Props = {
  onOpenReminder: (id: number) => void;
  onOpenContact: (id: number) => void;
  onOpenCheque: (id: number) => void;
  /** The header's place for the bell that brings hidden alarms back. */
  bellSlot: HTMLElement | null;
};

/**
 * Alarms in the window: a dialog that opens by itself when one rings (with a sound, and a desktop
 * notification when the window is in the background) and shows them one at a time, oldest first —
 * "while you were away" for those that rang while the app was closed, where the engine has merged the
 * missed repeats of one reminder into one alarm ("missed 14 times, from … to …"). Snooze, dismiss, or
 * open what it is about. Closing the dialog keeps them waiting behind the bell in the header.
 */
export function AlarmCenter({ onOpenReminder, onOpenContact, onOpenCheque, bellSlot }: Props) {
  const { t, instant, num, date } = useLocale();
  const day = (at: string) => date(isoDateOf(new Date(at)));
  const a = t.alarms;
  const client = useClient();
  const toast = useToast();
  const [hidden, setHidden] = useState(false);
  const [snooze, setSnooze] = useState<string>('10');
  const sound = useRef(true);
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    void client.call('alarms/settings', {}).then((r) => {
      if (r.ok) sound.current = r.value.sound;
    });
  }, [client]);

  const alarms = useAlarms((fired) => {
    setHidden(false);
    if (sound.current) playAlarmSound();
    notify(tRef.current, fired);
  });
  const showing = alarms.filter((x) => x.snoozedUntil === null);
  const current = showing[0];

  const dismiss = async (x: Alarm) => {
    const r = await client.call('alarms/dismiss', { id: x.id });
    if (!r.ok) toast.show('error', r.error.message);
  };
  const doSnooze = async (x: Alarm) => {
    const r = await client.call('alarms/snooze', { id: x.id, minutes: Number(snooze) });
    if (!r.ok) return toast.show('error', r.error.message);
    if (r.value.snoozedUntil) toast.show('info', a.snoozed(instant(r.value.snoozedUntil)));
  };
  const open = (x: Alarm) => {
    setHidden(true);
    if (x.source === 'reminder') onOpenReminder(x.refId);
    else if (x.source === 'cheque') onOpenCheque(x.refId);
    else if (x.source === 'fax') navigate({ screen: 'fax-log-entry', id: x.refId });
    else if (x.source === 'followup') navigate({ screen: 'calls', tab: 'followups' });
    else if (x.source === 'birthday' || x.contactId !== null) onOpenContact(x.source === 'birthday' ? x.refId : x.contactId!);
  };

  return (
    <>
      {showing.length > 0 &&
        hidden &&
        bellSlot &&
        createPortal(
          <button type="button" className="alarm-bell" onClick={() => setHidden(false)} title={a.title} data-testid="alarm-bell">
            <span aria-hidden="true">🔔</span> {num(showing.length)}
          </button>,
          bellSlot,
        )}
      {current && !hidden && (
        <Dialog title={current.late ? a.awayTitle : a.title} onClose={() => setHidden(true)} testId="alarm-dialog" size="small">
          <div className={`alarm-card${current.late ? ' late' : ''}`} data-testid="alarm-card" data-alarm-id={current.id}>
            {current.late && <p className="alarm-away muted">{a.awayHint}</p>}
            <span className="badge">{a.sources[current.source]}</span>
            <h3 className="alarm-title" dir="auto" data-testid="alarm-title">
              {current.title}
            </h3>
            {current.missedCount > 1 ? (
              <p className="alarm-missed" data-testid="alarm-missed">
                {a.missed(num(current.missedCount), day(current.firstOccursAt), day(current.occursAt))}
              </p>
            ) : (
              <p>{a.when(instant(current.occursAt))}</p>
            )}
            {current.place && <p dir="auto">{current.place}</p>}
            {current.note && (
              <p className="pre-line muted" dir="auto">
                {current.note}
              </p>
            )}
            <p className="muted small">{a.rangAt(instant(current.firedAt))}</p>
            <div className="alarm-actions">
              <button type="button" className="button primary" onClick={() => void dismiss(current)} data-testid="alarm-dismiss">
                {a.dismiss}
              </button>
              <button type="button" className="button" onClick={() => open(current)} data-testid="alarm-open">
                {a.open}
              </button>
            </div>
            <div className="alarm-snooze">
              <label htmlFor="alarm-snooze">{a.snoozeFor}</label>
              <select id="alarm-snooze" className="input" value={snooze} onChange={(e) => setSnooze(e.target.value)} data-testid="alarm-snooze-minutes">
                {SNOOZES.map((s) => (
                  <option key={s} value={s}>
                    {a.snoozeMinutes[s]}
                  </option>
                ))}
              </select>
              <button type="button" className="button" onClick={() => void doSnooze(current)} data-testid="alarm-snooze">
                {a.snooze}
              </button>
            </div>
            {showing.length > 1 && (
              <div className="alarm-queue">
                <p className="muted">{a.more(num(showing.length - 1))}</p>
                <ul>
                  {showing.slice(1, 6).map((x) => (
                    <li key={x.id} dir="auto">
                      {x.title}{' '}
                      <span className="muted small">
                        {x.missedCount > 1 ? `${a.missedTimes(num(x.missedCount))} · ${day(x.firstOccursAt)} – ${day(x.occursAt)}` : instant(x.occursAt)}
                      </span>
                    </li>
                  ))}
                </ul>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void Promise.all(showing.map((x) => client.call('alarms/dismiss', { id: x.id })))}
                  data-testid="alarm-dismiss-all"
                >
                  {a.dismissAll}
                </button>
              </div>
            )}
          </div>
        </Dialog>
      )}
    </>
  );
}

/** A desktop notification per alarm while the window is in the background, if the user allowed them. */
function notify(t: Messages, fired: Alarm[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (!document.hidden && document.hasFocus()) return;
  for (const x of fired.slice(0, 3)) {
    try {
      const n = new Notification(t.alarms.notificationTitle(x.title), {
        body: [x.place, x.note].filter(Boolean).join(' · '),
        tag: `monshi-alarm-${x.id}`,
        requireInteraction: true,
      });
      n.onclick = () => {
        window.focus();
        n.close();
      };
    } catch {
      // Only a service worker may notify in some browsers; the dialog is still shown.
    }
  }
}
