/**
 * The checks a tree must pass beyond its schema, shared by the engine (which refuses a bad tree) and
 * the editor (which shows every problem on its node as the user types). Each problem names the node
 * and the property, so the message can say "node «Sales menu»: key 2 leads nowhere".
 */
import type { IvrNode, IvrTree } from '../contract/ivr';

export type TreeProblemCode =
  | 'duplicate-id'
  | 'root-missing'
  | 'missing-ref'
  | 'two-parents'
  | 'unreachable'
  | 'duplicate-key'
  | 'key-conflict'
  | 'no-mailbox'
  | 'unknown-prompt'
  | 'unknown-mailbox'
  | 'goto-self'
  | 'no-digits'
  | 'bad-digits'
  | 'no-fallback'
  /** A fax-document node's key has no document chosen, or the document was deleted from the fax library. */
  | 'no-document'
  | 'unknown-document';

/** What a transfer node may dial after the flash: the keys of a telephone, 1 to 20 of them. */
export const TRANSFER_DIGITS = /^[0-9*#]{1,20}$/;

export type TreeProblem = { code: TreeProblemCode; nodeId: string; property: string; value?: string };

/** The child references of a node, with the property each sits in ('options.2.next' …). */
export function childRefs(n: IvrNode): { property: string; target: string | null }[] {
  switch (n.kind) {
    case 'play':
      return [{ property: 'next', target: n.next }];
    case 'menu':
      return [...n.options.map((o, i) => ({ property: `options.${i}.next`, target: o.next })), { property: 'fallback', target: n.fallback }];
    case 'operator':
    case 'transfer':
    case 'fax-document':
      return [{ property: 'fallback', target: n.fallback }];
    case 'hours':
      return [
        { property: 'open', target: n.open },
        { property: 'closed', target: n.closed },
        { property: 'holiday', target: n.holiday },
      ];
    default:
      return [];
  }
}

export function promptRefs(n: IvrNode): { property: string; id: number }[] {
  const out: { property: string; id: number }[] = [];
  if ('promptId' in n && n.promptId !== null) out.push({ property: 'promptId', id: n.promptId });
  if ((n.kind === 'menu' || n.kind === 'fax-document') && n.wrongPromptId !== null) out.push({ property: 'wrongPromptId', id: n.wrongPromptId });
  if (n.kind === 'fax-document' && n.startPromptId !== null) out.push({ property: 'startPromptId', id: n.startPromptId });
  return out;
}

/** What exists outside the tree; `faxDocuments` left out: document ids are not checked (the editor before the list loaded). */
export type TreeKnown = { prompts: Set<number>; mailboxes: Set<number>; faxDocuments?: Set<number> };

export function checkTree(tree: IvrTree, known?: TreeKnown): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const byId = new Map<string, IvrNode>();
  for (const n of tree.nodes) {
    if (byId.has(n.id)) problems.push({ code: 'duplicate-id', nodeId: n.id, property: 'id' });
    byId.set(n.id, n);
  }
  if (!byId.has(tree.root)) problems.push({ code: 'root-missing', nodeId: tree.root, property: 'root' });
  const parent = new Map<string, string>();
  for (const n of tree.nodes) {
    for (const r of childRefs(n)) {
      if (r.target === null) continue;
      if (!byId.has(r.target)) problems.push({ code: 'missing-ref', nodeId: n.id, property: r.property, value: r.target });
      else if (parent.has(r.target) || r.target === tree.root) problems.push({ code: 'two-parents', nodeId: n.id, property: r.property, value: r.target });
      else parent.set(r.target, n.id);
    }
    if (n.kind === 'goto') {
      if (n.target === null || !byId.has(n.target)) problems.push({ code: 'missing-ref', nodeId: n.id, property: 'target', value: n.target ?? '' });
      else if (n.target === n.id) problems.push({ code: 'goto-self', nodeId: n.id, property: 'target' });
    }
    if (n.kind === 'menu') {
      const seen = new Set<string>();
      n.options.forEach((o, i) => {
        if (seen.has(o.key)) problems.push({ code: 'duplicate-key', nodeId: n.id, property: `options.${i}.key`, value: o.key });
        seen.add(o.key);
      });
      if (n.repeatKey !== null && seen.has(n.repeatKey)) problems.push({ code: 'key-conflict', nodeId: n.id, property: 'repeatKey', value: n.repeatKey });
      if (n.backKey !== null && (seen.has(n.backKey) || n.backKey === n.repeatKey))
        problems.push({ code: 'key-conflict', nodeId: n.id, property: 'backKey', value: n.backKey });
    }
    if (n.kind === 'voicemail') {
      if (n.mailboxId === null) problems.push({ code: 'no-mailbox', nodeId: n.id, property: 'mailboxId' });
      else if (known && !known.mailboxes.has(n.mailboxId))
        problems.push({ code: 'unknown-mailbox', nodeId: n.id, property: 'mailboxId', value: String(n.mailboxId) });
    }
    if (n.kind === 'transfer') {
      if (n.digits === '') problems.push({ code: 'no-digits', nodeId: n.id, property: 'digits' });
      else if (!TRANSFER_DIGITS.test(n.digits)) problems.push({ code: 'bad-digits', nodeId: n.id, property: 'digits', value: n.digits });
      // Without one, a caller on a line that cannot flash would just be hung up on.
      if (n.fallback === null) problems.push({ code: 'no-fallback', nodeId: n.id, property: 'fallback' });
    }
    if (n.kind === 'fax-document') {
      const seen = new Set<string>();
      n.documents.forEach((d, i) => {
        if (seen.has(d.key)) problems.push({ code: 'duplicate-key', nodeId: n.id, property: `documents.${i}.key`, value: d.key });
        seen.add(d.key);
        if (d.documentId === null) problems.push({ code: 'no-document', nodeId: n.id, property: `documents.${i}.documentId`, value: d.key });
        else if (known?.faxDocuments && !known.faxDocuments.has(d.documentId))
          problems.push({ code: 'unknown-document', nodeId: n.id, property: `documents.${i}.documentId`, value: d.key });
      });
    }
    if (known)
      for (const p of promptRefs(n))
        if (!known.prompts.has(p.id)) problems.push({ code: 'unknown-prompt', nodeId: n.id, property: p.property, value: String(p.id) });
  }
  for (const n of tree.nodes)
    if (n.id !== tree.root && !parent.has(n.id) && byId.get(n.id) === n) problems.push({ code: 'unreachable', nodeId: n.id, property: 'id' });
  return problems;
}

/** A node id not used yet in the tree ('n1', 'n2' …). */
export function freshNodeId(tree: IvrTree): string {
  const used = new Set(tree.nodes.map((n) => n.id));
  let i = tree.nodes.length + 1;
  while (used.has(`n${i}`)) i++;
  return `n${i}`;
}
