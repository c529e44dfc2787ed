import { useState } from 'react';
import { demoCallInput, type DemoCallInput, type LineView } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { toAsciiDigits } from '../../shared/text/digits';
import { parseSmallNumber } from './small-number';

type Format = NonNullable<DemoCallInput['format']>;
const FORMATS = demoCallInput.shape.format.unwrap().options;

/**
 * Makes the demo line ring with the caller ID the user chooses, in any of the forms real lines send
 * it, so the popup, the log and the reports can be tried without a modem. Clearly not a real call.
 */
export function DemoCallPanel({ line }: { line: LineView }) {
  const { t, digits, dir } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [number, setNumber] = useState('');
  const [name, setName] = useState('');
  const [format, setFormat] = useState<Format>('formatted');
  const [beforeFirstRing, setBefore] = useState(false);
  const [fax, setFax] = useState(false);
  // Kept in ASCII digits and shown in the language's own, so a language switch changes them too.
  const [rings, setRings] = useState('4');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const withheld = format === 'private' || format === 'none';

  const ring = async () => {
    const n = parseSmallNumber(rings, 0, 20);
    if (n === null) return setError({ field: 'rings', message: t.lines.demoRingsInvalid });
    setError(null);
    const r = await client.call('lines/demo-call', {
      lineId: line.id,
      number: withheld ? '' : number,
      name: withheld ? '' : name,
      format,
      beforeFirstRing,
      fax,
      rings: n,
    });
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('info', t.lines.demoStarted);
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <section className="demo-panel" aria-label={t.lines.demoTitle} data-testid="demo-panel" data-keep-clear>
      <h3>{t.lines.demoTitle}</h3>
      <p className="muted">{t.lines.demoHint}</p>
      <div className="demo-grid">
        <TextField
          name="demo-number"
          label={t.lines.demoNumber}
          value={number}
          onChange={(v) => {
            setNumber(v);
            if (error?.field === 'number') setError(null);
          }}
          type="tel"
          dir="ltr"
          error={errorOf('number')}
        />
        <TextField name="demo-name" label={t.lines.demoName} value={name} onChange={setName} error={errorOf('name')} />
        <div className="form-field">
          <label htmlFor={`demo-format-${line.id}`}>{t.lines.demoFormat}</label>
          <select
            id={`demo-format-${line.id}`}
            className="input"
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
            data-testid="demo-format"
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.lines.demoFormats[f]}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="demo-rings"
          label={t.lines.demoRings}
          value={digits(rings)}
          onChange={(v) => {
            setRings(toAsciiDigits(v));
            if (error?.field === 'rings') setError(null);
          }}
          inputMode="numeric"
          dir={dir}
          hint={t.lines.demoRingsHint}
          error={errorOf('rings')}
        />
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={beforeFirstRing} onChange={(e) => setBefore(e.target.checked)} data-testid="demo-before" />
        {t.lines.demoBeforeRing}
      </label>
      {line.abilities.fax && (
        <label className="checkbox-row">
          <input type="checkbox" checked={fax} onChange={(e) => setFax(e.target.checked)} data-testid="demo-fax" />
          {t.lineFax.demoCaller}
        </label>
      )}
      {error && !['number', 'name', 'rings'].includes(error.field) && <FieldErrorText id={`demo-err-${line.id}`} message={error.message} />}
      <div className="demo-actions">
        <button type="button" className="button primary" onClick={() => void ring()} disabled={!line.enabled} data-testid="demo-ring">
          {t.lines.demoRing}
        </button>
      </div>
    </section>
  );
}
