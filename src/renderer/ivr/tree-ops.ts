/** Pure edits of a tree draft: the editor's add, remove, move and change-kind, keeping it a tree. */
import { ivrNode, DTMF_KEYS, type DtmfKey, type IvrNode, type IvrTree, type NodeKind } from '../../shared/contract/ivr';
import { childRefs, freshNodeId } from '../../shared/ivr/tree-check';

export type Slot = { parent: string; property: string };

export const makeNode = (id: string, kind: NodeKind, label = ''): IvrNode => ivrNode.parse({ id, kind, label });

export function newTree(label: string): IvrTree {
  return { root: 'n1', nodes: [makeNode('n1', 'menu', label)] };
}

const setNode = (t: IvrTree, n: IvrNode): IvrTree => ({ ...t, nodes: t.nodes.map((x) => (x.id === n.id ? n : x)) });

function setRef(n: IvrNode, property: string, target: string | null): IvrNode {
  const m = /^options\.(\d+)\.next$/.exec(property);
  if (m && n.kind === 'menu') {
    const i = Number(m[1]);
    return { ...n, options: target === null ? n.options.filter((_, k) => k !== i) : n.options.map((o, k) => (k === i ? { ...o, next: target } : o)) };
  }
  return { ...n, [property]: target } as IvrNode;
}

/** Puts a new node of `kind` into an empty slot (next, fallback, open …). */
export function addChild(t: IvrTree, slot: Slot, kind: NodeKind): IvrTree {
  const id = freshNodeId(t);
  const parent = t.nodes.find((n) => n.id === slot.parent)!;
  const withRef = setNode(t, setRef(parent, slot.property, id));
  return { ...withRef, nodes: [...withRef.nodes, makeNode(id, kind)] };
}

/** A new menu option on the first free key, leading to a new node of `kind`. */
export function addOption(t: IvrTree, menuId: string, kind: NodeKind): IvrTree {
  const menu = t.nodes.find((n) => n.id === menuId);
  if (!menu || menu.kind !== 'menu') return t;
  const used = new Set<string>([...menu.options.map((o) => o.key), menu.repeatKey ?? '', menu.backKey ?? '']);
  const key = DTMF_KEYS.find((k) => !used.has(k));
  if (!key) return t;
  const id = freshNodeId(t);
  const next = { ...menu, options: [...menu.options, { key, next: id }] };
  return { ...t, nodes: [...setNode(t, next).nodes, makeNode(id, kind)] };
}

function subtree(t: IvrTree, id: string): Set<string> {
  const out = new Set<string>();
  const walk = (x: string) => {
    if (out.has(x)) return;
    out.add(x);
    const n = t.nodes.find((k) => k.id === x);
    if (n) for (const r of childRefs(n)) if (r.target) walk(r.target);
  };
  walk(id);
  return out;
}

/** Removes a node and everything under it; the slot that led to it is emptied (a menu option goes). */
export function removeNode(t: IvrTree, id: string): IvrTree {
  if (id === t.root) return t;
  const gone = subtree(t, id);
  const nodes = t.nodes
    .filter((n) => !gone.has(n.id))
    .map((n) => {
      let x = n;
      for (const r of childRefs(n)) if (r.target !== null && gone.has(r.target)) x = setRef(x, r.property, null);
      if (x.kind === 'menu') x = { ...x, options: x.options.filter((o) => !gone.has(o.next)) };
      return x;
    });
  return { ...t, nodes };
}

/** Changes a node's kind, keeping its id and label; what hung under it is removed. */
export function changeKind(t: IvrTree, id: string, kind: NodeKind): IvrTree {
  const n = t.nodes.find((k) => k.id === id);
  if (!n || n.kind === kind) return t;
  let next = t;
  for (const r of childRefs(n)) if (r.target) next = removeNode(next, r.target);
  return setNode(next, makeNode(id, kind, n.label));
}

export function moveOption(t: IvrTree, menuId: string, index: number, delta: -1 | 1): IvrTree {
  const m = t.nodes.find((n) => n.id === menuId);
  if (!m || m.kind !== 'menu') return t;
  const j = index + delta;
  if (j < 0 || j >= m.options.length) return t;
  const options = [...m.options];
  [options[index], options[j]] = [options[j]!, options[index]!];
  return setNode(t, { ...m, options });
}

export function setOptionKey(t: IvrTree, menuId: string, index: number, key: DtmfKey): IvrTree {
  const m = t.nodes.find((n) => n.id === menuId);
  if (!m || m.kind !== 'menu') return t;
  return setNode(t, { ...m, options: m.options.map((o, i) => (i === index ? { ...o, key } : o)) });
}

export const updateNode = (t: IvrTree, n: IvrNode) => setNode(t, n);
