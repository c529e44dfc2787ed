import { useEffect, useState, type ReactNode } from 'react';
import type { CallerCard, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { callKindLabel } from '../calls/call-kind';
import { CallKindIcon } from '../calls/call-kind-icon';
import { formatDuration, isInProgress, toneOf } from '../calls/call-format';
import { useLocale } from '../i18n/use-t';
import { GroupChip } from '../ui/group-chip';
import { PhoneNumber } from '../ui/phone-number';
import { useToast } from '../ui/toast-context';
import { CallDisposition } from '../followups/call-disposition';

export type CallerCardActions = {
  onOpenContact: (id: number) => void;
  /** A people file (پرونده) of the caller. */
  onOpenFile: (id: number) => void;
  onAddContact: (number: string) => void;
  /** One call's page (#/call/12): this call, or one of the caller's last calls. */
  onOpenCall: (id: number) => void;
  onDismiss: () => void;
  /** The card may be out of date (a note was added). */
  onReload: () => void;
  /** The quick-note form was opened or closed (the in-app card stays while a note is being written). */
  onNoting?: (open: boolean) => void;
};

type Props = CallerCardActions & { call: CallRow; card: CallerCard; variant: 'toast' | 'window' };

/** The call's stage as the front desk sees it: 'ivr' while the answering service has the caller, not a person. */
function stageOf(call: CallRow): 'ringing' | 'answered' | 'ivr' | 'missed' | 'ended' {
  if (call.outcome === 'missed') return 'missed';
  if (call.endedAt !== null) return 'ended';
  if (call.outcome === 'ringing') return 'ringing';
  if (call.outcome === 'ivr') return 'ivr';
  return 'answered';
}

/**
 * Who is calling: the contact (name, company, groups, recent notes), the number as received, the
 * last calls with this number and what later modules add; with Answer, a quick note, Open contact
 * (or Add to phonebook for an unknown number) and Dismiss. Used by the in-app toast and by the
 * desktop app's always-on-top popup window.
 */
export function CallerCardView({ call, card, variant, onOpenContact, onOpenFile, onAddContact, onOpenCall, onDismiss, onReload, onNoting }: Props) {
  const { t, digits, instant, dir } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [noting, setNoting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // The outcome and follow-up part, opened on demand (the card itself asks the engine for nothing); open, it keeps the card as a note does.
  const [planning, setPlanning] = useState(false);
  const stage = stageOf(call);
  const contact = card.contact;
  const who = contact?.displayName || card.callerName || (card.absence ? t.calls.absence[card.absence] : t.popup.unknown);
  const lastCalls = card.lastCalls.filter((c) => c.id !== call.id).slice(0, 3);
  // «پرونده» is the people-files module: Open goes to the caller's file when there is one, else says "contact".
  const file = contact?.files[0] ?? null;
  useEffect(() => onNoting?.(noting || planning), [noting, planning, onNoting]);

  const answer = async () => {
    setBusy(true);
    const r = await client.call('calls/answer', { lineId: call.lineId, callId: call.id });
    setBusy(false);
    if (!r.ok) toast.show('error', r.error.message);
  };
  const saveNote = async () => {
    if (!contact || !note.trim()) return;
    setBusy(true);
    const r = await client.call('contacts/add-note', { contactId: contact.id, body: note.trim() });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', t.popup.noteSaved);
    setNote('');
    setNoting(false);
    onReload();
  };

  return (
    <section
      className={`caller-card caller-card-${variant} stage-${stage}`}
      role="dialog"
      aria-label={t.popup.label}
      data-testid="caller-card"
      data-call-id={call.id}
    >
      <header className="caller-card-head">
        <span className="caller-card-line">{t.popup.incoming(call.lineName)}</span>
        <span className={`caller-stage stage-${stage}`} data-testid="caller-stage" data-stage={stage}>
          {t.popup[stage]}
        </span>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label={t.popup.dismiss} title={t.popup.dismiss} data-testid="caller-dismiss">
          ×
        </button>
      </header>
      <div className="caller-who">
        <h2 className="caller-who-name" dir="auto" data-testid="caller-name">
          {who}
        </h2>
        {card.numberDisplay && (
          <div className="caller-who-number" data-testid="caller-number">
            <PhoneNumber display={card.numberDisplay} />
          </div>
        )}
        {contact && (contact.company || contact.title) && (
          <div className="caller-company" dir="auto" data-testid="caller-company">
            {[contact.company, contact.title].filter(Boolean).join(' · ')}
          </div>
        )}
        {contact && card.callerName && card.callerName !== contact.displayName && <div className="muted small">{t.popup.networkName(card.callerName)}</div>}
        {contact && contact.groups.length > 0 && (
          <div className="chips">
            {contact.groups.map((g) => (
              <GroupChip key={g.id} group={g} compact />
            ))}
          </div>
        )}
        {card.otherMatches.length > 0 && (
          <div className="caller-others small">
            {t.popup.alsoMatches}{' '}
            {card.otherMatches.map((m, i) => (
              <span key={m.id}>
                {i > 0 && '، '}
                <button type="button" className="link-button" onClick={() => onOpenContact(m.id)}>
                  {m.displayName}
                </button>
              </span>
            ))}
          </div>
        )}
      </div>
      {contact && contact.lastNotes.length > 0 && (
        <Block title={t.popup.lastNotes}>
          <ul className="caller-notes" data-testid="caller-notes">
            {contact.lastNotes.slice(0, 2).map((n, i) => (
              <li key={i}>
                <span className="caller-note-body pre-line" dir="auto">
                  {n.body}
                </span>
                {/* Isolated, so that a Persian name in the English UI does not swap the date and the time. */}
                <span className="muted small">
                  {n.author && (
                    <>
                      <bdi>{n.author}</bdi>
                      {' · '}
                    </>
                  )}
                  <bdi dir={dir}>{instant(n.createdAt)}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </Block>
      )}
      <Block title={t.popup.lastCalls}>
        {lastCalls.length === 0 ? (
          <p className="muted small">{card.numberKey ? t.popup.firstCall : t.popup.noCalls}</p>
        ) : (
          <ul className="caller-calls" data-testid="caller-calls">
            {lastCalls.map((c) => (
              <li key={c.id}>
                <CallKindIcon tone={toneOf(c.direction, c.outcome)} />
                <button
                  type="button"
                  className="link-button caller-call-link"
                  onClick={() => onOpenCall(c.id)}
                  data-testid="caller-call-link"
                  data-call-id={c.id}
                >
                  {instant(c.startedAt)}
                </button>
                <span className="muted">{callKindLabel(t, c.direction, c.outcome)}</span>
                {c.durationS > 0 && <span className="muted">{digits(formatDuration(c.durationS))}</span>}
              </li>
            ))}
          </ul>
        )}
        {card.callCount > 1 && <p className="muted small">{t.popup.callCount(digits(card.callCount))}</p>}
      </Block>
      {card.extras.length > 0 && (
        <ul className="caller-extras">
          {card.extras.map((x, i) => (
            <li key={i} className={`extra-${x.kind}`}>
              {x.text}
            </li>
          ))}
        </ul>
      )}
      {planning && <CallDisposition callId={call.id} compact />}
      {noting && contact && (
        <div className="caller-note-form">
          <textarea
            className="input"
            rows={2}
            dir="auto"
            value={note}
            placeholder={t.popup.notePlaceholder}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') void saveNote();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setNoting(false);
              }
            }}
            autoFocus
            data-testid="caller-note-input"
          />
          <button type="button" className="button small primary" onClick={() => void saveNote()} disabled={busy || !note.trim()} data-testid="caller-note-save">
            {t.popup.saveNote}
          </button>
        </div>
      )}
      <footer className="caller-actions">
        {stage === 'ringing' && isInProgress(call) && (
          <button type="button" className="button small primary" onClick={() => void answer()} disabled={busy} data-testid="caller-answer">
            {t.popup.answer}
          </button>
        )}
        {contact ? (
          <>
            <button
              type="button"
              className="button small"
              onClick={() => (file ? onOpenFile(file.id) : onOpenContact(contact.id))}
              data-testid="caller-open"
              data-opens={file ? 'file' : 'contact'}
            >
              {file ? t.popup.openFile : t.popup.open}
            </button>
            {!noting && (
              <button type="button" className="button small" onClick={() => setNoting(true)} data-testid="caller-note">
                {t.popup.addNote}
              </button>
            )}
          </>
        ) : (
          call.numberRaw && (
            <button type="button" className="button small" onClick={() => onAddContact(call.numberRaw)} data-testid="caller-add">
              {t.popup.addToPhonebook}
            </button>
          )
        )}
        {!planning && (
          <button type="button" className="button small" onClick={() => setPlanning(true)} data-testid="caller-disposition">
            {t.followups.cardButton}
          </button>
        )}
        <button type="button" className="button small subtle" onClick={() => onOpenCall(call.id)} data-testid="caller-open-call">
          {t.calls.view.open}
        </button>
      </footer>
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="caller-block">
      <h3>{title}</h3>
      {children}
    </div>
  );
}
