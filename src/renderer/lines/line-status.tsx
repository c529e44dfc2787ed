import type { LineView } from '../../shared/contract/calls';
import { useT } from '../i18n/use-t';

/** A coloured dot and the line's state in words; a disabled line says so rather than 'not connected'. */
export function LineStatusBadge({ line }: { line: Pick<LineView, 'status' | 'enabled'> }) {
  const t = useT();
  const state = line.enabled ? line.status : 'off';
  const label = line.enabled ? t.lines.statuses[line.status] : t.lines.disabled;
  return (
    <span className={`line-status line-status-${state}`} data-testid="line-status" data-status={state}>
      <span className="line-status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
