import { useLocale } from '../i18n/use-t';

/**
 * A phone number as shown: always laid out left to right (even inside Persian text), digits in the
 * UI language's script. Plain text: dialling arrives with the telephone module.
 */
export function PhoneNumber({ display, extension }: { display: string; extension?: string }) {
  const { digits, t } = useLocale();
  return (
    <span className="phone-number">
      <bdi dir="ltr">{digits(display)}</bdi>
      {extension ? <span className="phone-ext"> {t.detail.extension(digits(extension))}</span> : null}
    </span>
  );
}
