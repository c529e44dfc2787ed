import { useCallback, useEffect, useState } from 'react';
import type { LineTestResult, LineView } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';

type State = { kind: 'running' } | { kind: 'done'; result: LineTestResult } | { kind: 'failed'; message: string };

/**
 * Asks the modem who it is again (ATI…, +FMI/+FMM/+FMR, +FCLASS=?, +VSM=?, +VLS=?) and shows what
 * it answered and the exchange itself, so a support call can read the exact lines.
 */
export function LineTestDialog({ line, onClose }: { line: LineView; onClose: () => void }) {
  const { t, digits } = useLocale();
  const client = useClient();
  const [state, setState] = useState<State>({ kind: 'running' });

  const run = useCallback(() => {
    setState({ kind: 'running' });
    void client
      .call('lines/test', { id: line.id })
      .then((r) => setState(r.ok ? { kind: 'done', result: r.value } : { kind: 'failed', message: r.error.message }));
  }, [client, line.id]);
  useEffect(run, [run]);

  const id = state.kind === 'done' ? state.result.identity : null;
  return (
    <Dialog
      title={t.lines.testTitle(line.name)}
      onClose={onClose}
      size="large"
      testId="line-test-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={run} disabled={state.kind === 'running'} data-testid="line-retest">
            {t.lines.retest}
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            {t.lines.close}
          </button>
        </>
      }
    >
      {state.kind === 'running' && <p className="muted">{t.lines.testing}</p>}
      {state.kind === 'failed' && (
        <p className="form-banner error" role="alert" data-testid="line-test-error">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && id && (
        <div className="line-test">
          <p className="line-test-ok" data-testid="line-test-ok">
            {t.lines.testOk}
          </p>
          <dl className="line-facts">
            <div>
              <dt>{t.lines.manufacturer}</dt>
              <dd dir="auto">{id.manufacturer || '—'}</dd>
            </div>
            <div>
              <dt>{t.lines.model}</dt>
              <dd dir="auto" data-testid="test-model">
                {id.model || '—'}
              </dd>
            </div>
            <div>
              <dt>{t.lines.revision}</dt>
              <dd dir="auto">{id.revision || '—'}</dd>
            </div>
            <div>
              <dt>{t.lines.profile}</dt>
              <dd className="mono" dir="ltr">
                {id.profile}
              </dd>
            </div>
            <div>
              <dt>{t.lines.classes}</dt>
              <dd className="mono" dir="ltr">
                {id.classes.join(', ')}
              </dd>
            </div>
            <div>
              <dt>{t.lines.compressions}</dt>
              <dd className="mono" dir="ltr">
                {id.compressions.map((c) => `${c.name}/${c.bits}`).join(', ') || '—'}
              </dd>
            </div>
            {id.compression && (
              <div>
                <dt>{t.lines.voiceFormat}</dt>
                <dd className="mono" dir="ltr">
                  {id.compression.name} · {digits(id.compression.rate)} Hz
                </dd>
              </div>
            )}
            {id.callerIdCommand && (
              <div>
                <dt>{t.lines.callerIdCommand}</dt>
                <dd className="mono" dir="ltr">
                  {id.callerIdCommand}
                </dd>
              </div>
            )}
          </dl>
          {!id.voice && <p className="line-warning">{t.lines.noVoice}</p>}
          <h3 className="line-test-sub">{t.lines.exchange}</h3>
          <ol className="at-exchange" dir="ltr" data-testid="at-exchange">
            {state.result.exchange.map((x, i) => (
              <li key={i} className={`at-${x.dir}`} title={x.dir === 'tx' ? t.lines.sent : t.lines.received}>
                <span className="at-dir" aria-label={x.dir === 'tx' ? t.lines.sent : t.lines.received}>
                  {x.dir === 'tx' ? '→' : '←'}
                </span>
                <span className="at-text">{x.text}</span>
              </li>
            ))}
          </ol>
        </div>
      )}
    </Dialog>
  );
}
