import type { CallRow } from '../../shared/contract/calls';
import { navigate } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { RunFacts, useIvrRun } from '../ivr/ivr-run-dialog';

/** On a call's page: the way the caller went through the answering service, and how it ended. */
export function CallIvrSection({ call }: { call: CallRow }) {
  const { t } = useLocale();
  const state = useIvrRun(call);
  return (
    <section className="call-section" data-testid="call-ivr">
      <h3 className="detail-section-title">{t.calls.view.ivr}</h3>
      {state.kind === 'run' && (
        <dl className="ivr-run-facts">
          <RunFacts run={state.run} tree={state.tree} onOpenInbox={() => navigate({ screen: 'voicemail' })} />
        </dl>
      )}
      {state.kind === 'error' && (
        <p className="form-banner error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'none' && <p className="muted">{call.endedAt === null ? t.ivr.runInProgress : t.ivr.runNone}</p>}
    </section>
  );
}
