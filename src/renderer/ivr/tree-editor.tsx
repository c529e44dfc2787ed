import { useEffect, useMemo, useRef, useState } from 'react';
import type { IvrTree, IvrTreeRow, Mailbox, Prompt } from '../../shared/contract/ivr';
import { checkTree } from '../../shared/ivr/tree-check';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { navigate } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { TreeOutline } from './tree-outline';
import { newTree } from './tree-ops';

type Draft = { id: number | null; name: string; tree: IvrTree };

/** The answering trees: a list, and the one being edited as an outline of node cards. */
type Props = { treeId: number | null; trees: IvrTreeRow[]; prompts: Prompt[]; mailboxes: Mailbox[] };

/** `treeId`: the tree the route opens ('#/ivr-tree/4'); picking a tree in the list navigates there. */
export function TreeEditor({ treeId, trees, prompts, mailboxes }: Props) {
  const { t } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (!draft && treeId === null && trees[0]) setDraft({ id: trees[0].id, name: trees[0].name, tree: trees[0].tree });
  }, [trees, draft, treeId]);

  // The fax library, so a fax-on-demand key whose document was deleted is named under its node.
  const faxDocs = useQuery('fax/documents', {}, { reloadOn: ['fax/documents-changed'] }).data;
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    if (!draft) return map;
    const add = (id: string, text: string) => map.set(id, [...(map.get(id) ?? []), text]);
    const known = {
      prompts: new Set(prompts.map((x) => x.id)),
      mailboxes: new Set(mailboxes.map((x) => x.id)),
      faxDocuments: faxDocs ? new Set(faxDocs.map((x) => x.id)) : undefined,
    };
    for (const p of checkTree(draft.tree, known)) add(p.nodeId, t.ivr.problems[p.code](p.value ?? ''));
    const m = error ? /^nodes\.([^.]+)\./.exec(error.field) : null;
    if (m && error && !map.has(m[1]!)) add(m[1]!, error.message);
    return map;
  }, [draft, prompts, mailboxes, faxDocs, error, t]);

  const open = async (row: IvrTreeRow | null) => {
    if (dirty && !(await confirm({ title: t.ivr.discardTitle, body: t.ivr.discardBody, confirmLabel: t.ivr.discard }))) {
      // Changes kept: the address goes back to the tree still open.
      return navigate(draft?.id ? { screen: 'ivr-tree', id: draft.id } : { screen: 'ivr', tab: 'trees' }, { replace: true });
    }
    setError(null);
    setDirty(false);
    setDraft(row ? { id: row.id, name: row.name, tree: row.tree } : { id: null, name: '', tree: newTree(t.ivr.mainMenu) });
    if (!row) navigate({ screen: 'ivr', tab: 'trees' });
  };
  // The route's tree, opened once it is in the list (the list may arrive after the route on a fresh page).
  const openRef = useRef(open);
  openRef.current = open;
  const applied = useRef<number | null>(null);
  useEffect(() => {
    if (treeId === null) applied.current = null;
    if (treeId === null || applied.current === treeId) return;
    const row = trees.find((x) => x.id === treeId);
    if (!row) return;
    applied.current = treeId;
    if (draft?.id !== treeId) void openRef.current(row);
  }, [treeId, trees, draft?.id]);
  const change = (tree: IvrTree) => {
    setDraft((d) => (d ? { ...d, tree } : d));
    setDirty(true);
  };
  const save = async () => {
    if (!draft) return;
    const data = { name: draft.name, tree: draft.tree };
    const r = draft.id === null ? await client.call('ivr/tree-create', data) : await client.call('ivr/tree-update', { id: draft.id, data });
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    setError(null);
    setDirty(false);
    setDraft({ id: r.value.id, name: r.value.name, tree: r.value.tree });
    applied.current = r.value.id;
    navigate({ screen: 'ivr-tree', id: r.value.id }, { replace: true });
    toast.show('success', t.ivr.treeSaved);
  };
  const remove = async () => {
    if (!draft || draft.id === null) return setDraft(null);
    if (!(await confirm({ title: t.ivr.deleteTreeTitle, body: draft.name, confirmLabel: t.common.delete, danger: true }))) return;
    const r = await client.call('ivr/tree-delete', { id: draft.id });
    if (!r.ok) return toast.show('error', r.error.message);
    setDirty(false);
    setDraft(null);
    navigate({ screen: 'ivr', tab: 'trees' }, { replace: true });
  };
  const count = [...problems.values()].reduce((a, b) => a + b.length, 0);

  return (
    <div className="ivr-trees">
      <aside className="ivr-tree-list" aria-label={t.ivr.trees}>
        <button type="button" className="button primary" onClick={() => void open(null)} data-testid="tree-new">
          {t.ivr.newTree}
        </button>
        <ul>
          {trees.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className={`ivr-tree-link${draft?.id === row.id ? ' active' : ''}`}
                onClick={() => navigate({ screen: 'ivr-tree', id: row.id })}
                data-testid="tree-link"
              >
                {row.name}
              </button>
            </li>
          ))}
        </ul>
        {trees.length === 0 && !draft && <p className="muted">{t.ivr.noTrees}</p>}
      </aside>
      {draft ? (
        <section className="ivr-tree-edit" aria-label={t.ivr.editTree}>
          <div className="ivr-tree-toolbar">
            <TextField
              name="tree-name"
              label={t.ivr.treeName}
              value={draft.name}
              onChange={(name) => {
                setDraft({ ...draft, name });
                setDirty(true);
              }}
              error={error?.field === 'name' ? error.message : undefined}
            />
            <div className="ivr-row">
              <button type="button" className="button primary" onClick={() => void save()} data-testid="tree-save">
                {t.common.save}
              </button>
              <button type="button" className="button danger-outline" onClick={() => void remove()} data-testid="tree-delete">
                {t.common.delete}
              </button>
            </div>
          </div>
          {count > 0 && (
            <p className="form-banner" role="status" data-testid="tree-problems">
              {t.ivr.problemCount(count)}
            </p>
          )}
          <FieldErrorText id="tree-error" message={error && !error.field.startsWith('nodes.') && error.field !== 'name' ? error.message : undefined} />
          <TreeOutline tree={draft.tree} prompts={prompts} mailboxes={mailboxes} problems={problems} onChange={change} />
        </section>
      ) : (
        <p className="ivr-empty">{t.ivr.pickTree}</p>
      )}
    </div>
  );
}
