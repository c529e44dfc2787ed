import { useState } from 'react';
import type { Mailbox, Prompt } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Draft = { id: number | null; name: string; kind: 'person' | 'department'; greetingPromptId: number | null };

/** Voice mailboxes: per person or department, each with its own greeting. */
export function Mailboxes({ mailboxes, prompts }: { mailboxes: Mailbox[]; prompts: Prompt[] }) {
  const { t, num } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  const save = async () => {
    if (!draft) return;
    const data = { name: draft.name, kind: draft.kind, greetingPromptId: draft.greetingPromptId };
    const r = draft.id === null ? await client.call('mailboxes/create', data) : await client.call('mailboxes/update', { id: draft.id, data });
    if (!r.ok) return setError({ field: r.error.field ?? 'name', message: r.error.message });
    setError(null);
    setDraft(null);
  };
  const remove = async (m: Mailbox) => {
    if (!(await confirm({ title: t.ivr.deleteMailboxTitle, body: t.ivr.deleteMailboxBody(m.name, num(m.total)), confirmLabel: t.common.delete, danger: true })))
      return;
    const r = await client.call('mailboxes/delete', { id: m.id });
    if (!r.ok) toast.show('error', r.error.message);
  };

  return (
    <div className="ivr-section" data-testid="mailboxes">
      <div className="ivr-row">
        <button
          type="button"
          className="button primary"
          onClick={() => setDraft({ id: null, name: '', kind: 'department', greetingPromptId: null })}
          data-testid="mailbox-new"
        >
          {t.ivr.newMailbox}
        </button>
      </div>
      {draft && (
        <form
          className="card ivr-mailbox-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <TextField
            name="mailbox-name"
            label={t.ivr.mailboxName}
            value={draft.name}
            onChange={(name) => setDraft({ ...draft, name })}
            error={error?.field === 'name' ? error.message : undefined}
            autoFocus
          />
          <label className="ivr-prop">
            <span>{t.ivr.mailboxKind}</span>
            <select className="input" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
              <option value="department">{t.ivr.mailboxKinds.department}</option>
              <option value="person">{t.ivr.mailboxKinds.person}</option>
            </select>
          </label>
          <label className="ivr-prop">
            <span>{t.ivr.greeting}</span>
            <select
              className="input"
              value={draft.greetingPromptId ?? ''}
              onChange={(e) => setDraft({ ...draft, greetingPromptId: e.target.value ? Number(e.target.value) : null })}
              data-testid="mailbox-greeting"
            >
              <option value="">{t.ivr.noPrompt}</option>
              {prompts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <div className="ivr-row">
            <button type="submit" className="button primary" data-testid="mailbox-save">
              {t.common.save}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {t.common.cancel}
            </button>
          </div>
        </form>
      )}
      {mailboxes.length === 0 ? (
        <p className="ivr-empty">{t.ivr.noMailboxes}</p>
      ) : (
        <ul className="ivr-list">
          {mailboxes.map((m) => (
            <li key={m.id} className="ivr-list-item" data-testid="mailbox-item">
              <div className="ivr-item-head">
                <strong>{m.name}</strong>
                <span className="badge">{t.ivr.mailboxKinds[m.kind]}</span>
                <span className="muted">{t.ivr.messageCount(num(m.total), num(m.unheard))}</span>
              </div>
              <p className="muted">
                {t.ivr.greeting}: {prompts.find((p) => p.id === m.greetingPromptId)?.name ?? t.ivr.noPrompt}
              </p>
              <div className="ivr-row">
                <button
                  type="button"
                  className="button subtle small"
                  onClick={() => setDraft({ id: m.id, name: m.name, kind: m.kind, greetingPromptId: m.greetingPromptId })}
                >
                  {t.common.edit}
                </button>
                <button type="button" className="button danger-outline small" onClick={() => void remove(m)}>
                  {t.common.delete}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
