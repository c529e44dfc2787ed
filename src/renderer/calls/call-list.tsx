import { useEffect, useRef, useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import { useScaledVirtualizer } from '../hooks/use-scaled-virtualizer';
import { useT } from '../i18n/use-t';
import { IvrRunDialog } from '../ivr/ivr-run-dialog';
import { RecordingDialog } from '../recordings/recording-dialog';
import { LoadError } from '../ui/load-error';
import { CallRowView } from './call-row';
import type { CallLog } from './use-call-log';

export const CALL_ROW_HEIGHT = 44;

type Props = {
  log: CallLog;
  /** What to say when there are no rows (no lines yet / nothing logged / nothing matches). */
  emptyText: string;
  onDial: (number: string) => void;
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
};

/** The virtualised call log with its column header; only the rows in view exist in the page. */
export function CallList({ log, emptyText, onDial, onOpenContact, onAddContact }: Props) {
  const t = useT();
  const c = t.calls;
  const ref = useRef<HTMLDivElement>(null);
  const { virtualizer, realHeight, realTop, scrollToTop } = useScaledVirtualizer(log.rowCount, CALL_ROW_HEIGHT, ref);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = log;
  const [recording, setRecording] = useState<number | null>(null);
  const [ivrCall, setIvrCall] = useState<CallRow | null>(null);

  useEffect(() => {
    if (log.rowCount > 0) ensureRange(first, last);
  }, [first, last, ensureRange, log.rowCount, log.version]);

  const lastQuery = useRef(log.queryKey);
  useEffect(() => {
    if (lastQuery.current === log.queryKey) return;
    lastQuery.current = log.queryKey;
    scrollToTop();
  }, [log.queryKey, scrollToTop]);

  return (
    <div className="call-table" role="table" aria-label={c.listLabel} aria-rowcount={log.totalExact ? log.total + 1 : -1}>
      <div className="call-row call-head" role="row" aria-rowindex={1}>
        {[c.colWhen, c.colLine, c.colKind, c.colNumber, c.colContact, c.colDuration, c.colReturned].map((h) => (
          <span key={h} role="columnheader">
            {h}
          </span>
        ))}
      </div>
      <div ref={ref} className="call-list" data-testid="call-list">
        {log.settled && log.total === 0 && !log.error && (
          <div className="list-empty" data-testid="call-list-empty">
            {emptyText}
          </div>
        )}
        {log.error && <LoadError variant="list" message={log.error} onRetry={log.reload} testId="call-list-error" />}
        <div className="contact-list-spacer" role="rowgroup" style={{ height: realHeight }}>
          {items.map((item) => (
            <CallRowView
              key={item.key}
              call={log.getRow(item.index)}
              index={item.index}
              top={realTop(item.start)}
              height={CALL_ROW_HEIGHT}
              stale={!log.settled}
              onDial={onDial}
              onOpenContact={onOpenContact}
              onAddContact={onAddContact}
              onOpenRecording={setRecording}
              onOpenIvrRun={setIvrCall}
            />
          ))}
        </div>
      </div>
      {recording !== null && <RecordingDialog recordingId={recording} onClose={() => setRecording(null)} onOpenContact={onOpenContact} />}
      {ivrCall !== null && <IvrRunDialog call={ivrCall} onClose={() => setIvrCall(null)} />}
    </div>
  );
}
