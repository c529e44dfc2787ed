import { useEffect, useState } from 'react';
import type { LineView } from '../../shared/contract/calls';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { href } from '../app/router';
import { useSettings } from '../app/settings-context';
import { useLocale } from '../i18n/use-t';
import { AccountsStep } from '../accounts/accounts-step';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Props = { onImport: () => void };
type Step = 'office' | 'line' | 'contacts';

/**
 * The first-run guide on the empty phonebook: language, the office and its area code, the user's name
 * (which signs notes), a telephone line (a modem, or the demo line to try everything without one),
 * contacts (import, or sample data marked as such and removed in one step). Every step saves at once
 * through the engine; "Done" hides the guide for good (Settings can show it again). A step's success
 * is said under that step, not in a toast: toasts sit over the bottom of the page, where "Done" is.
 */
export function FirstRunGuide({ onImport }: Props) {
  const { t, digits } = useLocale();
  const g = t.guide;
  const client = useClient();
  const toast = useToast();
  const { settings, update } = useSettings();
  const [office, setOffice] = useState({ officeName: settings.officeName, phoneAreaCode: settings.phoneAreaCode, userName: settings.userName });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [lines, setLines] = useState<LineView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ step: Step; text: string } | null>(null);
  const noticeOf = (step: Step) =>
    notice?.step === step ? (
      <p className="guide-notice" role="status" data-testid={`guide-notice-${step}`}>
        {notice.text}
      </p>
    ) : null;

  useEffect(() => {
    let live = true;
    void client.call('lines/list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setLines(r.value);
      else toast.show('error', r.error.message);
    });
    return () => {
      live = false;
    };
  }, [client, toast]);

  // Saved as each field is left, the one model of Settings too.
  const commit = async (field: keyof typeof office) => {
    if (office[field] === settings[field]) return;
    const r = await update({ [field]: office[field] });
    if (!r.ok) return setError({ field: r.error.field ?? field, message: r.error.message });
    setError((e) => (e?.field === field ? null : e));
    setNotice({ step: 'office', text: g.officeSaved });
  };
  const run = async <T,>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (v: T) => void) => {
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    done(r.value);
  };
  const addDemoLine = () =>
    run(
      () => client.call('lines/create', { name: g.demoLineName, kind: 'demo' }),
      (line) => {
        setLines((l) => [...(l ?? []), line]);
        setNotice({ step: 'line', text: g.demoLineAdded });
      },
    );
  const addSample = () =>
    run(
      () => client.call('onboarding/add-sample', {}),
      (v) => setNotice({ step: 'contacts', text: g.sampleAdded(digits(v.count)) }),
    );
  const removeSample = () =>
    run(
      () => client.call('onboarding/remove-sample', {}),
      (v) => setNotice({ step: 'contacts', text: g.sampleRemoved(digits(v.removed)) }),
    );
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined); // the engine names the setting's own field

  return (
    <section className="first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h2 id="first-run-title">{g.title}</h2>
      <p className="muted">{g.intro}</p>
      <ol className="first-run-steps">
        <li>
          <h3>{g.languageStep}</h3>
          <div className="segmented" role="radiogroup" aria-label={g.languageStep}>
            {(['fa', 'en'] as const).map((lang) => (
              <button
                key={lang}
                type="button"
                role="radio"
                aria-checked={settings.language === lang}
                className={`segment${settings.language === lang ? ' active' : ''}`}
                onClick={() => void update({ language: lang })}
                data-testid={`guide-lang-${lang}`}
              >
                {lang === 'fa' ? 'فارسی' : 'English'}
              </button>
            ))}
          </div>
        </li>
        <li>
          <h3>{g.officeStep}</h3>
          <div className="form-row">
            <TextField
              name="guide-officeName"
              label={g.officeName}
              value={office.officeName}
              onChange={(officeName) => setOffice({ ...office, officeName })}
              onBlur={() => void commit('officeName')}
              error={errorOf('officeName')}
            />
            <TextField
              name="guide-phoneAreaCode"
              label={g.areaCode}
              value={digits(office.phoneAreaCode)}
              onChange={(v) => setOffice({ ...office, phoneAreaCode: toAsciiDigits(v).trim() })}
              onBlur={() => void commit('phoneAreaCode')}
              inputMode="numeric"
              dir="ltr"
              hint={g.areaCodeHint}
              error={errorOf('phoneAreaCode')}
            />
            <TextField
              name="guide-userName"
              label={g.userName}
              value={office.userName}
              onChange={(userName) => setOffice({ ...office, userName })}
              onBlur={() => void commit('userName')}
              hint={g.userNameHint}
              error={errorOf('userName')}
            />
          </div>
          {noticeOf('office')}
        </li>
        <li>
          <AccountsStep />
        </li>
        <li>
          <h3>{g.lineStep}</h3>
          {lines && lines.length > 0 ? (
            <p data-testid="guide-lines">{g.linesReady(lines.map((l) => l.name).join(t.common.listSeparator))}</p>
          ) : (
            <p className="muted">{g.lineHelp}</p>
          )}
          <div className="button-row">
            <a className="button" href={href({ screen: 'lines' })} data-testid="guide-add-modem">
              {g.addModem}
            </a>
            {!lines?.some((l) => l.kind === 'demo') && (
              <button type="button" className="button" disabled={busy || lines === null} onClick={() => void addDemoLine()} data-testid="guide-add-demo">
                {g.addDemoLine}
              </button>
            )}
          </div>
          {noticeOf('line')}
        </li>
        <li>
          <h3>{g.contactsStep}</h3>
          <div className="button-row">
            <button type="button" className="button" onClick={onImport} data-testid="guide-import">
              {g.importContacts}
            </button>
            {settings.sampleGroupId === null ? (
              <button type="button" className="button" disabled={busy} onClick={() => void addSample()} data-testid="guide-add-sample">
                {g.addSample}
              </button>
            ) : (
              <button type="button" className="button danger-outline" disabled={busy} onClick={() => void removeSample()} data-testid="guide-remove-sample">
                {g.removeSample}
              </button>
            )}
          </div>
          <p className="muted small">{g.sampleHelp}</p>
          {noticeOf('contacts')}
        </li>
      </ol>
      <button type="button" className="button primary" onClick={() => void update({ setupDone: true })} data-testid="guide-done">
        {g.done}
      </button>
    </section>
  );
}
