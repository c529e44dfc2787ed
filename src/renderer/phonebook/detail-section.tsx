import type { ReactNode } from 'react';

/** A labelled block of the detail pane; nothing at all when it has no content. */
export function DetailSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  // Callers pass `cond && <x/>`; a false, '' or null child means there is nothing to show.
  if (!children) return null;
  return (
    <section className="detail-section" data-testid={testId}>
      <h3 className="detail-section-title">{title}</h3>
      <div className="detail-section-body">{children}</div>
    </section>
  );
}
