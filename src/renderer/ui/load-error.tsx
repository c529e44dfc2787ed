import { useLocale } from '../i18n/use-t';

type Props = {
  /** The engine's message, already in the user's language. */
  message: string;
  onRetry: () => void;
  /** 'list' sits over an empty list like its empty text; 'panel' is a banner in a form or a card. */
  variant?: 'list' | 'panel';
  testId?: string;
};

/** What a screen shows when loading failed: the reason and a Retry, never an empty list that looks true. */
export function LoadError({ message, onRetry, variant = 'panel', testId = 'load-error' }: Props) {
  const { t } = useLocale();
  return (
    <div className={variant === 'list' ? 'list-empty error load-error' : 'form-banner load-error'} role="alert" data-testid={testId}>
      <span>{message}</span>{' '}
      <button type="button" className="button" onClick={onRetry} data-testid="load-retry">
        {t.common.retry}
      </button>
    </div>
  );
}
