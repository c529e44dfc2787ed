import type { LineView } from '../../shared/contract/calls';
import type { Messages } from '../i18n/messages';
import { useT } from '../i18n/use-t';

type Shown = Pick<LineView, 'status' | 'enabled' | 'kind'>;

/** The line's state in words; a SIP line says 'registered', 'connecting' or 'down' where a modem says ready, starting, not connected. */
export function lineStatusLabel(t: Messages, line: Pick<LineView, 'status' | 'kind'>): string {
  const s = line.status;
  if (line.kind === 'sip' && (s === 'idle' || s === 'initialising' || s === 'disconnected')) return t.sipLine.statuses[s];
  return t.lines.statuses[s];
}

/** A coloured dot and the line's state in words; a disabled line says so rather than 'not connected'. */
export function LineStatusBadge({ line }: { line: Shown }) {
  const t = useT();
  const state = line.enabled ? line.status : 'off';
  const label = line.enabled ? lineStatusLabel(t, line) : t.lines.disabled;
  return (
    <span className={`line-status line-status-${state}`} data-testid="line-status" data-status={state}>
      <span className="line-status-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
