import { useEffect, useState } from 'react';
import type { ChequeTemplateSummary, ChequeValues } from '../../shared/contract/cheque-print';
import type { FileOut } from '../../shared/contract/io';
import { foldForSearch } from '../../shared/text/normalize';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { FileReadyDialog } from '../ui/file-ready-dialog';

export type PrintItem = ChequeValues & { bank: string };

type Props = { items: PrintItem[]; onClose: () => void };

/**
 * Prints paid cheques onto their leaves with a template from the designer ('cheque-templates/list'):
 * the template made for the cheques' bank is chosen first; the PDF has one leaf per page.
 */
export function PrintOnChequeDialog({ items, onClose }: Props) {
  const { t, digits, num } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const [templates, setTemplates] = useState<ChequeTemplateSummary[] | null>(null);
  const [templateId, setTemplateId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState<FileOut | null>(null);

  useEffect(() => {
    void client.call('cheque-templates/list', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setTemplates(r.value);
      // The first template whose bank names the cheques' bank, else the first one.
      const bank = foldForSearch(items[0]?.bank ?? '');
      const match = r.value.find((x) => x.bank && (bank.includes(foldForSearch(x.bank)) || foldForSearch(x.bank).includes(bank)));
      setTemplateId((match ?? r.value[0])?.id ?? null);
    });
  }, [client, items]);

  const print = async () => {
    if (templateId === null) return;
    setBusy(true);
    const r = await client.call('cheque-templates/print', { templateId, items: items.map(({ bank: _bank, ...v }) => v) });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setPdf(r.value);
  };

  if (pdf) return <FileReadyDialog file={pdf} onClose={onClose} countLabel={m.printLeaves} />;
  return (
    <Dialog
      title={m.printTitle(num(items.length))}
      onClose={onClose}
      size="medium"
      testId="print-on-cheque"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" disabled={templateId === null || busy} onClick={() => void print()} data-testid="print-on-cheque-go">
            {m.printGo}
          </button>
        </>
      }
    >
      {error && (
        <p className="form-banner error" role="alert">
          {error}
        </p>
      )}
      {templates && templates.length === 0 && (
        <p className="muted" data-testid="print-no-templates">
          {m.printNoTemplates}
        </p>
      )}
      {templates && templates.length > 0 && (
        <fieldset className="form-section print-templates">
          <legend>{m.printTemplate}</legend>
          {templates.map((x) => (
            <label key={x.id} className="checkbox-row print-template" data-testid="print-template">
              <input type="radio" name="cheque-template" checked={templateId === x.id} onChange={() => setTemplateId(x.id)} />
              <span>
                <strong>{x.name}</strong>
                <span className="muted small"> {m.printTemplateLine(x.bank || '—', digits(x.widthMm), digits(x.heightMm))}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}
