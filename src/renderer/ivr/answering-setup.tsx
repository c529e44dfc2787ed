import { useEffect, useId, useState } from 'react';
import type { LineView } from '../../shared/contract/calls';
import type { IvrSettings, IvrTreeRow, LineAssignment, OfficeHours } from '../../shared/contract/ivr';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { useToast } from '../ui/toast-context';

/** Saturday first, as the Iranian week runs; JavaScript's day numbers underneath. */
const WEEK = [6, 0, 1, 2, 3, 4, 5];

/** Office hours per weekday, and per line: which tree answers in hours, when closed, on holidays, after how many rings. */
export function AnsweringSetup({ settings, trees, lines }: { settings: IvrSettings; trees: IvrTreeRow[]; lines: LineView[] }) {
  const { t, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [hours, setHours] = useState<OfficeHours>(settings.hours);
  const [assign, setAssign] = useState<LineAssignment[]>(settings.assignments);
  const [rings, setRings] = useState<Record<number, number>>({});
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  // The weekday is the open/closed checkbox's label; a time is named by its row and its column
  // (aria-labelledby ties the visible headers to it), so a screen reader says "Saturday From".
  const uid = useId();
  const dayId = (d: number) => `${uid}-day-${d}`;
  const colId = (c: 'from' | 'to') => `${uid}-col-${c}`;
  useEffect(() => {
    setHours(settings.hours);
    setAssign(settings.assignments);
  }, [settings]);

  const span = (d: number) => hours.find((h) => h.weekday === d);
  const setSpan = (d: number, v: { open: string; close: string } | null) =>
    setHours([...hours.filter((h) => h.weekday !== d), ...(v ? [{ weekday: d, ...v }] : [])].sort((a, b) => a.weekday - b.weekday));
  const of = (lineId: number): LineAssignment =>
    assign.find((a) => a.lineId === lineId) ?? { lineId, officeTreeId: null, closedTreeId: null, holidayTreeId: null };
  const setOf = (a: LineAssignment) => setAssign([...assign.filter((x) => x.lineId !== a.lineId), a]);

  const save = async () => {
    const r = await client.call('ivr/settings-update', {
      hours,
      assignments: assign.filter((a) => a.officeTreeId !== null || a.closedTreeId !== null || a.holidayTreeId !== null),
    });
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    for (const [id, n] of Object.entries(rings)) {
      const line = lines.find((l) => l.id === Number(id));
      if (!line || line.ringsBeforeAnswer === n) continue;
      // Only the rings: the rest of the line (recording, caller ID…) belongs to the Lines screen.
      const u = await client.call('lines/update', { id: line.id, data: { ringsBeforeAnswer: n } });
      if (!u.ok) return setError({ field: `rings.${id}`, message: u.error.message });
    }
    setError(null);
    setRings({});
    toast.show('success', t.ivr.setupSaved);
  };
  const time = (v: string) =>
    toAsciiDigits(v)
      .replace(/[^\d:]/g, '')
      .slice(0, 5);
  const treeSelect = (value: number | null, onChange: (v: number | null) => void, label: string, testId: string) => (
    <label className="ivr-prop">
      <span>{label}</span>
      <select className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid={testId}>
        <option value="">{t.ivr.justRing}</option>
        {trees.map((tr) => (
          <option key={tr.id} value={tr.id}>
            {tr.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="ivr-section" data-testid="answering-setup">
      <section className="card">
        <h3>{t.ivr.officeHours}</h3>
        <p className="muted">{t.ivr.officeHoursHint}</p>
        <table className="ivr-hours">
          <thead>
            <tr>
              <td />
              <th scope="col">{t.ivr.openDay}</th>
              <th scope="col" id={colId('from')}>
                {t.ivr.from}
              </th>
              <th scope="col" id={colId('to')}>
                {t.ivr.to}
              </th>
              <td />
            </tr>
          </thead>
          <tbody>
            {WEEK.map((d, i) => {
              const s = span(d);
              return (
                <tr key={d}>
                  <th scope="row" id={dayId(d)}>
                    <label htmlFor={`${dayId(d)}-open`}>{t.ivr.weekdays[d]}</label>
                  </th>
                  <td>
                    <input
                      id={`${dayId(d)}-open`}
                      type="checkbox"
                      checked={!!s}
                      onChange={(e) => setSpan(d, e.target.checked ? { open: '08:00', close: '17:00' } : null)}
                      data-testid={`hours-open-${d}`}
                    />
                  </td>
                  <td>
                    {s && (
                      <input
                        className="input ivr-time"
                        dir="ltr"
                        value={digits(s.open)}
                        onChange={(e) => setSpan(d, { ...s, open: time(e.target.value) })}
                        aria-labelledby={`${dayId(d)} ${colId('from')}`}
                      />
                    )}
                  </td>
                  <td>
                    {s && (
                      <input
                        className="input ivr-time"
                        dir="ltr"
                        value={digits(s.close)}
                        onChange={(e) => setSpan(d, { ...s, close: time(e.target.value) })}
                        aria-labelledby={`${dayId(d)} ${colId('to')}`}
                      />
                    )}
                  </td>
                  <td>
                    {error?.field.startsWith(`hours.${hours.findIndex((h) => h.weekday === d)}.`) && i >= 0 && (
                      <span className="field-error">{error.message}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted">{t.ivr.holidaysHint}</p>
      </section>
      <section className="card">
        <h3>{t.ivr.linesTitle}</h3>
        {lines.length === 0 && <p className="muted">{t.ivr.noLines}</p>}
        {lines.map((l) => {
          const a = of(l.id);
          const r = rings[l.id] ?? l.ringsBeforeAnswer;
          return (
            <div key={l.id} className="ivr-line-row" data-testid={`assign-line-${l.id}`}>
              <strong>{l.name}</strong>
              {treeSelect(a.officeTreeId, (v) => setOf({ ...a, officeTreeId: v }), t.ivr.inHours, 'assign-office')}
              {treeSelect(a.closedTreeId, (v) => setOf({ ...a, closedTreeId: v }), t.ivr.whenClosed, 'assign-closed')}
              {treeSelect(a.holidayTreeId, (v) => setOf({ ...a, holidayTreeId: v }), t.ivr.onHoliday, 'assign-holiday')}
              <label className="ivr-prop ivr-prop-small">
                <span>{t.ivr.ringsBefore}</span>
                <input
                  className="input"
                  inputMode="numeric"
                  value={digits(r)}
                  onChange={(e) => setRings({ ...rings, [l.id]: Math.min(20, Number(toAsciiDigits(e.target.value).replace(/\D/g, '') || 0)) })}
                  data-testid="assign-rings"
                />
              </label>
              {r === 0 && (a.officeTreeId || a.closedTreeId) ? <p className="field-hint">{t.ivr.ringsZero}</p> : null}
            </div>
          );
        })}
      </section>
      <FieldErrorText id="setup-error" message={error && !error.field.startsWith('hours.') ? error.message : undefined} />
      <div className="ivr-row">
        <button type="button" className="button primary" onClick={() => void save()} data-testid="setup-save">
          {t.common.save}
        </button>
      </div>
    </div>
  );
}
