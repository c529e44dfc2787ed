import type { ReactNode } from 'react';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { isTracked, trackCall, useTrackedCalls } from './active-calls.store';
import { CallBarItem } from './call-bar-item';
import { isInProgress } from './call-format';
import { useLines } from './use-lines';
import { lineStatusLabel } from '../lines/line-status';

/**
 * The call in progress, across the window: 'dialing' (lift the handset) → 'connected' with the
 * duration ticking → ended, with Hang up. Follows 'call/updated' for the calls dialled here and
 * for any other call that is connected on a line.
 *
 * Its strip is always there while the office has a line switched on, showing the lines' state between
 * calls: a bar that came and went would move the whole page by its height under the pointer (the
 * user about to press a key on the demo caller's keypad, or a row of the list). No lines, no calls:
 * no strip.
 */
export function CallBar({ children }: { children?: ReactNode }) {
  const { t } = useLocale();
  const calls = useTrackedCalls();
  const lines = useLines();
  useEvent('call/updated', ({ call }) => {
    // Ringing calls belong to the caller-ID popup; a call shows here once someone is on it.
    if (isTracked(call.id) || (isInProgress(call) && call.outcome !== 'ringing')) trackCall(call);
  });
  const on = (lines ?? []).filter((l) => l.enabled);
  if (calls.length === 0 && on.length === 0) return null;
  return (
    <div className="call-bars" data-testid="call-bars">
      {calls.map((c) => (
        <CallBarItem key={c.id} call={c} />
      ))}
      {/* Other modules' bars (a caller waiting for the front desk); the idle row hides by CSS when any bar shows. */}
      {children}
      {calls.length === 0 && (
        <div className="call-bar idle" data-testid="call-bar-idle">
          <span className="call-bar-main">{t.calls.noCall}</span>
          <span className="call-bar-lines">
            {on.map((l) => (
              <span
                key={l.id}
                className={`call-bar-line status-${l.status}`}
                title={l.sipProblem ? t.sipLine.problems[l.sipProblem] : undefined}
                data-testid="call-bar-line"
              >
                {t.calls.lineState(l.name, lineStatusLabel(t, l))}
              </span>
            ))}
          </span>
        </div>
      )}
    </div>
  );
}
