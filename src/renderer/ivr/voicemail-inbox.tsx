import { useEffect, useState } from 'react';
import type { Mailbox, Voicemail } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { CallLink } from '../calls/call-link';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { AudioPlayer } from './audio-player';

/** One message: who called, play with its waveform, heard, note, timeline, forward. */
function Message({ v, mailboxes, onOpenContact }: { v: Voicemail; mailboxes: Mailbox[]; onOpenContact: (id: number) => void }) {
  const { t, instant, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [note, setNote] = useState(v.note);
  const [forwardTo, setForwardTo] = useState<number | ''>('');
  useEffect(() => setNote(v.note), [v.note]);
  const act = async (p: Promise<{ ok: boolean; error?: { message: string } }>, done?: string) => {
    const r = await p;
    if (!r.ok) toast.show('error', r.error?.message ?? '');
    else if (done) toast.show('success', done);
  };
  const who = v.contactName ?? (v.callerName || null);
  return (
    <li className={`vm-item${v.heard ? '' : ' unheard'}`} data-testid="voicemail-item">
      <div className="vm-head">
        {!v.heard && <span className="vm-dot" aria-label={t.ivr.unheard} />}
        <strong>{who ?? t.ivr.unknownCaller}</strong>
        {v.numberDisplay && (
          <span className="phone-number" dir="ltr">
            {digits(v.numberDisplay)}
          </span>
        )}
        <span className="badge">{v.mailboxName}</span>
        {v.forwardedFrom && <span className="muted">{t.ivr.forwardedFrom(v.forwardedFrom)}</span>}
        {v.callId !== null ? (
          <CallLink id={v.callId} className="muted vm-time">
            {instant(v.receivedAt)}
          </CallLink>
        ) : (
          <span className="muted vm-time">{instant(v.receivedAt)}</span>
        )}
      </div>
      <AudioPlayer
        testId="voicemail-player"
        durationMs={v.durationMs}
        load={async () => {
          const r = await client.call('voicemail/audio', { id: v.id });
          if (!r.ok) toast.show('error', r.error.message);
          return r.ok ? r.value : null;
        }}
        onHeard={() => {
          // Heard as soon as the message really starts to sound, as on a phone's visual voicemail:
          // the caller and the start of the message are what the count is about, and waiting for the
          // end would keep a message "new" after the user stopped it at the number they needed.
          // A play that failed never marks it; "Mark unheard" undoes it.
          if (!v.heard) void act(client.call('voicemail/mark', { id: v.id, heard: true }));
        }}
      />
      <div className="vm-actions">
        <button
          type="button"
          className="button small"
          onClick={() => void act(client.call('voicemail/mark', { id: v.id, heard: !v.heard }))}
          data-testid="voicemail-mark"
        >
          {v.heard ? t.ivr.markUnheard : t.ivr.markHeard}
        </button>
        {v.contactId !== null ? (
          <>
            <button
              type="button"
              className="button small"
              disabled={v.attachedAt !== null}
              onClick={() => void act(client.call('voicemail/attach', { id: v.id }), t.ivr.attached)}
              data-testid="voicemail-attach"
            >
              {v.attachedAt ? t.ivr.attached : t.ivr.attach}
            </button>
            <button type="button" className="button subtle small" onClick={() => onOpenContact(v.contactId!)}>
              {t.ivr.openContact}
            </button>
          </>
        ) : null}
        <select className="input" value={forwardTo} onChange={(e) => setForwardTo(e.target.value ? Number(e.target.value) : '')} aria-label={t.ivr.forwardTo}>
          <option value="">{t.ivr.forwardTo}</option>
          {mailboxes
            .filter((m) => m.id !== v.mailboxId)
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </select>
        <button
          type="button"
          className="button small"
          disabled={forwardTo === ''}
          onClick={() => void act(client.call('voicemail/forward', { id: v.id, mailboxId: Number(forwardTo) }), t.ivr.forwarded).then(() => setForwardTo(''))}
        >
          {t.ivr.forward}
        </button>
        <button
          type="button"
          className="button danger-outline small"
          onClick={() =>
            void confirm({ title: t.ivr.deleteMessageTitle, body: who ?? v.numberDisplay, confirmLabel: t.common.delete, danger: true }).then((yes) =>
              yes ? act(client.call('voicemail/delete', { id: v.id })) : undefined,
            )
          }
        >
          {t.common.delete}
        </button>
      </div>
      <div className="vm-note">
        <input
          className="input"
          value={note}
          placeholder={t.ivr.notePlaceholder}
          onChange={(e) => setNote(e.target.value)}
          aria-label={t.ivr.note}
          data-testid="voicemail-note"
        />
        <button
          type="button"
          className="button small"
          disabled={note === v.note}
          onClick={() => void act(client.call('voicemail/note', { id: v.id, note }), t.ivr.noteSaved)}
          data-testid="voicemail-note-save"
        >
          {t.common.save}
        </button>
      </div>
    </li>
  );
}

const NO_MAILBOXES: Mailbox[] = [];

/** The voicemail inbox of every mailbox, newest first. */
export function VoicemailInbox({ onOpenContact }: { onOpenContact: (id: number) => void }) {
  const { t } = useLocale();
  const [mailboxId, setMailboxId] = useState<number | null>(null);
  const [unheardOnly, setUnheardOnly] = useState(false);
  const listQuery = useQuery('voicemail/list', { mailboxId, unheardOnly }, { reloadOn: ['voicemail/changed', 'contacts/changed'] });
  const mailboxesQuery = useQuery('mailboxes/list', {}, { reloadOn: ['voicemail/changed', 'contacts/changed'] });
  const list = listQuery.data;
  const mailboxes = mailboxesQuery.data ?? NO_MAILBOXES;
  const failed = listQuery.error ?? mailboxesQuery.error;
  const retry = () => {
    listQuery.reload();
    mailboxesQuery.reload();
  };
  return (
    <div className="ivr-screen" data-testid="voicemail-inbox">
      <header className="ivr-head">
        <h2>{t.ivr.inboxTitle}</h2>
        <div className="ivr-row">
          <select
            className="input"
            value={mailboxId ?? ''}
            onChange={(e) => setMailboxId(e.target.value ? Number(e.target.value) : null)}
            aria-label={t.ivr.mailbox}
          >
            <option value="">{t.ivr.allMailboxes}</option>
            {mailboxes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <label className="checkbox-field">
            <input type="checkbox" checked={unheardOnly} onChange={(e) => setUnheardOnly(e.target.checked)} />
            {t.ivr.unheardOnly}
          </label>
        </div>
      </header>
      {failed && <LoadError message={failed} onRetry={retry} />}
      {list && list.length === 0 && !failed && <p className="ivr-empty">{mailboxes.length ? t.ivr.noMessages : t.ivr.noMailboxesInbox}</p>}
      <ul className="vm-list">
        {list?.map((v) => (
          <Message key={v.id} v={v} mailboxes={mailboxes} onOpenContact={onOpenContact} />
        ))}
      </ul>
    </div>
  );
}
