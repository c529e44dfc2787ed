import { useState } from 'react';
import type { ContactQuery } from '../../shared/contract/contacts';
import type { FileOut } from '../../shared/contract/io';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { saveFile } from '../lib/download';
import { useToast } from '../ui/toast-context';

export type ExportFormat = 'vcard3' | 'vcard4' | 'csv';

/** Export and print of the filtered list or of one contact; a PDF is offered to open or save. */
export function usePhonebookFiles(query: ContactQuery) {
  const client = useClient();
  const toast = useToast();
  const { t, num } = useLocale();
  const [busy, setBusy] = useState<'export' | 'print' | null>(null);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [printingId, setPrintingId] = useState<number | null>(null);

  const exportList = async (format: ExportFormat) => {
    setBusy('export');
    const r = await client.call('io/export', { ...query, format, ids: null });
    setBusy(null);
    if (!r.ok) return toast.show('error', r.error.message);
    saveFile(r.value);
    toast.show('success', t.phonebook.exportedCount(num(r.value.count)));
  };

  const printList = async () => {
    setBusy('print');
    const r = await client.call('print/contacts', { ...query, scope: 'list', id: null });
    setBusy(null);
    if (r.ok) setPdf(r.value);
    else toast.show('error', r.error.message);
  };

  const printOne = async (id: number) => {
    setPrintingId(id);
    const r = await client.call('print/contacts', { text: '', groupId: null, filters: [], scope: 'one', id });
    setPrintingId(null);
    if (r.ok) setPdf(r.value);
    else toast.show('error', r.error.message);
  };

  return { busy, pdf, closePdf: () => setPdf(null), exportList, printList, printOne, printingId };
}
