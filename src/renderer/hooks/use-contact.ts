import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useEvent } from './use-event';

export type ContactState = {
  /** The contact; while another id loads, the previous one (see `stale`) so the pane does not flash. */
  contact: Contact | null;
  stale: boolean;
  /** The contact was deleted (here or elsewhere). */
  missing: boolean;
  error: string | null;
  loading: boolean;
  /** Replaces the shown contact with one the engine returned (after adding a note, say). */
  set: (c: Contact) => void;
};

/** One full contact, reloaded when the engine says it (or everything) changed. */
export function useContact(id: number | null): ContactState {
  const client = useClient();
  const [contact, setContact] = useState<Contact | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const requestId = useRef(0);

  const load = useCallback(
    (quiet: boolean) => {
      const mine = ++requestId.current;
      if (id === null) {
        setContact(null);
        setMissing(false);
        setError(null);
        return;
      }
      if (!quiet) setLoading(true);
      void client.call('contacts/get', { id }).then((r) => {
        if (mine !== requestId.current) return;
        setLoading(false);
        if (r.ok) {
          setContact(r.value);
          setMissing(false);
          setError(null);
        } else if (r.error.code === 'not_found') {
          setContact(null);
          setMissing(true);
        } else {
          setError(r.error.message);
        }
      });
    },
    [client, id],
  );

  useEffect(() => {
    setMissing(false);
    setError(null);
    load(false);
  }, [load, id]);

  useEvent('contacts/changed', ({ ids }) => {
    if (id !== null && (ids === null || ids.includes(id))) load(true);
  });
  // Group names and colours, and field names, are shown from the catalog; values may be dropped.
  useEvent('fields/changed', () => load(true));

  const set = useCallback((c: Contact) => {
    requestId.current++;
    setContact(c);
  }, []);

  const shown = id === null ? null : contact;
  return { contact: shown, stale: shown !== null && shown.id !== id, missing, error, loading, set };
}
