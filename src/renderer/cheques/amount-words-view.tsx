import { useLocale } from '../i18n/use-t';
import { amountWordsOf } from './amount-words';

/**
 * The amount in Persian words (what the cheque says), with the toman equivalent in words when toman is
 * shown; nothing for no amount. The label follows the screen's language, the words do not.
 */
export function AmountWordsView({ rials, toman }: { rials: number | null; toman: boolean }) {
  const { t } = useLocale();
  const w = amountWordsOf(rials, toman);
  if (!w) return null;
  return (
    <span className="amount-words" data-testid="amount-words">
      <span className="amount-words-label">{t.cheques.inWords}</span>{' '}
      <bdi lang="fa" dir="rtl" data-testid="amount-words-rials">
        {w.rials}
      </bdi>
      {w.toman && (
        <span className="amount-words-toman">
          <span className="amount-words-label">{t.cheques.inWordsToman}</span>{' '}
          <bdi lang="fa" dir="rtl" data-testid="amount-words-toman">
            {w.toman}
          </bdi>
        </span>
      )}
    </span>
  );
}
