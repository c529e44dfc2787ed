import { useMemo } from 'react';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useObjectUrl } from '../hooks/use-object-url';
import { bytesOf, openInNewTab, saveFile } from '../lib/download';
import { Dialog } from './dialog';
import { PdfViewer } from './pdf-viewer';

type Props = {
  file: FileOut;
  onClose: () => void;
  /** How the count of what the file holds is said (default: the file's name and its pages). */
  countLabel?: (n: string) => string;
  /** A report's own title and sentence (the call report), in place of the file's name and count. */
  title?: string;
  hint?: string;
  testId?: string;
};

/**
 * A PDF made by the engine, drawn in the page by pdf.js (PdfViewer: pages, zoom, Print), with Save
 * and — in browser mode — Open in a new tab. A dialog rather than opening at once because
 * a browser only lets a click open a tab, and the PDF arrives after the click. Every PDF preview
 * (printed lists, forms, cheques, the call report) is this one dialog.
 */
export function FileReadyDialog({ file, onClose, countLabel, title, hint, testId = 'file-ready' }: Props) {
  const { t, num } = useLocale();
  const url = useObjectUrl(file);
  const bytes = useMemo(() => bytesOf(file), [file]);
  const { newTabs } = useClient().shell;

  return (
    <Dialog
      title={title ?? t.fileReady.title}
      size="large"
      testId={testId}
      onClose={onClose}
      footer={
        <>
          {/* FSI…PDI keeps a Latin file name from reordering the Persian sentence around it. */}
          <span className="shortcut-hint" data-testid="file-ready-count">
            {hint ??
              (countLabel
                ? `\u2068${file.fileName}\u2069 — ${countLabel(num(file.count))}`
                : t.fileReady.pdfBody(`\u2068${file.fileName}\u2069`, num(file.count)))}
          </span>
          <button type="button" className="button" onClick={onClose}>
            {t.common.close}
          </button>
          {newTabs && (
            <button type="button" className="button" onClick={() => openInNewTab(file)} data-testid="open-pdf">
              {t.fileReady.openPdf}
            </button>
          )}
          <button type="button" className="button primary" data-autofocus onClick={() => saveFile(file, url ?? undefined)} data-testid="save-pdf">
            {t.fileReady.savePdf}
          </button>
        </>
      }
    >
      <PdfViewer bytes={bytes} fileName={file.fileName} />
    </Dialog>
  );
}
