import { useEffect, useRef, useState } from 'react';
import type { ChequeTemplate } from '../../shared/contract/cheque-print';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';
import { CopyTemplateDialog } from './copy-template-dialog';
import { FontsDialog } from './fonts-dialog';
import { NewTemplateDialog } from './new-template-dialog';
import { TemplateDesigner } from './template-designer';
import { useChequeFonts } from './use-cheque-fonts';

/**
 * Cheque print templates (PRODUCT.md §8): many templates (one per bank form or account), each
 * designed over a scan of the real leaf; copy one for another account; the fonts fields can use.
 */
export function ChequeTemplatesScreen({ templateId }: { templateId: number | null }) {
  const { t, digits } = useLocale();
  const m = t.chequeTemplates;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  // The templates by name, kept current by 'cheque-templates/changed'.
  const listQuery = useQuery('cheque-templates/list', {}, { reloadOn: ['cheque-templates/changed'] });
  const list = listQuery.data;
  const { fonts } = useChequeFonts();
  const [current, setCurrent] = useState<ChequeTemplate | null>(null);
  const [dirty, setDirty] = useState(false);
  const [dialog, setDialog] = useState<'new' | 'copy' | 'fonts' | null>(null);

  const open = async (id: number) => {
    if (current?.id === id) return;
    // Changes kept: the address goes back to the template still open.
    if (dirty && !(await confirm({ title: m.discardTitle, body: m.discardBody, confirmLabel: m.discard, danger: true }))) {
      return navigate(current ? { screen: 'template', id: current.id } : { screen: 'templates' }, { replace: true });
    }
    const r = await client.call('cheque-templates/get', { id });
    if (!r.ok) return toast.show('error', r.error.message);
    setDirty(false);
    setCurrent(r.value);
  };
  // The route's template ('#/template/3'), opened when the route names another; else the first when none is open.
  const openRef = useRef(open);
  openRef.current = open;
  useEffect(() => {
    if (templateId !== null) void openRef.current(templateId);
  }, [templateId]);
  useEffect(() => {
    if (!current && templateId === null && list && list[0]) void open(list[0].id);
  }, [list]); // only when the list changes: `open` is a new function on every render

  const remove = async () => {
    if (!current) return;
    if (!(await confirm({ title: m.deleteTemplate, body: m.confirmDelete(current.name), confirmLabel: m.deleteTemplate, danger: true }))) return;
    const r = await client.call('cheque-templates/delete', { id: current.id });
    if (!r.ok) return toast.show('error', r.error.message);
    setDirty(false);
    setCurrent(null);
    navigate({ screen: 'templates' }, { replace: true });
  };
  const opened = (tpl: ChequeTemplate) => {
    setDialog(null);
    setDirty(false);
    setCurrent(tpl);
    navigate({ screen: 'template', id: tpl.id });
  };
  /** New and copy open another template: unsaved changes are given up only when the user says so. */
  const leave = async (next: 'new' | 'copy') => {
    if (dirty && !(await confirm({ title: m.discardTitle, body: m.discardBody, confirmLabel: m.discard, danger: true }))) return;
    setDialog(next);
  };
  const summary = list?.find((s) => s.id === current?.id) ?? null;

  return (
    <div className="cheque-templates-screen" data-testid="cheque-templates-screen">
      <aside className="cheque-templates-list">
        <div className="cheque-templates-list-head">
          <h1>{m.title}</h1>
          <button type="button" className="button primary small" onClick={() => void leave('new')} data-testid="template-new-open">
            + {m.newTemplate}
          </button>
        </div>
        {listQuery.error && <LoadError variant="panel" message={listQuery.error} onRetry={listQuery.reload} />}
        {list && list.length === 0 && <p className="muted cheque-templates-empty">{m.empty}</p>}
        <ul aria-label={m.title}>
          {(list ?? []).map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={`cheque-template-item${current?.id === s.id ? ' active' : ''}`}
                aria-current={current?.id === s.id ? 'true' : undefined}
                onClick={() => navigate({ screen: 'template', id: s.id })}
                data-testid="template-item"
              >
                <span className="cheque-template-name" dir="auto">
                  {s.name}
                </span>
                <span className="muted" dir="auto">
                  {s.bank || m.noBank}
                </span>
                <span className="muted">
                  {m.summary(digits(s.widthMm), digits(s.heightMm), digits(s.fieldCount))}
                  {s.hasBackground ? ` · ${m.hasScan}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="cheque-templates-list-actions">
          <button type="button" className="button small" disabled={!summary} onClick={() => void leave('copy')} data-testid="template-copy-open">
            {m.copy}
          </button>
          <button type="button" className="button small danger-outline" disabled={!current} onClick={() => void remove()} data-testid="template-delete">
            {m.deleteTemplate}
          </button>
          <button type="button" className="button small" onClick={() => setDialog('fonts')} data-testid="cheque-fonts-open">
            {m.fontsTitle}
          </button>
        </div>
      </aside>
      <main className="cheque-templates-main">
        {current ? (
          <TemplateDesigner key={current.id} template={current} fonts={fonts} onSaved={setCurrent} onDirty={setDirty} />
        ) : (
          <p className="muted cheque-templates-empty">{list && list.length > 0 ? m.pick : m.intro}</p>
        )}
      </main>
      {dialog === 'new' && <NewTemplateDialog onClose={() => setDialog(null)} onCreated={opened} />}
      {dialog === 'copy' && summary && <CopyTemplateDialog source={summary} onClose={() => setDialog(null)} onCopied={opened} />}
      {dialog === 'fonts' && <FontsDialog fonts={fonts} onClose={() => setDialog(null)} />}
    </div>
  );
}
