import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import {
  CALLER_ID_MODES,
  LINE_KINDS,
  type CallerIdMode,
  type FaxMode,
  type LineKindSetting,
  type LineView,
  type PortInfo,
  type PortProbe,
} from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { LoadError } from '../ui/load-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { LineCallSettingsFields, type CallSettingsDraft } from './line-call-settings-fields';
import { LineFaxField } from './line-fax-field';
import { LineSipFields, sipDataOf, sipDraftOf, type SipDraft } from './line-sip-fields';
import { parseSmallNumber } from './small-number';

type Props = { line: LineView | null; kind: LineKindSetting; onClose: () => void };

/** The SIP fields an error from the engine may name (shown under the field, not in the banner). */
const SIP_FIELDS = ['sipServer', 'sipUser', 'sipAuthUser', 'sipPassword', 'sipDisplayName', 'sipOutboundProxy', 'sipCodecs', 'sipChannels'].concat([
  'rtpPortMin',
  'rtpPortMax',
]);

type Draft = {
  name: string;
  kind: LineKindSetting;
  port: string;
  enabled: boolean;
  callerIdMode: CallerIdMode;
  rings: string;
  extraInit: string;
  recordCalls: boolean;
  faxMode: FaxMode;
  faxRings: string;
} & SipDraft;

/**
 * New or edit line. The port comes from the serial ports found on this computer (with who uses
 * them) or is typed; the engine checks it and names the field on error. Ctrl+S saves.
 */
export function LineForm({ line, kind, onClose }: Props) {
  const { t, digits, dir } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: line?.name ?? (kind === 'demo' ? t.lines.kinds.demo : ''),
    kind: line?.kind ?? kind,
    port: line?.port ?? '',
    enabled: line?.enabled ?? true,
    callerIdMode: line?.callerIdMode ?? 'auto',
    rings: digits(line?.ringsBeforeAnswer ?? 0),
    extraInit: line?.extraInit ?? '',
    recordCalls: line?.recordCalls ?? false,
    faxMode: line?.faxMode ?? 'off',
    faxRings: digits(line?.faxRings ?? 4),
    ...sipDraftOf(line, digits),
  }));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  // Kept by their own request (lines/call-settings): loaded for a line being edited, saved after the line.
  const [calls, setCalls] = useState<CallSettingsDraft>({ ivrAtOnce: digits(0), recordSides: 'stereo' });
  const [callsLoaded, setCallsLoaded] = useState(line === null);
  const editedId = line?.id ?? null;
  useEffect(() => {
    if (editedId === null) return;
    void client.call('lines/call-settings', { lineId: editedId }).then((r) => {
      if (!r.ok) return setError({ field: '', message: r.error.message });
      setCalls({ ivrAtOnce: digits(r.value.ivrAtOnce), recordSides: r.value.recordSides });
      setCallsLoaded(true);
    });
  }, [client, editedId, digits]);
  const [saving, setSaving] = useState(false);
  const [ports, setPorts] = useState<PortInfo[] | null>(null);
  const [portsError, setPortsError] = useState<string | null>(null);
  const [lineNames, setLineNames] = useState<Map<number, string>>(new Map());
  const [probes, setProbes] = useState<Map<string, PortProbe | 'probing'>>(new Map());
  const probing = [...probes.values()].includes('probing');

  /** Asks every free port found (and the one typed) whether a modem answers; picks the first that does. */
  const findModems = async () => {
    const paths = [
      ...new Set([
        ...(ports ?? []).filter((p) => p.usedBy === null || p.usedBy === line?.id).map((p) => p.path),
        ...(draft.port.trim() ? [draft.port.trim()] : []),
      ]),
    ];
    setProbes(new Map(paths.map((p) => [p, 'probing'])));
    let first: string | null = null;
    for (const path of paths) {
      const r = await client.call('lines/probe', { path });
      const result: PortProbe = r.ok ? r.value : { path, found: false, identity: null, detail: r.error.message };
      if (result.found && first === null) first = path;
      setProbes((m) => new Map(m).set(path, result));
    }
    if (first !== null && !draft.port.trim()) update({ port: first });
  };
  const probeLabel = (path: string) => {
    const r = probes.get(path);
    if (r === undefined) return null;
    if (r === 'probing') return <span className="muted">{t.lines.probing}</span>;
    return r.found ? (
      <span className="probe-found" data-testid="probe-found">
        ✓ {[r.identity?.manufacturer, r.identity?.model].filter(Boolean).join(' ') || t.lines.modemFound}
      </span>
    ) : (
      <span className="muted">{t.lines.noModem}</span>
    );
  };

  const loadPorts = useCallback(() => {
    setPorts(null);
    setPortsError(null);
    void client.call('lines/ports', {}).then((r) => {
      setPorts(r.ok ? r.value : []);
      if (!r.ok) setPortsError(r.error.message);
    });
    void client.call('lines/list', {}).then((r) => (r.ok ? setLineNames(new Map(r.value.map((l) => [l.id, l.name]))) : toast.show('error', r.error.message)));
  }, [client, toast]);
  useEffect(() => {
    if (draft.kind === 'modem') loadPorts();
  }, [draft.kind, loadPorts]);

  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (error && (Object.keys(patch).includes(error.field) || (error.field === 'ringsBeforeAnswer' && 'rings' in patch))) setError(null);
  };
  const errorOf = (field: string) => (error?.field === field ? error.message : undefined);

  const save = async () => {
    const rings = parseSmallNumber(draft.rings, 0, 20);
    if (rings === null) return setError({ field: 'ringsBeforeAnswer', message: t.lines.ringsInvalid });
    const faxRings = parseSmallNumber(draft.faxRings, 1, 20);
    if (faxRings === null) return setError({ field: 'faxRings', message: t.lineFax.ringsInvalid });
    const sip = draft.kind === 'sip' ? sipDataOf(draft) : null;
    if (sip?.error) return setError({ field: sip.error, message: t.sipLine.numberInvalid });
    const ivrAtOnce = parseSmallNumber(calls.ivrAtOnce, 0, 64);
    if (sip && ivrAtOnce === null) return setError({ field: 'ivrAtOnce', message: t.sipLine.ivrAtOnceInvalid });
    const common = { name: draft.name, kind: draft.kind, enabled: draft.enabled, ringsBeforeAnswer: rings, recordCalls: draft.recordCalls };
    // Only the fields this kind shows are sent: a SIP line's hidden modem settings (caller-ID mode, fax)
    // and a modem's SIP settings keep their stored values (lines/update changes only what it carries).
    const data = sip
      ? { ...common, ...sip.data }
      : {
          ...common,
          port: draft.kind === 'modem' ? draft.port : '',
          callerIdMode: draft.callerIdMode,
          extraInit: draft.kind === 'modem' ? draft.extraInit : '',
          faxMode: draft.faxMode,
          faxRings,
        };
    setSaving(true);
    const r = line ? await client.call('lines/update', { id: line.id, data }) : await client.call('lines/create', data);
    if (!r.ok) {
      setSaving(false);
      return setError({ field: r.error.field ?? '', message: r.error.message });
    }
    // Only once they were read (an edit whose load failed must not overwrite them with the defaults).
    if (sip && ivrAtOnce !== null && callsLoaded) {
      const c = await client.call('lines/set-call-settings', { lineId: r.value.id, ivrAtOnce, recordSides: calls.recordSides });
      if (!c.ok) {
        setSaving(false);
        return setError({ field: c.error.field === 'ivrAtOnce' ? 'ivrAtOnce' : '', message: c.error.message });
      }
    }
    setSaving(false);
    toast.show('success', t.lines.saved(r.value.name));
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyS' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    }
  };
  const known = new Set(['ivrAtOnce', 'name', 'kind', 'port', 'callerIdMode', 'ringsBeforeAnswer', 'extraInit', 'faxRings', ...SIP_FIELDS]);
  const banner = error && !known.has(error.field) ? error.message : null;

  return (
    <Dialog
      title={line ? t.lines.editTitle(line.name) : t.lines.newTitle}
      onClose={onClose}
      onKeyDown={onKeyDown}
      testId="line-form"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t.lines.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving} data-testid="line-save">
            {t.lines.save}
          </button>
        </>
      }
    >
      <div className="line-form">
        {banner && (
          <p className="form-banner error" role="alert" data-testid="form-banner">
            {banner}
          </p>
        )}
        <TextField
          name="name"
          label={t.lines.name}
          value={draft.name}
          onChange={(name) => update({ name })}
          placeholder={t.lines.namePlaceholder}
          error={errorOf('name')}
          autoFocus
        />
        <div className="form-field">
          <label htmlFor="line-kind">{t.lines.kind}</label>
          <select id="line-kind" className="input" value={draft.kind} onChange={(e) => update({ kind: e.target.value as LineKindSetting })} data-testid="kind">
            {LINE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.lines.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {draft.kind === 'modem' && (
          <div className="form-field">
            <label htmlFor="line-port">{t.lines.portLabel}</label>
            <input
              id="line-port"
              className={`input mono${errorOf('port') ? ' invalid' : ''}`}
              dir="ltr"
              value={draft.port}
              placeholder={t.lines.portPlaceholder}
              onChange={(e) => update({ port: e.target.value })}
              aria-invalid={errorOf('port') ? true : undefined}
              autoComplete="off"
              spellCheck={false}
              data-testid="port"
            />
            <FieldErrorText id="line-port-err" message={errorOf('port')} />
            <div className="port-picker">
              {ports === null && <span className="muted">{t.lines.portsLoading}</span>}
              {portsError && <LoadError message={portsError} onRetry={loadPorts} />}
              {ports?.length === 0 && !portsError && <span className="muted">{t.lines.portsNone}</span>}
              {ports?.map((p) => (
                <button
                  key={p.path}
                  type="button"
                  className={`port-choice${draft.port === p.path ? ' chosen' : ''}`}
                  onClick={() => update({ port: p.path })}
                  disabled={p.usedBy !== null && p.usedBy !== line?.id}
                  data-testid="port-choice"
                >
                  <span className="mono" dir="ltr">
                    {p.path}
                  </span>
                  {p.manufacturer && <span className="muted">{p.manufacturer}</span>}
                  {p.usedBy !== null && p.usedBy !== line?.id && (
                    <span className="muted">{t.lines.portUsedBy(lineNames.get(p.usedBy) ?? digits(p.usedBy))}</span>
                  )}
                  {probeLabel(p.path)}
                </button>
              ))}
              {draft.port.trim() && !ports?.some((p) => p.path === draft.port.trim()) && probes.has(draft.port.trim()) && (
                <span className="port-choice chosen" data-testid="port-typed-probe">
                  <span className="mono" dir="ltr">
                    {draft.port.trim()}
                  </span>
                  {probeLabel(draft.port.trim())}
                </span>
              )}
              <button type="button" className="button small" onClick={() => void findModems()} disabled={probing || ports === null} data-testid="find-modems">
                {probing ? t.lines.probing : t.lines.findModems}
              </button>
              <button type="button" className="link-button" onClick={loadPorts}>
                {t.lines.refreshPorts}
              </button>
            </div>
            {!errorOf('port') && <p className="field-hint">{t.lines.portHint}</p>}
          </div>
        )}
        {draft.kind === 'sip' && <LineSipFields draft={draft} passwordSet={line?.sipPasswordSet ?? false} onChange={update} errorOf={errorOf} />}
        {draft.kind === 'sip' && callsLoaded && (
          <LineCallSettingsFields
            draft={calls}
            onChange={(patch) => {
              setCalls((c) => ({ ...c, ...patch }));
              if (error?.field === 'ivrAtOnce') setError(null);
            }}
            error={errorOf('ivrAtOnce')}
          />
        )}
        {draft.kind !== 'sip' && (
          <div className="form-field">
            <label htmlFor="line-cid">{t.lines.callerIdMode}</label>
            <select
              id="line-cid"
              className="input"
              value={draft.callerIdMode}
              onChange={(e) => update({ callerIdMode: e.target.value as CallerIdMode })}
              data-testid="callerIdMode"
            >
              {CALLER_ID_MODES.map((m) => (
                <option key={m} value={m}>
                  {t.lines.callerIdModes[m]}
                </option>
              ))}
            </select>
          </div>
        )}
        <TextField
          name="ringsBeforeAnswer"
          label={t.lines.ringsBeforeAnswer}
          value={draft.rings}
          onChange={(rings) => update({ rings })}
          inputMode="numeric"
          dir={dir}
          hint={t.lines.ringsHint}
          error={errorOf('ringsBeforeAnswer')}
        />
        {draft.kind === 'modem' && (
          <TextField
            name="extraInit"
            label={t.lines.extraInit}
            value={draft.extraInit}
            onChange={(extraInit) => update({ extraInit })}
            multiline
            rows={2}
            dir="ltr"
            hint={t.lines.extraInitHint}
            error={errorOf('extraInit')}
          />
        )}
        <div className="form-field">
          <label className="checkbox-row">
            <input type="checkbox" checked={draft.recordCalls} onChange={(e) => update({ recordCalls: e.target.checked })} data-testid="recordCalls" />
            {t.recordings.recordCalls}
          </label>
          <p className="field-hint">{t.recordings.recordCallsHint}</p>
          {line && (
            <p className="field-hint" data-testid="record-ability">
              {line.abilities.recordCalls === 'phone-socket'
                ? t.recordings.abilityPhoneSocket
                : line.abilities.recordCalls === 'line'
                  ? t.recordings.abilityLine
                  : t.recordings.abilityNone}
            </p>
          )}
        </div>
        {draft.kind !== 'sip' && <LineFaxField line={line} mode={draft.faxMode} rings={draft.faxRings} onChange={update} ringsError={errorOf('faxRings')} />}
        <label className="checkbox-row">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => update({ enabled: e.target.checked })} data-testid="enabled" />
          {t.lines.enabled}
        </label>
      </div>
    </Dialog>
  );
}
