import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../shared/contract/settings';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { HOME, href, navigate } from '../app/router';
import { useSettings } from '../app/settings-context';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { AlarmSettingsCard } from '../reminders/alarm-settings-card';
import { ChequeSettingsCard } from '../cheques/cheque-settings-card';
import { BackupCard } from './backup-card';
import { LoadError } from '../ui/load-error';
import { UsersSection } from '../accounts/users-section';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Editable = Pick<Settings, 'phoneCountryCode' | 'phoneAreaCode' | 'userName' | 'officeName'>;
const pick = (s: Settings): Editable => ({
  phoneCountryCode: s.phoneCountryCode,
  phoneAreaCode: s.phoneAreaCode,
  userName: s.userName,
  officeName: s.officeName,
});

/**
 * Every card saves as it changes, one model for the whole screen: a choice (language, calendar, a
 * checkbox) the moment it is made, a typed value when the field is left. Language must apply at
 * once, and most of these are single independent preferences, so a Save button on some cards only
 * made edits that were never saved (leaving the screen dropped them without a word). A value the
 * engine refuses stays in its field with the message under it and is not saved. The engine stores
 * everything, so it survives a restart.
 */
export function SettingsScreen() {
  const { t, digits } = useLocale();
  const toast = useToast();
  const client = useClient();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState<Editable>(() => pick(settings));
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const infoQuery = useQuery('app/info', {});
  const info = infoQuery.data;
  const saved = pick(settings);

  // Settings changed elsewhere (another window): follow them unless the user is editing here.
  const savedJson = JSON.stringify(saved);
  const lastSaved = useRef(savedJson);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  useEffect(() => {
    if (JSON.stringify(draftRef.current) === lastSaved.current) setDraft(JSON.parse(savedJson) as Editable);
    lastSaved.current = savedJson;
  }, [savedJson]);

  const apply = async (patch: Partial<Settings>) => {
    const r = await update(patch);
    if (!r.ok) toast.show('error', r.error.message);
    else toast.show('success', t.settings.saved);
  };

  /** Saves one typed field when it is left, if it changed; a refusal stays on the field. */
  const commit = async (field: keyof Editable) => {
    const value = field === 'userName' || field === 'officeName' ? draft[field] : toAsciiDigits(draft[field].trim());
    if (value === saved[field]) return setError((e) => (e?.field === field ? null : e));
    const r = await update({ [field]: value });
    if (!r.ok) {
      setError({ field: r.error.field ?? field, message: r.error.message });
      return;
    }
    setError((e) => (e?.field === field ? null : e));
    setDraft((d) => ({ ...d, [field]: pick(r.value)[field] }));
    toast.show('success', t.settings.saved);
  };
  const err = (field: keyof Editable) => (error?.field === field ? error.message : undefined);

  return (
    <div className="settings" data-testid="settings-screen">
      <h1 className="screen-title">{t.settings.title}</h1>
      <p className="muted" data-testid="settings-model">
        {t.settings.savedAsYouGo}
      </p>

      <section className="card">
        <h2>{t.settings.sectionGeneral}</h2>
        <div className="grid cols-2">
          <div className="form-field">
            <label htmlFor="set-language">{t.settings.language}</label>
            <select
              id="set-language"
              className="input"
              value={settings.language}
              onChange={(e) => void apply({ language: e.target.value as Settings['language'] })}
              data-testid="settings-language"
            >
              <option value="fa">{t.settings.languageFa}</option>
              <option value="en">{t.settings.languageEn}</option>
            </select>
          </div>
          <div className="form-field">
            <label htmlFor="set-calendar">{t.settings.calendar}</label>
            <select
              id="set-calendar"
              className="input"
              value={settings.calendar}
              onChange={(e) => void apply({ calendar: e.target.value as Settings['calendar'] })}
              data-testid="settings-calendar"
            >
              <option value="jalali">{t.settings.calendarJalali}</option>
              <option value="gregorian">{t.settings.calendarGregorian}</option>
            </select>
            <p className="field-hint">{t.settings.calendarHelp}</p>
          </div>
        </div>
      </section>

      <section className="card">
        <h2>{t.settings.sectionPhone}</h2>
        <p className="muted">{t.settings.phoneHelp}</p>
        <div className="grid cols-4">
          <TextField
            name="phoneCountryCode"
            label={t.settings.countryCode}
            value={digits(draft.phoneCountryCode)}
            dir="ltr"
            inputMode="numeric"
            onChange={(v) => setDraft({ ...draft, phoneCountryCode: toAsciiDigits(v) })}
            onBlur={() => void commit('phoneCountryCode')}
            error={err('phoneCountryCode')}
            hint={<bdi dir="ltr">+{digits(draft.phoneCountryCode || '98')}</bdi>}
          />
          <TextField
            name="phoneAreaCode"
            label={t.settings.areaCode}
            value={digits(draft.phoneAreaCode)}
            dir="ltr"
            inputMode="numeric"
            onChange={(v) => setDraft({ ...draft, phoneAreaCode: toAsciiDigits(v) })}
            onBlur={() => void commit('phoneAreaCode')}
            error={err('phoneAreaCode')}
          />
        </div>
      </section>

      <section className="card">
        <h2>{t.settings.sectionUser}</h2>
        <div className="grid cols-2">
          <TextField
            name="userName"
            label={t.settings.userName}
            value={draft.userName}
            onChange={(v) => setDraft({ ...draft, userName: v })}
            onBlur={() => void commit('userName')}
            error={err('userName')}
            hint={t.settings.userNameHelp}
          />
          <TextField
            name="officeName"
            label={t.guide.officeName}
            value={draft.officeName}
            onChange={(v) => setDraft({ ...draft, officeName: v })}
            onBlur={() => void commit('officeName')}
            error={err('officeName')}
          />
        </div>
        {settings.setupDone && (
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void apply({ setupDone: false }).then(() => {
                navigate(HOME);
              })
            }
            data-testid="settings-show-guide"
          >
            {t.guide.showAgain}
          </button>
        )}
      </section>

      <AlarmSettingsCard />
      <ChequeSettingsCard />
      <BackupCard />

      <UsersSection />

      {infoQuery.error && <LoadError message={infoQuery.error} onRetry={infoQuery.reload} />}
      {info && (
        <section className="card about" data-testid="about">
          <h2>{t.settings.sectionAbout}</h2>
          <dl className="field-list">
            <div className="field-item">
              <dt>{t.settings.version}</dt>
              <dd>{digits(info.version)}</dd>
            </div>
            <div className="field-item">
              <dt>{t.settings.dataDir}</dt>
              <dd>
                <bdi dir="ltr" className="mono">
                  {info.dataDir}
                </bdi>
              </dd>
            </div>
            <div className="field-item">
              <dt>{t.settings.shell}</dt>
              <dd>{client.shell.kind === 'electron' ? t.settings.shellElectron : t.settings.shellBrowser}</dd>
            </div>
            {info.demo && (
              <div className="field-item">
                <dt>{t.settings.demo}</dt>
                <dd>{t.common.yes}</dd>
              </div>
            )}
          </dl>
        </section>
      )}
      <section className="card">
        <h2>{t.audit.title}</h2>
        <p className="muted">{t.audit.intro}</p>
        <a className="button" href={href({ screen: 'audit' })} data-testid="settings-audit">
          {t.audit.nav}
        </a>
      </section>
    </div>
  );
}
