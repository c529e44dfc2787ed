import { useState } from 'react';
import type { Followup } from '../../shared/contract/followups';
import { href } from '../app/router';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { FollowupForm } from './followup-form';

/** One follow-up: when (red when overdue), with whom, owner and note; Done / Open again and Move. */
export function FollowupItem({ followup: x, onChanged, showWho = true }: { followup: Followup; onChanged: () => void; showWho?: boolean }) {
  const { t, instant, digits } = useLocale();
  const f = t.followups;
  const client = useClient();
  const toast = useToast();
  const [moving, setMoving] = useState(false);
  const state = x.state;
  const who = x.contactName || (x.numberDisplay ? digits(x.numberDisplay) : '—');

  const setDone = async (done: boolean) => {
    const r = await client.call('followups/set-done', { id: x.id, done });
    if (!r.ok) return toast.show('error', r.error.message);
    onChanged();
  };

  return (
    <li className={`followup-item due-${state}`} data-testid="followup-item" data-followup-id={x.id} data-due={state}>
      <div className="followup-line">
        <time className={state === 'overdue' ? 'danger' : undefined} dateTime={x.dueAt} data-testid="followup-when">
          {instant(x.dueAt)}
        </time>
        {state === 'overdue' && <span className="badge danger">{f.overdue}</span>}
        {state === 'today' && <span className="badge">{f.dueToday}</span>}
        {showWho &&
          (x.contactId !== null ? (
            <a className="link-button" href={href({ screen: 'contact', id: x.contactId })}>
              <bdi>{who}</bdi>
            </a>
          ) : (
            <bdi>{who}</bdi>
          ))}
        {showWho && x.callId !== null && (
          <a className="link-button small" href={href({ screen: 'call', id: x.callId })}>
            {f.call}
          </a>
        )}
        {x.ownerName && (
          <span className="muted">
            · <bdi>{x.ownerName}</bdi>
          </span>
        )}
        {x.doneAt && <span className="muted small">{f.doneAt(instant(x.doneAt))}</span>}
      </div>
      {x.note && (
        <p className="followup-note pre-line" dir="auto" data-testid="followup-note">
          {x.note}
        </p>
      )}
      {moving ? (
        <FollowupForm
          target={{ followup: x }}
          onSaved={() => {
            setMoving(false);
            onChanged();
          }}
          onCancel={() => setMoving(false)}
        />
      ) : (
        <div className="followup-actions">
          {x.doneAt ? (
            <button type="button" className="button small subtle" onClick={() => void setDone(false)} data-testid="followup-reopen">
              {f.reopen}
            </button>
          ) : (
            <>
              <button type="button" className="button small" onClick={() => void setDone(true)} data-testid="followup-done">
                ✓ {f.done}
              </button>
              <button type="button" className="button small subtle" onClick={() => setMoving(true)} data-testid="followup-move">
                {f.move}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
