import type { LineView } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { LineStatusBadge } from './line-status';

type Props = { line: LineView; onEdit: () => void; onTest: () => void };

/** One line: name, kind, live status, the device as identified, and what can be done with it. */
export function LineCard({ line, onEdit, onTest }: Props) {
  const { t, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const id = line.identity;

  const toggle = async () => {
    const r = await client.call('lines/update', { id: line.id, data: { enabled: !line.enabled } });
    if (!r.ok) toast.show('error', r.error.message);
  };
  const remove = async () => {
    const ok = await confirm({ title: t.lines.delete, body: t.lines.confirmDelete(line.name), confirmLabel: t.lines.delete, danger: true });
    if (!ok) return;
    const r = await client.call('lines/delete', { id: line.id });
    toast.show(r.ok ? 'success' : 'error', r.ok ? t.lines.deleted(line.name) : r.error.message);
  };

  const device = id ? [id.manufacturer, id.model].filter(Boolean).join(' ') : '';
  return (
    <article className={`line-card${line.enabled ? '' : ' line-off'}`} data-testid="line-card" data-line-id={line.id}>
      <header className="line-card-head">
        <div className="line-title">
          <h2 data-testid="line-name">{line.name}</h2>
          {line.kind === 'demo' && <span className="badge line-demo-badge">{t.lines.demoBadge}</span>}
        </div>
        <LineStatusBadge line={line} />
      </header>
      <dl className="line-facts">
        <div>
          <dt>{t.lines.kind}</dt>
          <dd>{t.lines.kinds[line.kind]}</dd>
        </div>
        {line.kind === 'modem' && (
          <div>
            <dt>{t.lines.port}</dt>
            <dd className="mono" dir="ltr" data-testid="line-port">
              {line.port}
            </dd>
          </div>
        )}
        {line.kind === 'sip' && (
          <div>
            <dt>{t.sipLine.account}</dt>
            <dd className="mono" dir="ltr" data-testid="line-sip-account">
              sip:{line.sipUser}@{line.sipServer} ({line.sipTransport.toUpperCase()})
            </dd>
          </div>
        )}
        {line.kind === 'sip' && (
          <div>
            <dt>{t.sipLine.channels}</dt>
            <dd data-testid="line-sip-channels">{digits(line.sipChannels)}</dd>
          </div>
        )}
        {device && (
          <div>
            <dt>{t.lines.device}</dt>
            <dd dir="auto" data-testid="line-device">
              {device} {id?.revision && <span className="muted">({id.revision})</span>}
            </dd>
          </div>
        )}
        {id?.compression && (
          <div>
            <dt>{t.lines.voiceFormat}</dt>
            <dd dir="ltr" className="mono">
              {id.compression.name} · {digits(id.compression.rate)} Hz
            </dd>
          </div>
        )}
        {id?.voice && (
          <div>
            <dt>{t.recordings.tab}</dt>
            <dd data-testid="line-recording">
              {line.recordCalls ? t.recordings.recordCalls : '—'}
              {!line.abilities.recordCalls && <span className="muted"> ({t.recordings.abilityNone})</span>}
            </dd>
          </div>
        )}
        {line.abilities.fax && (
          <div>
            <dt>{t.lineFax.faxClass}</dt>
            <dd data-testid="line-fax-class">{t.lineFax.classes[line.abilities.fax]}</dd>
          </div>
        )}
        {id?.callerIdCommand && (
          <div>
            <dt>{t.lines.callerIdCommand}</dt>
            <dd dir="ltr" className="mono">
              {id.callerIdCommand}
            </dd>
          </div>
        )}
      </dl>
      {id && !id.voice && <p className="line-warning">{t.lines.noVoice}</p>}
      {line.enabled && line.sipProblem && (
        <p className="line-problem" data-testid="line-sip-problem" data-problem={line.sipProblem}>
          {t.sipLine.problems[line.sipProblem]}
        </p>
      )}
      {line.kind === 'sip' && (
        <p className="field-hint" data-testid="line-sip-fax-note">
          {t.sipLine.faxNote}
        </p>
      )}
      {line.enabled && line.status === 'disconnected' && line.detail && (
        <p className="line-problem" data-testid="line-detail">
          {t.lines.retrying}{' '}
          <span className="muted">
            {t.lines.technical}: <bdi dir="ltr">{line.detail}</bdi>
          </span>
        </p>
      )}
      <footer className="line-card-actions">
        <button type="button" className="button small" onClick={onEdit} data-testid="line-edit">
          {t.lines.edit}
        </button>
        {line.kind === 'modem' && (
          <button type="button" className="button small" onClick={onTest} disabled={!line.enabled} data-testid="line-test">
            {t.lines.test}
          </button>
        )}
        <button type="button" className="button small" onClick={() => void toggle()} data-testid="line-toggle">
          {line.enabled ? t.lines.disable : t.lines.enable}
        </button>
        <button type="button" className="button small danger-outline" onClick={() => void remove()} data-testid="line-delete">
          {t.lines.delete}
        </button>
      </footer>
    </article>
  );
}
