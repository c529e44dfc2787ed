import { useEffect, useState } from 'react';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { objectUrlOf, openInNewTab, saveFile } from '../lib/download';
import { Dialog } from './dialog';

/**
 * A PDF made by the engine, shown in the page (the browser's PDF viewer has its own print button),
 * with Save and — in browser mode — Open in a new tab. A dialog rather than opening at once because
 * a browser only lets a click open a tab, and the PDF arrives after the click.
 */
export function FileReadyDialog({ file, onClose, countLabel }: { file: FileOut; onClose: () => void; countLabel?: (n: string) => string }) {
  const { t, num } = useLocale();
  const [url, setUrl] = useState<string | null>(null);
  const { newTabs } = useClient().shell;

  useEffect(() => {
    const u = objectUrlOf(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);

  return (
    <Dialog
      title={t.fileReady.title}
      size="large"
      testId="file-ready"
      onClose={onClose}
      footer={
        <>
          {/* FSI…PDI keeps a Latin file name from reordering the Persian sentence around it. */}
          <span className="shortcut-hint" data-testid="file-ready-count">{countLabel ? `\u2068${file.fileName}\u2069 — ${countLabel(num(file.count))}` : t.fileReady.pdfBody(`\u2068${file.fileName}\u2069`, num(file.count))}</span>
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
      {url && <iframe className="pdf-frame" src={url} title={file.fileName} data-testid="pdf-preview" />}
    </Dialog>
  );
}
