import type { LineCallSettings } from '../../shared/contract/line-calls.api';
import { useLocale } from '../i18n/use-t';
import { TextField } from '../ui/text-field';

/** The two per-line settings kept apart from the line row (lines/set-call-settings), as the form edits them. */
export type CallSettingsDraft = { ivrAtOnce: string; recordSides: LineCallSettings['recordSides'] };

type Props = { draft: CallSettingsDraft; onChange: (patch: Partial<CallSettingsDraft>) => void; error: string | undefined };

/**
 * A SIP line's «IVR calls at once» and «record: two channels / mixed». They are saved by their own request after
 * the line itself, so a save of the line elsewhere (lines/update) never carries — and never resets — them.
 */
export function LineCallSettingsFields({ draft, onChange, error }: Props) {
  const { t, dir } = useLocale();
  const s = t.sipLine;
  return (
    <fieldset className="line-call-settings" data-testid="call-settings">
      <TextField
        name="ivrAtOnce"
        label={s.ivrAtOnce}
        value={draft.ivrAtOnce}
        onChange={(ivrAtOnce) => onChange({ ivrAtOnce })}
        inputMode="numeric"
        dir={dir}
        hint={s.ivrAtOnceHint}
        error={error}
      />
      <div className="form-field">
        <label htmlFor="line-record-sides">{s.recordSides}</label>
        <select
          id="line-record-sides"
          className="input"
          value={draft.recordSides}
          onChange={(e) => onChange({ recordSides: e.target.value === 'mixed' ? 'mixed' : 'stereo' })}
          data-testid="recordSides"
        >
          <option value="stereo">{s.recordSidesStereo}</option>
          <option value="mixed">{s.recordSidesMixed}</option>
        </select>
        <p className="field-hint">{s.recordSidesHint}</p>
      </div>
    </fieldset>
  );
}
