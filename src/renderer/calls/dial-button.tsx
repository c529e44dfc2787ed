import { useLocale } from '../i18n/use-t';
import { PhoneIcon } from './phone-icon';
import { useDial } from './use-dial';

type Props = {
  /** The number as shown or typed; the engine normalises it for dialing. */
  number: string;
  contactId?: number | null;
  /** With a text label ('Call back') instead of the icon alone. */
  label?: string;
  className?: string;
};

/** Dials the number from the PC; disabled while its own request is on the way. */
export function DialButton({ number, contactId = null, label, className }: Props) {
  const { t, digits } = useLocale();
  const { dial, pending } = useDial();
  const title = t.calls.dialNumber(`\u2066${digits(number)}\u2069`);
  return (
    <button
      type="button"
      className={label ? `button small dial-text-button ${className ?? ''}` : `icon-button dial-button ${className ?? ''}`}
      title={title}
      aria-label={title}
      disabled={pending !== null}
      onClick={(e) => {
        e.stopPropagation(); // rows under the button have click handlers of their own
        void dial(number, contactId);
      }}
      data-testid="dial-button"
      data-number={number}
    >
      <PhoneIcon size={label ? 14 : 16} />
      {label}
    </button>
  );
}
