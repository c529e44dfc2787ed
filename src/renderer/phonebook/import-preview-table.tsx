import type { ContactData } from '../../shared/contract/contacts';
import type { ImportPreview } from '../../shared/contract/io';
import { useLocale } from '../i18n/use-t';

const nameOf = (c: ContactData) => [c.prefix, c.firstName, c.middleName, c.lastName, c.suffix].filter(Boolean).join(' ') || c.nickname || c.company;

/** The first records of the file as the engine read them; duplicates are highlighted. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t, num, digits } = useLocale();
  return (
    <div className="table-scroll">
      <table className="table" data-testid="import-preview-table">
        <thead>
          <tr>
            <th className="num">{t.importer.colLine}</th>
            <th>{t.importer.colName}</th>
            <th>{t.importer.colCompany}</th>
            <th>{t.importer.colPhones}</th>
            <th>{t.importer.colDuplicate}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.line} className={r.duplicateOf.length || r.sameAsLine !== null ? 'duplicate' : undefined} data-testid="import-row">
              <td className="num">{num(r.line)}</td>
              <td>
                <bdi>{nameOf(r.contact) || t.row.noName}</bdi>
              </td>
              <td>
                <bdi>{r.contact.company}</bdi>
              </td>
              <td>
                {r.contact.phones.map((p, i) => (
                  <div key={i} className="cell-phone">
                    <bdi dir="ltr">{digits(p.number)}</bdi>
                  </div>
                ))}
              </td>
              <td className="dup-cell">
                {[...r.duplicateOf.map((d) => d.displayName), ...(r.sameAsLine === null ? [] : [t.importer.sameAsLine(num(r.sameAsLine))])].join(
                  t.common.listSeparator,
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
