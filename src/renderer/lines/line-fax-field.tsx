import { FAX_MODES, type FaxMode, type LineView } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { TextField } from '../ui/text-field';

type Props = {
  line: LineView | null;
  mode: FaxMode;
  rings: string;
  onChange(patch: { faxMode?: FaxMode; faxRings?: string }): void;
  ringsError?: string;
};

/**
 * A line's fax setting in the line form. Offered only when the line's modem said it can fax (Class 1, 2.0 or 2);
 * otherwise the form says why (cannot, or not known until the line is connected) and keeps what is stored.
 */
export function LineFaxField({ line, mode, rings, onChange, ringsError }: Props) {
  const { t, dir } = useLocale();
  const f = t.lineFax;
  if (!line?.abilities.fax) {
    const known = line !== null && line.status !== 'disconnected' && line.status !== 'initialising' && line.identity !== null;
    return (
      <div className="form-field">
        <span className="label">{f.label}</span>
        <p className="field-hint" data-testid="fax-ability">
          {known ? f.cannot : f.unknown}
        </p>
      </div>
    );
  }
  return (
    <div className="form-field">
      <label htmlFor="line-fax-mode">{f.label}</label>
      <select id="line-fax-mode" className="input" value={mode} onChange={(e) => onChange({ faxMode: e.target.value as FaxMode })} data-testid="faxMode">
        {FAX_MODES.map((m) => (
          <option key={m} value={m}>
            {f.modes[m]}
          </option>
        ))}
      </select>
      <p className="field-hint">{f.hints[mode]}</p>
      {(mode === 'fax-only' || mode === 'after-rings') && (
        <TextField
          name="faxRings"
          label={f.rings}
          value={rings}
          onChange={(faxRings) => onChange({ faxRings })}
          inputMode="numeric"
          dir={dir}
          error={ringsError}
        />
      )}
    </div>
  );
}
