import { useEffect, useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import type { IvrRun, IvrTreeRow } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { runSteps, treeOfRun } from './ivr-run';
import { endText } from './ivr-steps';

/** The run is stored just after the IVR's own hang-up, so a call that has just ended may not have it yet. */
const RUN_TRIES = 20;
const RUN_RETRY_MS = 150;
const JUST_ENDED_MS = 10_000;

export type IvrRunState = { kind: 'loading' } | { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'run'; run: IvrRun; tree: IvrTreeRow | null };

const justEnded = (call: CallRow) => call.endedAt !== null && Date.now() - Date.parse(call.endedAt) < JUST_ENDED_MS;

/**
 * The answering service's run of a call, loaded when the call changes; a call that has just ended is
 * asked again for a moment, since the run is stored just after the IVR's own hang-up.
 */
export function useIvrRun(call: CallRow): IvrRunState {
  const client = useClient();
  const [state, setState] = useState<IvrRunState>({ kind: 'loading' });

  useEffect(() => {
    let stop = false;
    void (async () => {
      for (let i = 0; ; i++) {
        const r = await client.call('ivr/run', { callId: call.id });
        if (stop) return;
        if (!r.ok) return setState({ kind: 'error', message: r.error.message });
        if (r.value) {
          const run = r.value;
          const trees = await client.call('ivr/trees', {});
          if (!stop) setState({ kind: 'run', run, tree: trees.ok ? treeOfRun(run, trees.value) : null });
          return;
        }
        if (i >= RUN_TRIES || !justEnded(call)) return setState({ kind: 'none' });
        await new Promise((done) => setTimeout(done, RUN_RETRY_MS));
        if (stop) return;
      }
    })();
    return () => {
      stop = true;
    };
  }, [client, call]);
  return state;
}

/**
 * What the answering service did on one call: which tree answered, the way the caller went through
 * it (node labels from the tree as it is now; raw node ids once the tree is gone) and how it ended.
 * Opened from the call log and the contact's calls.
 */
export function IvrRunDialog({ call, onClose }: { call: CallRow; onClose: () => void }) {
  const locale = useLocale();
  const { t, digits, instant } = locale;
  const x = t.ivr;
  const state = useIvrRun(call);

  const openInbox = () => {
    onClose();
    navigate({ screen: 'voicemail' });
  };
  const who = call.contactName ?? call.callerName;
  const number = call.numberDisplay || call.numberRaw;
  return (
    <Dialog
      title={x.runTitle}
      onClose={onClose}
      testId="ivr-run-dialog"
      footer={
        <button type="button" className="button primary" onClick={onClose}>
          {t.common.close}
        </button>
      }
    >
      <dl className="ivr-run-facts">
        <dt>{x.runCall}</dt>
        <dd data-testid="ivr-run-call">
          {who && <bdi>{who}</bdi>} {number && <bdi dir="ltr">{digits(number)}</bdi>} {!who && !number && x.unknownCaller}{' '}
          <span className="muted">· {instant(call.startedAt)}</span>
        </dd>
        {state.kind === 'run' && <RunFacts run={state.run} tree={state.tree} onOpenInbox={openInbox} />}
      </dl>
      {state.kind === 'error' && (
        <p className="form-banner error" role="alert">
          {state.message}
        </p>
      )}
      {state.kind === 'none' && (
        <p className="muted" data-testid="ivr-run-none">
          {call.endedAt === null ? x.runInProgress : x.runNone}
        </p>
      )}
    </Dialog>
  );
}

/** The tree, the path and the end, as rows of the dialog's list. */
export function RunFacts({ run, tree, onOpenInbox }: { run: IvrRun; tree: IvrTreeRow | null; onOpenInbox: () => void }) {
  const locale = useLocale();
  const { t } = locale;
  const x = t.ivr;
  const steps = runSteps(run.path, tree?.tree.nodes ?? [], locale);
  return (
    <>
      <dt>{x.runTree}</dt>
      <dd data-testid="ivr-run-tree">
        <bdi>{run.treeName}</bdi>
        {!tree && <span className="muted ivr-run-gone"> {x.runTreeGone}</span>}
      </dd>
      <dt>{x.runPath}</dt>
      <dd>
        {steps.length === 0 ? (
          t.common.none
        ) : (
          <ol className="ivr-run-path" data-testid="ivr-run-path">
            {steps.map((s, i) => (
              <li key={i} className={`ivr-run-step ${s.kind}`} data-kind={s.kind}>
                <bdi dir={s.kind === 'raw' ? 'ltr' : undefined}>{s.text}</bdi>
              </li>
            ))}
          </ol>
        )}
      </dd>
      <dt>{x.runEnd}</dt>
      <dd data-testid="ivr-run-end" data-end={run.end}>
        <strong>{endText(run, { t })}</strong>
        {run.end === 'voicemail' && (
          <button type="button" className="link-button ivr-run-inbox" onClick={onOpenInbox} data-testid="ivr-run-inbox">
            {x.openInbox}
          </button>
        )}
      </dd>
    </>
  );
}
