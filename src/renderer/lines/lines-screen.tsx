import { useEffect, useState } from 'react';
import { navigate } from '../app/router';
import type { LineKindSetting, LineView } from '../../shared/contract/calls';
import { useLinesQuery } from '../calls/use-lines';
import { LoadError } from '../ui/load-error';
import { useT } from '../i18n/use-t';
import { DemoCallPanel } from './demo-call-panel';
import { LineCard } from './line-card';
import { LineForm } from './line-form';
import { LineTestDialog } from './line-test-dialog';
import { NotificationPermission } from './notification-permission';

type FormTarget = { line: LineView | null; kind: LineKindSetting };

/**
 * The office's telephone lines: each voice modem (and the demo line) with its live status, what was
 * learnt about the device, and its settings. The demo line carries the panel that makes it ring.
 */
export function LinesScreen({ lineId }: { lineId: number | null }) {
  const t = useT();
  const linesQuery = useLinesQuery();
  const lines = linesQuery.data;
  // A new line's form is the screen's own; a line's settings are the route's ('#/line/2').
  const [ownForm, setForm] = useState<FormTarget | null>(null);
  const routeLine = lineId === null ? null : (lines?.find((l) => l.id === lineId) ?? null);
  const form = routeLine ? { line: routeLine, kind: routeLine.kind } : ownForm;
  // A line that is not (or no longer) there: the lines, in the same history entry.
  useEffect(() => {
    if (lineId !== null && lines && !routeLine) navigate({ screen: 'lines' }, { replace: true });
  }, [lineId, lines, routeLine]);
  const closeForm = () => (routeLine ? navigate({ screen: 'lines' }) : setForm(null));
  const [testing, setTesting] = useState<LineView | null>(null);
  const hasDemo = lines?.some((l) => l.kind === 'demo') ?? true;

  return (
    <div className="lines-screen" data-testid="lines-screen">
      <div className="lines-head">
        <div>
          <h1>{t.lines.title}</h1>
          <p className="muted">{t.lines.intro}</p>
        </div>
        <div className="lines-actions">
          {!hasDemo && (
            <button type="button" className="button" onClick={() => setForm({ line: null, kind: 'demo' })} data-testid="line-add-demo">
              {t.lines.addDemo}
            </button>
          )}
          <button type="button" className="button primary" onClick={() => setForm({ line: null, kind: 'modem' })} data-testid="line-add">
            {t.lines.add}
          </button>
        </div>
      </div>
      <NotificationPermission />
      {linesQuery.error && <LoadError message={linesQuery.error} onRetry={linesQuery.reload} testId="lines-load-error" />}
      {lines && lines.length === 0 && (
        <p className="lines-empty" data-testid="lines-empty">
          {t.lines.empty}
        </p>
      )}
      <ul className="line-cards" aria-label={t.lines.listLabel}>
        {(lines ?? []).map((line) => (
          <li key={line.id} className="line-card-item">
            <LineCard line={line} onEdit={() => navigate({ screen: 'line', id: line.id })} onTest={() => setTesting(line)} />
            {line.kind === 'demo' && line.enabled && <DemoCallPanel line={line} />}
          </li>
        ))}
      </ul>
      {form && <LineForm key={form.line?.id ?? 'new'} line={form.line} kind={form.kind} onClose={closeForm} />}
      {testing && <LineTestDialog line={testing} onClose={() => setTesting(null)} />}
    </div>
  );
}
