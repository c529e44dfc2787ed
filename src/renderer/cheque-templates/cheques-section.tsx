import type { ReactNode } from 'react';
import { navigate } from '../app/router';
import { ShownWhen } from '../ui/shown-when';
import { useT } from '../i18n/use-t';
import { ChequeTemplatesScreen } from './cheque-templates-screen';

export type ChequesView = 'book' | 'templates';

type Props = {
  /** The cheque book screen (its own module), shown under the first sub-tab. */
  book: ReactNode;
  /** The sub-tab shown, from the route ('#/cheques' or '#/cheques/templates'); a sub-tab's button navigates. */
  view: ChequesView;
  /** The template the route opens in the designer ('#/template/3'), or null. */
  templateId: number | null;
};

/**
 * The Cheques tab with two sub-tabs: the cheque book and the print templates (designer). Both stay
 * mounted, so a template being designed survives a look at the cheque book and back.
 */
export function ChequesSection({ book, view, templateId }: Props) {
  const t = useT();
  const m = t.chequeTemplates;
  return (
    <>
      <nav className="cheques-subtabs" aria-label={t.cheques.nav}>
        {(['book', 'templates'] as const).map((v) => (
          <button
            key={v}
            type="button"
            className={`cheques-subtab${view === v ? ' active' : ''}`}
            aria-current={view === v ? 'page' : undefined}
            onClick={() => navigate(v === 'book' ? { screen: 'cheques', contactId: null } : { screen: 'templates' })}
            data-testid={`cheques-tab-${v}`}
          >
            {v === 'book' ? m.subtabBook : m.subtabTemplates}
          </button>
        ))}
      </nav>
      <div className="cheques-subscreens">
        <div className="screen" hidden={view !== 'book'}>
          <ShownWhen when={view === 'book'}>{book}</ShownWhen>
        </div>
        <div className="screen" hidden={view !== 'templates'}>
          <ShownWhen when={view === 'templates'}>
            <ChequeTemplatesScreen templateId={templateId} />
          </ShownWhen>
        </div>
      </div>
    </>
  );
}
