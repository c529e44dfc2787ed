import type { Application } from '../../shared/contract/people';
import { useLocale } from '../i18n/use-t';

/** The employment application as read on the file: position and salary, personal details, education, work history, skills. */
export function ApplicationSummary({ app }: { app: Application }) {
  const { t, digits } = useLocale();
  const m = t.people;
  const facts: [string, string][] = [
    [m.position, app.position],
    [m.salary, digits(app.expectedSalary)],
    [m.availableFrom, digits(app.availableFrom)],
    [m.fatherName, app.fatherName],
    [m.birthPlace, app.birthPlace],
    [m.marital, app.maritalStatus ? m.maritalOptions[app.maritalStatus] : ''],
    [m.military, app.militaryService ? m.militaryOptions[app.militaryService] : ''],
  ];
  return (
    <div className="application-summary">
      <dl className="field-list app-facts">
        {facts
          .filter(([, v]) => v !== '')
          .map(([k, v]) => (
            <div key={k} className="field-item">
              <dt>{k}</dt>
              <dd>
                <bdi>{v}</bdi>
              </dd>
            </div>
          ))}
      </dl>
      {app.education.length > 0 && (
        <table className="table compact" data-testid="app-education">
          <caption>{m.education}</caption>
          <thead>
            <tr>
              <th>{m.degree}</th>
              <th>{m.field}</th>
              <th>{m.institution}</th>
              <th>{m.year}</th>
              <th>{m.grade}</th>
            </tr>
          </thead>
          <tbody>
            {app.education.map((r, i) => (
              <tr key={i}>
                <td>{r.degree}</td>
                <td>{r.field}</td>
                <td>{r.institution}</td>
                <td>{digits(r.year)}</td>
                <td>{digits(r.grade)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {app.workHistory.length > 0 && (
        <table className="table compact" data-testid="app-work">
          <caption>{m.work}</caption>
          <thead>
            <tr>
              <th>{m.employer}</th>
              <th>{m.role}</th>
              <th>{m.workFrom}</th>
              <th>{m.workTo}</th>
              <th>{m.leaving}</th>
            </tr>
          </thead>
          <tbody>
            {app.workHistory.map((r, i) => (
              <tr key={i}>
                <td>{r.employer}</td>
                <td>{r.role}</td>
                <td>{digits(r.from)}</td>
                <td>{digits(r.to)}</td>
                <td>{r.leaving}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {app.skills && (
        <p className="pre-line" dir="auto">
          <strong>{m.skills}: </strong>
          {app.skills}
        </p>
      )}
    </div>
  );
}
