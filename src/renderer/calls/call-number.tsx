import type { CallRow } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';

type Props = { call: Pick<CallRow, 'numberDisplay' | 'numberRaw' | 'absence'>; onDial?: (number: string) => void };

/**
 * A call's number, left to right in the language's digits; a button that dials it when `onDial` is
 * given. A withheld or missing caller ID is said in words.
 */
export function CallNumber({ call, onDial }: Props) {
  const { t, digits } = useLocale();
  const shown = call.numberDisplay || call.numberRaw;
  if (!shown) return <span className="muted call-absent">{t.calls.absence[call.absence ?? 'none']}</span>;
  const text = (
    <bdi dir="ltr" className="phone-number">
      {digits(shown)}
    </bdi>
  );
  if (!onDial) return text;
  const title = t.calls.dialNumber(`\u2066${digits(shown)}\u2069`);
  return (
    <button
      type="button"
      className="link-button call-number"
      title={title}
      aria-label={title}
      onClick={(e) => {
        e.stopPropagation();
        onDial(call.numberRaw || shown);
      }}
      data-testid="call-number"
    >
      {text}
    </button>
  );
}
