import type { ImportPreview } from '../../shared/contract/io';
import { useLocale } from '../i18n/use-t';

/** The records the import leaves out or changes, each with its line and the reason, as the engine wrote it. */
export function ImportNotices({ preview }: { preview: ImportPreview }) {
  const { t, num } = useLocale();
  if (preview.notices.length === 0) return null;
  const all = preview.skipped + preview.changed;
  return (
    <section data-testid="import-notices">
      <h3 className="subheading">{t.importer.noticesTitle}</h3>
      <div className="table-scroll import-notices">
        <table className="table">
          <thead>
            <tr>
              <th className="num">{t.importer.colLine}</th>
              <th>{t.importer.colNotice}</th>
            </tr>
          </thead>
          <tbody>
            {preview.notices.map((n, i) => (
              <tr key={i} className={`notice-${n.kind}`} data-testid="import-notice" data-kind={n.kind}>
                <td className="num">{num(n.line)}</td>
                <td>
                  {/* The message is in the UI's language, so it takes the page's direction: a <bdi> would
                      turn a Persian message that starts with «e@c» left to right. */}
                  <span className={n.kind === 'skipped' ? 'badge warn' : 'badge'}>{t.importer.noticeKind[n.kind]}</span> <span>{n.message}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.notices.length < all && <p className="muted">{t.importer.noticesMore(num(preview.notices.length))}</p>}
    </section>
  );
}
