import { useLocale } from '../i18n/use-t';

/** A small button in a call's row that opens the IVR's run of it. */
export function IvrRunButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useLocale();
  return (
    <button type="button" className="ivr-run-open" onClick={onOpen} title={t.ivr.runTitle} aria-label={t.ivr.runTitle} data-testid="ivr-run-open">
      {t.ivr.runOpen}
    </button>
  );
}
