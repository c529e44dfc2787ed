import { useState } from 'react';
import { NODE_KINDS, type DtmfKey, DTMF_KEYS, type IvrNode, type IvrTree, type Mailbox, type NodeKind, type Prompt } from '../../shared/contract/ivr';
import { useLocale } from '../i18n/use-t';
import { NodeProperties } from './node-properties';
import { addChild, addOption, changeKind, moveOption, removeNode, setOptionKey, updateNode } from './tree-ops';

type Ctx = { tree: IvrTree; prompts: Prompt[]; mailboxes: Mailbox[]; problems: Map<string, string[]>; onChange: (t: IvrTree) => void };

/** "+ step" for an empty slot: pick what comes there. */
function AddSlot({ label, onAdd, testId }: { label: string; onAdd: (k: NodeKind) => void; testId: string }) {
  const { t } = useLocale();
  const [kind, setKind] = useState<NodeKind>('play');
  return (
    <div className="ivr-add-slot">
      <span className="muted">{label}</span>
      <select className="input" value={kind} onChange={(e) => setKind(e.target.value as NodeKind)} aria-label={t.ivr.kind} data-testid={`${testId}-kind`}>
        {NODE_KINDS.map((k) => (
          <option key={k} value={k}>
            {t.ivr.kinds[k]}
          </option>
        ))}
      </select>
      <button type="button" className="button small" onClick={() => onAdd(kind)} data-testid={testId}>
        {t.common.add}
      </button>
    </div>
  );
}

function Branch({ via, children, actions }: { via: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <li className="ivr-branch">
      <div className="ivr-via">
        <span className="ivr-via-label">{via}</span>
        {actions}
      </div>
      {children}
    </li>
  );
}

/** One node as a card, with its children indented under it (the outline of the tree). */
function NodeCard({ id, ctx }: { id: string; ctx: Ctx }) {
  const { t, digits } = useLocale();
  const { tree, onChange } = ctx;
  const n = tree.nodes.find((x) => x.id === id);
  if (!n) return <p className="field-error">{t.ivr.missingNode}</p>;
  const set = (x: IvrNode) => onChange(updateNode(tree, x));
  const problems = ctx.problems.get(n.id) ?? [];
  const slot = (property: string, target: string | null, label: string) =>
    target ? (
      <Branch key={property} via={label}>
        <NodeCard id={target} ctx={ctx} />
      </Branch>
    ) : (
      <li key={property} className="ivr-branch">
        <AddSlot label={label} testId={`add-${n.id}-${property}`} onAdd={(k) => onChange(addChild(tree, { parent: n.id, property }, k))} />
      </li>
    );
  const label = n.label || `${t.ivr.kinds[n.kind]}`;
  return (
    <div className={`ivr-node ivr-node-${n.kind}${problems.length ? ' has-problem' : ''}`} data-testid={`node-${n.id}`} aria-label={label}>
      <div className="ivr-node-head">
        <select
          className="input ivr-kind"
          value={n.kind}
          onChange={(e) => onChange(changeKind(tree, n.id, e.target.value as NodeKind))}
          aria-label={t.ivr.kind}
          data-testid="node-kind"
        >
          {NODE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.ivr.kinds[k]}
            </option>
          ))}
        </select>
        <input
          className="input ivr-label"
          value={n.label}
          placeholder={t.ivr.labelPlaceholder}
          onChange={(e) => set({ ...n, label: e.target.value })}
          aria-label={t.ivr.label}
          data-testid="node-label"
        />
        {n.id !== tree.root && (
          <button type="button" className="button danger-outline small" onClick={() => onChange(removeNode(tree, n.id))} data-testid="node-remove">
            {t.common.remove}
          </button>
        )}
      </div>
      <NodeProperties node={n} nodes={tree.nodes} prompts={ctx.prompts} mailboxes={ctx.mailboxes} onChange={set} />
      {problems.map((p) => (
        <p key={p} className="field-error" role="alert" data-testid="node-problem">
          {p}
        </p>
      ))}
      {n.kind === 'goto' && n.target && <p className="muted">↩ {tree.nodes.find((x) => x.id === n.target)?.label || n.target}</p>}
      {(n.kind === 'play' || n.kind === 'menu' || n.kind === 'operator' || n.kind === 'transfer' || n.kind === 'hours' || n.kind === 'fax-document') && (
        <ul className="ivr-children">
          {n.kind === 'play' && slot('next', n.next, t.ivr.then)}
          {n.kind === 'menu' &&
            n.options.map((o, i) => (
              <Branch
                key={`${o.key}-${o.next}`}
                via={t.ivr.keyPress}
                actions={
                  <>
                    <select
                      className="input ivr-key"
                      value={o.key}
                      onChange={(e) => onChange(setOptionKey(tree, n.id, i, e.target.value as DtmfKey))}
                      aria-label={t.ivr.key}
                      data-testid={`option-key-${i}`}
                    >
                      {DTMF_KEYS.map((k) => (
                        <option key={k} value={k}>
                          {digits(k)}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="icon-button"
                      disabled={i === 0}
                      onClick={() => onChange(moveOption(tree, n.id, i, -1))}
                      aria-label={t.ivr.moveUp}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon-button"
                      disabled={i === n.options.length - 1}
                      onClick={() => onChange(moveOption(tree, n.id, i, 1))}
                      aria-label={t.ivr.moveDown}
                    >
                      ↓
                    </button>
                  </>
                }
              >
                <NodeCard id={o.next} ctx={ctx} />
              </Branch>
            ))}
          {n.kind === 'menu' && (
            <li className="ivr-branch">
              <AddSlot label={t.ivr.addOption} testId={`add-option-${n.id}`} onAdd={(k) => onChange(addOption(tree, n.id, k))} />
            </li>
          )}
          {n.kind === 'menu' && slot('fallback', n.fallback, t.ivr.afterRetries)}
          {n.kind === 'operator' && slot('fallback', n.fallback, t.ivr.nobodyAnswers)}
          {n.kind === 'transfer' && slot('fallback', n.fallback, t.ivr.cannotTransfer)}
          {n.kind === 'fax-document' && slot('fallback', n.fallback, t.ivr.cannotFax)}
          {n.kind === 'hours' && slot('open', n.open, t.ivr.whenOpen)}
          {n.kind === 'hours' && slot('closed', n.closed, t.ivr.whenClosed)}
          {n.kind === 'hours' && slot('holiday', n.holiday, t.ivr.onHoliday)}
        </ul>
      )}
    </div>
  );
}

export function TreeOutline(ctx: Ctx) {
  return (
    <div className="ivr-outline" data-testid="tree-outline">
      <NodeCard id={ctx.tree.root} ctx={ctx} />
    </div>
  );
}
