import type { ActiveRecording, RecordingUsage } from '../../shared/contract/recordings';
import { useEvent } from '../hooks/use-event';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';

const NONE: ActiveRecording[] = [];

/** The recordings running now and the storage in use, kept current by 'recordings/changed'. */
export function useRecordingState(): { active: ActiveRecording[]; usage: RecordingUsage | null } {
  const active = useQuery('recordings/active', {});
  const usage = useQuery('recordings/list', { limit: 1 });
  useFailureToast(active.error ?? usage.error);
  useEvent('recordings/changed', (p) => {
    active.setData(() => p.active);
    usage.setData((u) => ({ rows: u?.rows ?? [], total: u?.total ?? 0, usage: p.usage }));
  });
  return { active: active.data ?? NONE, usage: usage.data?.usage ?? null };
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
