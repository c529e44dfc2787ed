import type { ExportFormat } from './use-phonebook-files';
import { useT } from '../i18n/use-t';
import { MenuButton } from '../ui/menu-button';
import { href } from '../app/router';

type Props = {
  onNew: () => void;
  onImport: () => void;
  onExport: (format: ExportFormat) => void;
  onPrint: () => void;
  onManage: () => void;
  busy: 'export' | 'print' | null;
};

/** Actions on the phonebook; export and print apply to the list as currently filtered. */
export function PhonebookToolbar({ onNew, onImport, onExport, onPrint, onManage, busy }: Props) {
  const t = useT();
  return (
    <div className="toolbar" role="toolbar">
      <button type="button" className="button primary" onClick={onNew} data-testid="new-contact">
        + {t.phonebook.newContact}
      </button>
      <button type="button" className="button" onClick={onImport} data-testid="import-button">
        {t.phonebook.import}
      </button>
      <MenuButton
        label={busy === 'export' ? t.phonebook.preparing : t.phonebook.export}
        disabled={busy !== null}
        testId="export-button"
        items={[
          { id: 'vcard3', label: t.phonebook.exportVcard3, onSelect: () => onExport('vcard3') },
          { id: 'vcard4', label: t.phonebook.exportVcard4, onSelect: () => onExport('vcard4') },
          { id: 'csv', label: t.phonebook.exportCsv, onSelect: () => onExport('csv') },
        ]}
      />
      <button type="button" className="button" onClick={onPrint} disabled={busy !== null} data-testid="print-list">
        {busy === 'print' ? t.phonebook.preparing : t.phonebook.printList}
      </button>
      <a className="button" href={href({ screen: 'duplicates' })} data-testid="duplicates-button">
        {t.duplicates.open}
      </a>
      <span className="toolbar-spacer" />
      <button type="button" className="button subtle" onClick={onManage} data-testid="manage-button">
        {t.phonebook.manage}
      </button>
    </div>
  );
}
