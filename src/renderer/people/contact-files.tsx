import { useEffect, useState } from 'react';
import type { FileRef } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';

/** On a phonebook contact: the people files of this person (personnel, customer, applicant), each opening its file. */
export function ContactFiles({ contactId }: { contactId: number }) {
  const { t, digits } = useLocale();
  const client = useClient();
  const [files, setFiles] = useState<FileRef[]>([]);
  const [tick, setTick] = useState(0);
  useEvent('people/changed', () => setTick((x) => x + 1));
  useEffect(() => {
    let stop = false;
    void client.call('people/of-contact', { contactId }).then((r) => !stop && r.ok && setFiles(r.value));
    return () => {
      stop = true;
    };
  }, [client, contactId, tick]);
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
