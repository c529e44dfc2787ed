import { useCallback, useEffect, useState } from 'react';
import type { RecordingList, RecordingSettings } from '../../shared/contract/recordings';
import { parseDateInput } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { CallKind } from '../calls/call-kind';
import { CallLink } from '../calls/call-link';
import { clock } from '../ivr/audio-player';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { RecordingDialog, RecordingPlayButton } from './recording-dialog';
import { formatSize } from './use-recordings';

const PAGE = 100;

/**
 * The Calls screen's Recordings tab: the storage in use against the limit and the free disk (with
 * the warnings), the recordings newest first (by date range, kept only), each opened to play, keep,
 * note, save or delete; and the storage rules.
 */
/** `open`: the recording in its player, from the route ('#/recording/9'); opening and closing one navigates. */
export function RecordingsView({ open, onOpenContact }: { open: number | null; onOpenContact: (id: number) => void }) {
  const { t, num, digits, instant, calendar } = useLocale();
  const r = t.recordings;
  const client = useClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [keptOnly, setKeptOnly] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const [list, setList] = useState<RecordingList | null>(null);
  const setOpen = (id: number | null) => navigate(id === null ? { screen: 'calls', tab: 'recordings' } : { screen: 'recording', id });
  const [tick, setTick] = useState(0);

  const fromIso = from.trim() ? parseDateInput(from, calendar) : null;
  const toIso = to.trim() ? parseDateInput(to, calendar) : null;
  const load = useCallback(async () => {
    const x = await client.call('recordings/list', { from: fromIso, to: toIso, keptOnly, limit });
    if (x.ok) setList(x.value);
  }, [client, fromIso, toIso, keptOnly, limit]);
  useEffect(() => {
    void load();
  }, [load, tick]);
  useEvent('recordings/changed', () => setTick((n) => n + 1));

  const usage = list?.usage ?? null;
  const size = (b: number) => formatSize(b, num, r, digits);
  return (
    <div className="recordings-view" data-testid="recordings-view">
      {usage && (
        <div className="rec-usage">
          <p data-testid="rec-usage">
            {r.usage(size(usage.bytes), size(usage.limitBytes), num(usage.count))}
            {' · '}
            {usage.diskFreeBytes === null ? r.diskUnknown : r.diskFree(size(usage.diskFreeBytes))}
          </p>
          <div className="rec-meter" aria-hidden="true">
            <span style={{ width: `${Math.min(100, (usage.bytes / Math.max(1, usage.limitBytes)) * 100)}%` }} />
          </div>
          {usage.warnings.includes('disk-low') && (
            <p className="form-banner error" role="alert" data-testid="rec-warn-disk">
              {r.warnDisk}
            </p>
          )}
          {usage.warnings.includes('kept-over-limit') && (
            <p className="form-banner warning" role="alert" data-testid="rec-warn-kept">
              {r.warnKept}
            </p>
          )}
        </div>
      )}
      <div className="rec-filters">
        <DateInput name="rec-from" label={r.from} value={from} onChange={setFrom} className="call-date" />
        <DateInput name="rec-to" label={r.to} value={to} onChange={setTo} className="call-date" />
        <label className="checkbox-row">
          <input type="checkbox" checked={keptOnly} onChange={(e) => setKeptOnly(e.target.checked)} data-testid="rec-kept-only" />
          {r.keptOnly}
        </label>
      </div>
      {list && list.rows.length === 0 ? (
        <p className="muted empty-note" data-testid="rec-empty">
          {r.empty}
        </p>
      ) : (
        <table className="rec-table" aria-label={r.listLabel}>
          <thead>
            <tr>
              <th aria-label={r.play} />
              <th>{r.when}</th>
              <th>{r.who}</th>
              <th>{r.line}</th>
              <th>{r.length}</th>
              <th>{r.size}</th>
              <th>{r.note}</th>
            </tr>
          </thead>
          <tbody>
            {list?.rows.map((x) => (
              <tr key={x.id} data-testid="rec-row" data-recording-id={x.id} data-call-id={x.callId}>
                <td>
                  <RecordingPlayButton onOpen={() => setOpen(x.id)} />
                </td>
                <td>
                  <CallLink id={x.callId}>{instant(x.startedAt)}</CallLink>
                </td>
                <td>
                  <CallKind direction={x.direction} outcome="answered" unreturned={false} />{' '}
                  {x.contactName ? (
                    <button type="button" className="link-button" onClick={() => onOpenContact(x.contactId!)}>
                      <bdi>{x.contactName}</bdi>
                    </button>
                  ) : x.callerName ? (
                    <bdi>{x.callerName}</bdi>
                  ) : null}{' '}
                  {x.numberDisplay ? (
                    <bdi dir="ltr" className="muted">
                      {digits(x.numberDisplay)}
                    </bdi>
                  ) : (
                    !x.contactName && !x.callerName && <span className="muted">{r.unknown}</span>
                  )}
                </td>
                <td>
                  <bdi>{x.lineName}</bdi>
                </td>
                <td>
                  <bdi dir="ltr">{digits(clock(x.durationMs))}</bdi>
                </td>
                <td>{size(x.bytes)}</td>
                <td className="rec-note-cell">
                  {x.keep && <span className="rec-kept">{r.kept}</span>} {x.note}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list && list.total > list.rows.length && (
        <button type="button" className="button" onClick={() => setLimit((n) => n + PAGE)}>
          {r.more}
        </button>
      )}
      <RecordingRules />
      {open !== null && <RecordingDialog recordingId={open} onClose={() => setOpen(null)} onOpenContact={onOpenContact} />}
    </div>
  );
}

type Draft = { limitMb: string; retentionDays: string; warnFreeMb: string };
const BOUNDS: Record<keyof RecordingSettings, [number, number]> = { limitMb: [50, 1_000_000], retentionDays: [0, 3650], warnFreeMb: [50, 1_000_000] };

/** The storage rules: limit, retention and the free-space warning; bad numbers are named in place. */
function RecordingRules() {
  const { t, num, digits, dir } = useLocale();
  const r = t.recordings;
  const client = useClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  useEffect(() => {
    void client.call('recordings/settings', {}).then((x) => {
      if (x.ok) setDraft({ limitMb: digits(x.value.limitMb), retentionDays: digits(x.value.retentionDays), warnFreeMb: digits(x.value.warnFreeMb) });
    });
  }, [client, digits]);
  if (!draft) return null;

  const save = async () => {
    const out: Partial<RecordingSettings> = {};
    for (const k of Object.keys(BOUNDS) as (keyof RecordingSettings)[]) {
      const text = toAsciiDigits(draft[k]).trim().replace(/[,٬]/g, '');
      const n = /^\d+$/.test(text) ? Number(text) : NaN;
      const [min, max] = BOUNDS[k];
      if (!(n >= min && n <= max)) return setError({ field: k, message: r.badNumber(num(min), num(max)) });
      out[k] = n;
    }
    const x = await client.call('recordings/settings-update', out as RecordingSettings);
    if (!x.ok) return setError({ field: x.error.field ?? '', message: x.error.message });
    setError(null);
    toast.show('success', r.settingsSaved(x.value.removed, num(x.value.removed)));
  };
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setError(null);
  };
  const err = (f: string) => (error?.field === f ? error.message : undefined);
  return (
    <section className="rec-rules detail-section" data-testid="rec-rules">
      <h3 className="detail-section-title">{r.settingsTitle}</h3>
      <div className="rec-rules-fields">
        <TextField
          name="limitMb"
          label={r.limitMb}
          value={draft.limitMb}
          onChange={(limitMb) => set({ limitMb })}
          inputMode="numeric"
          dir={dir}
          hint={r.limitHint}
          error={err('limitMb')}
        />
        <TextField
          name="retentionDays"
          label={r.retentionDays}
          value={draft.retentionDays}
          onChange={(retentionDays) => set({ retentionDays })}
          inputMode="numeric"
          dir={dir}
          hint={r.retentionHint}
          error={err('retentionDays')}
        />
        <TextField
          name="warnFreeMb"
          label={r.warnFreeMb}
          value={draft.warnFreeMb}
          onChange={(warnFreeMb) => set({ warnFreeMb })}
          inputMode="numeric"
          dir={dir}
          error={err('warnFreeMb')}
        />
      </div>
      {error && !(error.field in BOUNDS) && (
        <p className="form-banner error" role="alert">
          {error.message}
        </p>
      )}
      <button type="button" className="button primary" onClick={() => void save()} data-testid="rec-rules-save">
        {r.saveSettings}
      </button>
    </section>
  );
}
