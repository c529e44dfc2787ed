import { useState } from 'react';
import type { ReportInput } from '../../shared/contract/calls';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { useToast } from '../ui/toast-context';

/** CSV is saved at once; the PDF is kept for the preview dialog. Errors become toasts. */
export function useReportFiles(input: ReportInput) {
  const client = useClient();
  const toast = useToast();
  const t = useT();
  const [busy, setBusy] = useState<'csv' | 'pdf' | null>(null);
  const [pdf, setPdf] = useState<FileOut | null>(null);

  const run = async (format: 'csv' | 'pdf') => {
    setBusy(format);
    const r = await client.call('calls/report-export', { ...input, format });
    setBusy(null);
    if (!r.ok) return toast.show('error', r.error.message);
    if (format === 'pdf') return setPdf(r.value);
    saveFile(r.value);
    toast.show('success', t.calls.exportedCsv);
  };

  return { busy, pdf, closePdf: () => setPdf(null), exportCsv: () => void run('csv'), exportPdf: () => void run('pdf') };
}
