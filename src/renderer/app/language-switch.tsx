import { useT } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { useSettings } from './settings-context';

/** One click to the other UI language; saved in the settings like any other. */
export function LanguageSwitch() {
  const t = useT();
  const toast = useToast();
  const { settings, update } = useSettings();
  const other = settings.language === 'fa' ? 'en' : 'fa';
  return (
    <button
      type="button"
      className="header-button"
      lang={other}
      title={t.common.languageSwitchTitle}
      onClick={() => void update({ language: other }).then((r) => (r.ok ? undefined : toast.show('error', r.error.message)))}
      data-testid="language-switch"
    >
      {t.common.languageSwitch}
    </button>
  );
}
