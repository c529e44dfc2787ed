import type { IvrNode, Mailbox, Prompt } from '../../shared/contract/ivr';
import { DTMF_KEYS } from '../../shared/contract/ivr';
import { TRANSFER_DIGITS } from '../../shared/ivr/tree-check';
import { toAsciiDigits } from '../../shared/text/digits';
import { useLocale } from '../i18n/use-t';
import { FaxDocumentRows } from './fax-document-props';

type Props = { node: IvrNode; nodes: IvrNode[]; prompts: Prompt[]; mailboxes: Mailbox[]; onChange: (n: IvrNode) => void };

function PromptSelect({
  label,
  value,
  prompts,
  onChange,
  name,
  none,
}: {
  label: string;
  value: number | null;
  prompts: Prompt[];
  onChange: (v: number | null) => void;
  name: string;
  none?: string;
}) {
  const { t } = useLocale();
  return (
    <label className="ivr-prop">
      <span>{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={name}>
        <option value="">{none ?? t.ivr.noPrompt}</option>
        {prompts.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function NumberProp({
  label,
  value,
  min,
  max,
  onChange,
  name,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (v: number) => void;
  name: string;
}) {
  const { digits } = useLocale();
  return (
    <label className="ivr-prop ivr-prop-small">
      <span>{label}</span>
      <input
        className="input"
        inputMode="numeric"
        value={digits(value)}
        data-testid={name}
        onChange={(e) => {
          const n = Number(toAsciiDigits(e.target.value).replace(/\D/g, ''));
          if (Number.isFinite(n)) onChange(Math.max(min, Math.min(max, n)));
        }}
      />
    </label>
  );
}

function KeySelect({
  label,
  value,
  onChange,
  name,
}: {
  label: string;
  value: string | null;
  onChange: (v: (typeof DTMF_KEYS)[number] | null) => void;
  name: string;
}) {
  const { t, digits } = useLocale();
  return (
    <label className="ivr-prop ivr-prop-small">
      <span>{label}</span>
      <select
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || null) as (typeof DTMF_KEYS)[number] | null)}
        data-testid={name}
      >
        <option value="">{t.ivr.noKey}</option>
        {DTMF_KEYS.map((k) => (
          <option key={k} value={k}>
            {digits(k)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * What to dial after the hook flash. Shown in the UI's digits (Persian digits in Persian), stored in
 * ASCII; kept as typed so a wrong character is flagged (red, with the node's problem under it)
 * rather than silently dropped.
 */
function DigitsProp({ label, value, onChange, name }: { label: string; value: string; onChange: (v: string) => void; name: string }) {
  const { digits } = useLocale();
  const invalid = !TRANSFER_DIGITS.test(value);
  return (
    <label className="ivr-prop ivr-prop-digits">
      <span>{label}</span>
      <input
        className={`input${invalid ? ' invalid' : ''}`}
        dir="ltr"
        inputMode="tel"
        autoComplete="off"
        maxLength={40}
        placeholder="0–9 * #"
        value={digits(value)}
        aria-invalid={invalid || undefined}
        data-testid={name}
        onChange={(e) => onChange(toAsciiDigits(e.target.value).replace(/\s/g, ''))}
      />
    </label>
  );
}

/** The properties of one node, by its kind. */
export function NodeProperties({ node: n, nodes, prompts, mailboxes, onChange }: Props) {
  const { t } = useLocale();
  switch (n.kind) {
    case 'play':
    case 'hangup':
      return (
        <div className="ivr-props">
          <PromptSelect name="node-prompt" label={t.ivr.prompt} value={n.promptId} prompts={prompts} onChange={(promptId) => onChange({ ...n, promptId })} />
        </div>
      );
    case 'menu':
      return (
        <div className="ivr-props">
          <PromptSelect name="node-prompt" label={t.ivr.prompt} value={n.promptId} prompts={prompts} onChange={(promptId) => onChange({ ...n, promptId })} />
          <PromptSelect
            name="node-wrong-prompt"
            label={t.ivr.wrongPrompt}
            value={n.wrongPromptId}
            prompts={prompts}
            onChange={(wrongPromptId) => onChange({ ...n, wrongPromptId })}
          />
          <NumberProp name="node-timeout" label={t.ivr.timeoutS} value={n.timeoutS} min={1} max={60} onChange={(timeoutS) => onChange({ ...n, timeoutS })} />
          <NumberProp name="node-retries" label={t.ivr.retries} value={n.retries} min={0} max={9} onChange={(retries) => onChange({ ...n, retries })} />
          <KeySelect name="node-repeat-key" label={t.ivr.repeatKey} value={n.repeatKey} onChange={(repeatKey) => onChange({ ...n, repeatKey })} />
          <KeySelect name="node-back-key" label={t.ivr.backKey} value={n.backKey} onChange={(backKey) => onChange({ ...n, backKey })} />
        </div>
      );
    case 'voicemail':
      return (
        <div className="ivr-props">
          <label className="ivr-prop">
            <span>{t.ivr.mailbox}</span>
            <select
              className="input"
              value={n.mailboxId ?? ''}
              onChange={(e) => onChange({ ...n, mailboxId: e.target.value ? Number(e.target.value) : null })}
              data-testid="node-mailbox"
            >
              <option value="">{t.ivr.chooseMailbox}</option>
              {mailboxes.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <PromptSelect
            name="node-prompt"
            label={t.ivr.prompt}
            value={n.promptId}
            prompts={prompts}
            none={t.ivr.mailboxGreeting}
            onChange={(promptId) => onChange({ ...n, promptId })}
          />
          <NumberProp
            name="node-max"
            label={t.ivr.maxSeconds}
            value={n.maxSeconds}
            min={5}
            max={600}
            onChange={(maxSeconds) => onChange({ ...n, maxSeconds })}
          />
        </div>
      );
    case 'operator':
      return (
        <div className="ivr-props">
          <PromptSelect
            name="node-prompt"
            label={t.ivr.holdPrompt}
            value={n.promptId}
            prompts={prompts}
            onChange={(promptId) => onChange({ ...n, promptId })}
          />
          <NumberProp name="node-wait" label={t.ivr.waitS} value={n.waitS} min={5} max={600} onChange={(waitS) => onChange({ ...n, waitS })} />
        </div>
      );
    case 'transfer':
      return (
        <div className="ivr-props">
          <PromptSelect
            name="node-prompt"
            label={t.ivr.transferPrompt}
            value={n.promptId}
            prompts={prompts}
            onChange={(promptId) => onChange({ ...n, promptId })}
          />
          <DigitsProp name="node-digits" label={t.ivr.transferDigits} value={n.digits} onChange={(digits) => onChange({ ...n, digits })} />
          <p className="muted ivr-prop-hint">{t.ivr.transferHint}</p>
        </div>
      );
    case 'goto':
      return (
        <div className="ivr-props">
          <label className="ivr-prop">
            <span>{t.ivr.jumpTo}</span>
            <select className="input" value={n.target ?? ''} onChange={(e) => onChange({ ...n, target: e.target.value || null })} data-testid="node-target">
              <option value="">—</option>
              {nodes
                .filter((x) => x.id !== n.id && x.kind !== 'goto')
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.label || `${t.ivr.kinds[x.kind]} (${x.id})`}
                  </option>
                ))}
            </select>
          </label>
        </div>
      );
    case 'hours':
      return <p className="muted ivr-props">{t.ivr.hoursHint}</p>;
    case 'fax-document':
      return (
        <div className="ivr-props">
          <PromptSelect name="node-prompt" label={t.ivr.prompt} value={n.promptId} prompts={prompts} onChange={(promptId) => onChange({ ...n, promptId })} />
          <PromptSelect
            name="node-start-prompt"
            label={t.ivr.startPrompt}
            value={n.startPromptId}
            prompts={prompts}
            onChange={(startPromptId) => onChange({ ...n, startPromptId })}
          />
          <PromptSelect
            name="node-wrong-prompt"
            label={t.ivr.wrongPrompt}
            value={n.wrongPromptId}
            prompts={prompts}
            onChange={(wrongPromptId) => onChange({ ...n, wrongPromptId })}
          />
          <NumberProp name="node-timeout" label={t.ivr.timeoutS} value={n.timeoutS} min={1} max={60} onChange={(timeoutS) => onChange({ ...n, timeoutS })} />
          <NumberProp name="node-retries" label={t.ivr.retries} value={n.retries} min={0} max={9} onChange={(retries) => onChange({ ...n, retries })} />
          <FaxDocumentRows node={n} onChange={onChange} />
          <p className="muted ivr-prop-hint">{t.ivr.faxDocumentHint}</p>
        </div>
      );
  }
}
