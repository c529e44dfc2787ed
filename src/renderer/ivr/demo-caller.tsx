import { useState } from 'react';
import type { LineView } from '../../shared/contract/calls';
import { DTMF_KEYS, type IvrRun, type IvrTreeRow } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { endText, pathText } from './ivr-steps';

/** The run is stored just after the IVR's own hang-up, so it may lag the call's end by a moment. */
const RUN_TRIES = 20;
const RUN_RETRY_MS = 150;

/**
 * A simulated caller on the demo line: ring it, press keys on a keypad, speak (a test sound the
 * mailbox records), hang up — the whole tree can be walked without a telephone line. When a call the
 * IVR answered ends, its path and how it ended are shown.
 */
export function DemoCaller({ lines, trees }: { lines: LineView[]; trees: IvrTreeRow[] }) {
  const locale = useLocale();
  const { t, digits } = locale;
  const client = useClient();
  const toast = useToast();
  const demos = lines.filter((l) => l.kind === 'demo');
  const [lineId, setLineId] = useState<number | null>(null);
  const [number, setNumber] = useState('09121234567');
  const [status, setStatus] = useState<Record<number, string>>({});
  const [lastRun, setLastRun] = useState<IvrRun | null>(null);
  const id = lineId ?? demos[0]?.id ?? null;
  useEvent('lines/status', (s) => setStatus((m) => ({ ...m, [s.lineId]: s.status })));
  useEvent('call/updated', ({ call }) => {
    // A call the IVR handed to fax (fax-on-demand, adaptive answer) ends as 'fax': its run is shown too.
    if (call.lineId !== id || (call.outcome !== 'ivr' && call.outcome !== 'fax') || call.endedAt === null) return;
    void (async () => {
      for (let i = 0; i < RUN_TRIES; i++) {
        const r = await client.call('ivr/run', { callId: call.id });
        if (!r.ok) return toast.show('error', r.error.message);
        if (r.value) return setLastRun(r.value);
        await new Promise((done) => setTimeout(done, RUN_RETRY_MS));
      }
    })();
  });
  if (id === null) return <p className="muted">{t.ivr.noDemoLine}</p>;
  const line = demos.find((l) => l.id === id);
  const st = status[id] ?? line?.status ?? 'idle';
  const run = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await p;
    if (!r.ok) toast.show('error', r.error?.message ?? '');
  };
  return (
    <section className="card ivr-demo" aria-label={t.ivr.demoTitle} data-testid="demo-caller">
      <h3>{t.ivr.demoTitle}</h3>
      <p className="muted">{t.ivr.demoHint}</p>
      {/* The controls of a call in progress: the caller card never sits on them (popup/keep-clear.ts). */}
      <div className="ivr-row" data-keep-clear>
        {demos.length > 1 && (
          <select className="input" value={id} onChange={(e) => setLineId(Number(e.target.value))} aria-label={t.ivr.line}>
            {demos.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        )}
        <input
          className="input"
          dir="ltr"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          aria-label={t.ivr.callerNumber}
          data-testid="demo-caller-number"
        />
        <button
          type="button"
          className="button primary"
          onClick={() => void run(client.call('lines/demo-call', { lineId: id, number, format: 'mdmf', rings: 10 }))}
          data-testid="demo-caller-ring"
        >
          {t.ivr.ring}
        </button>
        <span className="badge" data-testid="demo-caller-status">
          {t.lines.statuses[st as keyof typeof t.lines.statuses] ?? st}
        </span>
      </div>
      <div className="ivr-keypad" dir="ltr" role="group" aria-label={t.ivr.keypad} data-keep-clear>
        {DTMF_KEYS.map((k) => (
          <button
            key={k}
            type="button"
            className="button"
            onClick={() => void run(client.call('ivr/demo-keys', { lineId: id, keys: k }))}
            data-testid={`demo-key-${k === '*' ? 'star' : k === '#' ? 'hash' : k}`}
          >
            {digits(k)}
          </button>
        ))}
      </div>
      <div className="ivr-row" data-keep-clear>
        <button
          type="button"
          className="button"
          onClick={() => void run(client.call('ivr/demo-speak', { lineId: id, seconds: 3 }))}
          data-testid="demo-caller-speak"
        >
          {t.ivr.speak}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void run(client.call('ivr/demo-fax-start', { lineId: id }))}
          data-testid="demo-caller-fax-start"
        >
          {t.ivr.faxStart}
        </button>
        <button
          type="button"
          className="button danger-outline"
          onClick={() => void run(client.call('ivr/demo-hang-up', { lineId: id }))}
          data-testid="demo-caller-hangup"
        >
          {t.ivr.callerHangsUp}
        </button>
      </div>
      {lastRun && (
        <p className="muted" data-testid="demo-caller-run">
          {t.ivr.lastRun}: {pathText(lastRun.path, trees.find((x) => x.id === lastRun.treeId)?.tree.nodes ?? [], locale)} —{' '}
          <strong data-testid="demo-caller-run-end" data-end={lastRun.end}>
            {endText(lastRun, locale)}
          </strong>
        </p>
      )}
    </section>
  );
}
