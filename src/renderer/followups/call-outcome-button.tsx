import { useState } from 'react';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { CallDisposition } from './call-disposition';

/** A small button in a call log row: the call's outcome and follow-ups in a dialog (read only when opened). */
export function CallOutcomeButton({ callId }: { callId: number }) {
  const { t } = useLocale();
  const f = t.followups;
  const [open, setOpen] = useState(false);
  return (
    <>
      {/* An icon, no text: the row's cells are read as text (the log's "returned" mark). */}
      <button
        type="button"
        className="icon-button call-outcome-open"
        onClick={() => setOpen(true)}
        title={f.cardButton}
        aria-label={f.cardButton}
        data-testid="call-outcome-open"
      >
        <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
          <rect x="4" y="3" width="12" height="15" rx="1.5" />
          <path d="M7 8h6M7 11h6M7 14h3" />
        </svg>
      </button>
      {open && (
        <Dialog title={f.cardButton} onClose={() => setOpen(false)} testId="call-outcome-dialog">
          <CallDisposition callId={callId} />
        </Dialog>
      )}
    </>
  );
}
