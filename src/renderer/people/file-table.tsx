import type { FileKind, FileSummary } from '../../shared/contract/people';
import { useLocale } from '../i18n/use-t';

type Props = { kind: FileKind; items: FileSummary[]; selected: number | null; onSelect: (id: number) => void };

/** The files of one kind: number, name, phone, registration date, referrer (status and position for applicants). */
export function FileTable({ kind, items, selected, onSelect }: Props) {
  const { t, digits, date } = useLocale();
  const m = t.people;
  return (
    <table className="table files-table" data-testid="files-table">
      <thead>
        <tr>
          <th className="num">{m.colNo}</th>
          <th>{m.colName}</th>
          <th>{m.colPhone}</th>
          <th>{m.colRegistered}</th>
          {kind === 'applicant' ? (
            <>
              <th>{m.colPosition}</th>
              <th>{m.colStatus}</th>
            </>
          ) : (
            <th>{m.colReferrer}</th>
          )}
        </tr>
      </thead>
      <tbody>
        {items.map((f) => (
          <tr
            key={f.id}
            className={`file-row${selected === f.id ? ' selected' : ''}${f.active ? '' : ' inactive'}`}
            onClick={() => onSelect(f.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') onSelect(f.id);
            }}
            tabIndex={0}
            aria-selected={selected === f.id}
            data-testid="file-row"
            data-file-id={f.id}
          >
            <td className="num">{digits(f.fileNo)}</td>
            <td>
              <bdi>{f.displayName}</bdi>
              {!f.active && <span className="badge muted"> {m.inactive}</span>}
            </td>
            <td>
              <bdi dir="ltr">{digits(f.phone)}</bdi>
            </td>
            <td>{date(f.registeredOn)}</td>
            {kind === 'applicant' ? (
              <>
                <td>
                  <bdi>{f.position}</bdi>
                </td>
                <td>
                  <span className={`status-chip status-${f.status}`}>{m.statuses[f.status]}</span>
                </td>
              </>
            ) : (
              <td>
                <bdi>{f.referrer}</bdi>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
