import { useLocale } from '../i18n/use-t';
import { amountText } from './cheque-format';

/** An amount in rials, the headline; toman beside it in small print when the user chose toman. */
export function AmountView({ rials, toman, block = false }: { rials: number; toman: boolean; block?: boolean }) {
  const { t, lang } = useLocale();
  const a = amountText(rials, lang, t, toman);
  return (
    <span className={`amount${block ? ' amount-block' : ''}`} data-testid="amount">
      <bdi className="amount-main">{a.main}</bdi>
      {a.second && <bdi className="amount-second muted">{a.second}</bdi>}
    </span>
  );
}
