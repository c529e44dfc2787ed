import { useEffect, useState } from 'react';
import type { ActiveRecording, RecordingUsage } from '../../shared/contract/recordings';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The recordings running now and the storage in use, kept current by 'recordings/changed'. */
export function useRecordingState(): { active: ActiveRecording[]; usage: RecordingUsage | null } {
  const client = useClient();
  const [active, setActive] = useState<ActiveRecording[]>([]);
  const [usage, setUsage] = useState<RecordingUsage | null>(null);
  useEffect(() => {
    let stop = false;
    void client.call('recordings/active', {}).then((r) => !stop && r.ok && setActive(r.value));
    void client.call('recordings/list', { limit: 1 }).then((r) => !stop && r.ok && setUsage(r.value.usage));
    return () => {
      stop = true;
    };
  }, [client]);
  useEvent('recordings/changed', (p) => {
    setActive(p.active);
    setUsage(p.usage);
  });
  return { active, usage };
}

type SizeWords = { kilobytes: (n: string) => string; megabytes: (n: string) => string; gigabytes: (n: string) => string };

/** Bytes as KB under a megabyte, MB (as the limits are typed) below 10 GB, GB above, in the user's digits. */
export function formatSize(bytes: number, num: (n: number) => string, t: SizeWords, digits: (s: string) => string): string {
  // Persian digits take the Persian decimal separator.
  const dec = (x: number) => {
    const d = digits(x.toFixed(1));
    return /[۰-۹]/.test(d) ? d.replace('.', '٫') : d;
  };
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return t.kilobytes(num(Math.max(bytes > 0 ? 1 : 0, Math.round(bytes / 1024))));
  if (mb >= 10 * 1024) return t.gigabytes(dec(mb / 1024));
  return t.megabytes(mb >= 10 ? num(Math.round(mb)) : dec(mb));
}
