import type { ReactNode } from 'react';
import { href } from '../app/router';
import { useLocale } from '../i18n/use-t';

/**
 * A link to one call's page (#/call/12): a real link, so it can be opened, copied and gone back from.
 * Lists put it on the call's time.
 */
export function CallLink({ id, children, className }: { id: number; children: ReactNode; className?: string }) {
  const { t } = useLocale();
  return (
    <a className={`call-link${className ? ` ${className}` : ''}`} href={href({ screen: 'call', id })} title={t.calls.view.open} data-testid="call-link">
      {children}
    </a>
  );
}
