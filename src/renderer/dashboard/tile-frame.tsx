import type { ReactNode } from 'react';
import { href, type Route } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';

type Props = {
  id: string;
  title: string;
  /** The list behind the tile: its title is a link there. */
  opens: Route;
  /** The tile's headline number; null while loading. */
  figure?: string | null;
  error: string | null;
  onRetry: () => void;
  children?: ReactNode;
};

/** One tile of the dashboard: a title that opens the list behind it, a headline figure and what it is made of. */
export function TileFrame({ id, title, opens, figure, error, onRetry, children }: Props) {
  const { t } = useLocale();
  return (
    <section className={`tile tile-${id}`} data-testid={`tile-${id}`} aria-labelledby={`tile-${id}-title`}>
      <a className="tile-title" id={`tile-${id}-title`} href={href(opens)} title={t.dashboard.open} data-testid="tile-open">
        {title}
      </a>
      {error ? (
        <LoadError message={error} onRetry={onRetry} />
      ) : (
        <>
          {figure !== undefined && (
            <div className="tile-figure" data-testid="tile-figure">
              {figure ?? '…'}
            </div>
          )}
          {children}
        </>
      )}
    </section>
  );
}
