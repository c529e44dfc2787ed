import { useEffect, useState } from 'react';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { objectUrlOf, openInNewTab, saveFile } from '../lib/download';
import { Dialog } from '../ui/dialog';

/**
 * The call report's PDF shown in the page (the viewer has its own print button), with Save and — in
 * browser mode — Open in a new tab; the phonebook's print preview, worded for a report.
 */
export function ReportPdfDialog({ file, rangeText, onClose }: { file: FileOut; rangeText: string; onClose: () => void }) {
  const { t } = useLocale();
  const [url, setUrl] = useState<string | null>(null);
  const { newTabs } = useClient().shell;

  useEffect(() => {
    const u = objectUrlOf(file);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [file]);

  return (
    <Dialog
      title={t.calls.pdfTitle}
      size="large"
      testId="report-pdf"
      onClose={onClose}
      footer={
        <>
          <span className="shortcut-hint">{t.calls.pdfBody(rangeText)}</span>
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
