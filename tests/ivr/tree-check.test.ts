/** The tree checks the engine and the editor share: every problem names its node and property. */
import { ivrTree } from '../../src/shared/contract/ivr';
import { checkTree } from '../../src/shared/ivr/tree-check';

const tree = (nodes: unknown[], root = 'main') => ivrTree.parse({ root, nodes });

test('a good tree has no problems', () => {
  const t = tree([
    { id: 'main', kind: 'menu', options: [{ key: '1', next: 'info' }, { key: '2', next: 'vm' }], repeatKey: '*', backKey: '#' },
    { id: 'info', kind: 'play', promptId: 1, next: 'again' },
    { id: 'again', kind: 'goto', target: 'main' },
    { id: 'vm', kind: 'voicemail', mailboxId: 3 },
  ]);
  expect(checkTree(t, { prompts: new Set([1]), mailboxes: new Set([3]) })).toEqual([]);
});

test('problems name the node and the property', () => {
  const t = tree([
    { id: 'main', kind: 'menu', options: [{ key: '1', next: 'nowhere' }, { key: '1', next: 'x' }, { key: '2', next: 'x' }], repeatKey: '2' },
    { id: 'x', kind: 'voicemail', promptId: 9 },
    { id: 'lost', kind: 'hangup' },
    { id: 'loop', kind: 'goto', target: 'loop' },
  ]);
  const p = checkTree(t, { prompts: new Set(), mailboxes: new Set() });
  expect(p).toEqual(
    expect.arrayContaining([
      { code: 'missing-ref', nodeId: 'main', property: 'options.0.next', value: 'nowhere' },
      { code: 'two-parents', nodeId: 'main', property: 'options.2.next', value: 'x' },
      { code: 'duplicate-key', nodeId: 'main', property: 'options.1.key', value: '1' },
      { code: 'key-conflict', nodeId: 'main', property: 'repeatKey', value: '2' },
      { code: 'no-mailbox', nodeId: 'x', property: 'mailboxId' },
      { code: 'unknown-prompt', nodeId: 'x', property: 'promptId', value: '9' },
      { code: 'unreachable', nodeId: 'lost', property: 'id' },
      { code: 'goto-self', nodeId: 'loop', property: 'target' },
    ]),
  );
});
