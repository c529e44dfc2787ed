import { useCallback, useEffect, useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** One file, read again when it (or its contact) changes; `missing` once it is deleted. */
export function usePersonFile(id: number | null): { file: PersonFile | null; missing: boolean; set: (f: PersonFile) => void } {
  const client = useClient();
  const [file, setFile] = useState<PersonFile | null>(null);
  const [missing, setMissing] = useState(false);
  const load = useCallback(() => {
    if (id === null) return;
    void client.call('people/get', { id }).then((r) => {
      if (r.ok) {
        setFile(r.value);
        setMissing(false);
      } else if (r.error.code === 'not_found') setMissing(true);
    });
  }, [client, id]);
  useEffect(() => {
    setFile(null);
    setMissing(false);
    load();
  }, [load]);
  useEvent('people/changed', ({ ids }) => {
    if (id !== null && ids.includes(id)) load();
  });
  useEvent('contacts/changed', ({ ids }) => {
    if (file && (ids === null || ids.includes(file.contact.id))) load();
  });
  return { file: file && file.id === id ? file : null, missing, set: setFile };
}
