import { href } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';

/** On a phonebook contact: the people files of this person (personnel, customer, applicant), each opening its file. */
export function ContactFiles({ contactId }: { contactId: number }) {
  const { t, digits } = useLocale();
  const q = useQuery('people/of-contact', { contactId }, { reloadOn: ['people/changed'] });
  const files = q.data ?? [];
  if (q.error) {
    return (
      <section className="detail-section" data-testid="contact-files">
        <h3 className="detail-section-title">{t.people.title}</h3>
        <LoadError message={q.error} onRetry={q.reload} />
      </section>
    );
  }
  if (files.length === 0) return null;
  return (
    <section className="detail-section" data-testid="contact-files">
      <h3 className="detail-section-title">{t.people.title}</h3>
      <p className="file-links">
        {files.map((f) => (
          <a key={f.id} className="link-button" href={href({ screen: 'file', id: f.id })} data-testid="contact-file">
            {t.people.openFile(t.people.kindOne[f.kind], digits(f.fileNo))}
          </a>
        ))}
      </p>
    </section>
  );
}
