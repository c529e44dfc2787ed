import type { Application } from '../../shared/contract/people';
import { useLocale } from '../i18n/use-t';
import { TextField } from '../ui/text-field';

type EduRow = Application['education'][number];
type WorkRow = Application['workHistory'][number];
const EDU_KEYS = ['degree', 'field', 'institution', 'year', 'grade'] as const;
const WORK_KEYS = ['employer', 'role', 'from', 'to', 'leaving'] as const;
const emptyEdu = (): EduRow => ({ degree: '', field: '', institution: '', year: '', grade: '' });
const emptyWork = (): WorkRow => ({ employer: '', role: '', from: '', to: '', leaving: '' });

/** The employment application's own parts: personal details, education and work rows, skills, the position and salary. */
export function ApplicationEditor({ value, onChange }: { value: Application; onChange: (a: Application) => void }) {
  const { t, dir } = useLocale();
  const m = t.people;
  const set = (patch: Partial<Application>) => onChange({ ...value, ...patch });
  const eduLabels: Record<(typeof EDU_KEYS)[number], string> = { degree: m.degree, field: m.field, institution: m.institution, year: m.year, grade: m.grade };
  const workLabels: Record<(typeof WORK_KEYS)[number], string> = { employer: m.employer, role: m.role, from: m.workFrom, to: m.workTo, leaving: m.leaving };
  const education = value.education.length ? value.education : [emptyEdu()];
  const work = value.workHistory.length ? value.workHistory : [emptyWork()];
  return (
    <>
      <fieldset className="form-section">
        <legend>{m.application}</legend>
        <div className="grid cols-3">
          <TextField name="application.position" label={m.position} value={value.position} onChange={(position) => set({ position })} />
          <TextField
            name="application.expectedSalary"
            label={m.salary}
            value={value.expectedSalary}
            onChange={(expectedSalary) => set({ expectedSalary })}
            inputMode="numeric"
            dir={dir}
          />
          <TextField
            name="application.availableFrom"
            label={m.availableFrom}
            value={value.availableFrom}
            onChange={(availableFrom) => set({ availableFrom })}
          />
          <TextField name="application.fatherName" label={m.fatherName} value={value.fatherName} onChange={(fatherName) => set({ fatherName })} />
          <TextField name="application.birthPlace" label={m.birthPlace} value={value.birthPlace} onChange={(birthPlace) => set({ birthPlace })} />
          <div className="form-field">
            <label htmlFor="app-marital">{m.marital}</label>
            <select
              id="app-marital"
              className="input"
              value={value.maritalStatus}
              onChange={(e) => set({ maritalStatus: e.target.value as Application['maritalStatus'] })}
            >
              {(['', 'single', 'married'] as const).map((k) => (
                <option key={k} value={k}>
                  {m.maritalOptions[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="app-military">{m.military}</label>
            <select
              id="app-military"
              className="input"
              value={value.militaryService}
              onChange={(e) => set({ militaryService: e.target.value as Application['militaryService'] })}
            >
              {(['', 'done', 'exempt', 'pending', 'na'] as const).map((k) => (
                <option key={k} value={k}>
                  {m.militaryOptions[k]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{m.education}</legend>
        <RowsTable
          keys={EDU_KEYS}
          labels={eduLabels}
          rows={education}
          prefix="application.education"
          onChange={(rows) => set({ education: rows })}
          onAdd={() => set({ education: [...education, emptyEdu()] })}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{m.work}</legend>
        <RowsTable
          keys={WORK_KEYS}
          labels={workLabels}
          rows={work}
          prefix="application.workHistory"
          onChange={(rows) => set({ workHistory: rows })}
          onAdd={() => set({ workHistory: [...work, emptyWork()] })}
        />
      </fieldset>
      <TextField name="application.skills" label={m.skills} value={value.skills} onChange={(skills) => set({ skills })} multiline rows={2} />
    </>
  );
}

function RowsTable<K extends string, R extends Record<K, string>>(p: {
  keys: readonly K[];
  labels: Record<K, string>;
  rows: R[];
  prefix: string;
  onChange: (rows: R[]) => void;
  onAdd: () => void;
}) {
  const { t } = useLocale();
  return (
    <div className="rows-table">
      <table className="table compact edit-table">
        <thead>
          <tr>
            {p.keys.map((k) => (
              <th key={k}>{p.labels[k]}</th>
            ))}
            <th aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row, i) => (
            <tr key={i}>
              {p.keys.map((k) => (
                <td key={k}>
                  <input
                    className="input"
                    dir="auto"
                    value={row[k]}
                    aria-label={`${p.labels[k]} ${i + 1}`}
                    onChange={(e) => p.onChange(p.rows.map((r, j) => (j === i ? { ...r, [k]: e.target.value } : r)))}
                    data-testid={`${p.prefix}.${i}.${k}`}
                  />
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t.people.removeRow}
                  title={t.people.removeRow}
                  onClick={() => p.onChange(p.rows.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="link-button" onClick={p.onAdd} data-testid={`${p.prefix}-add`}>
        + {t.people.addRow}
      </button>
    </div>
  );
}
