/** The tree checks the engine and the editor share: every problem names its node and property. */
import { ivrTree } from '../../src/shared/contract/ivr';
import { checkTree } from '../../src/shared/ivr/tree-check';

const tree = (nodes: unknown[], root = 'main') => ivrTree.parse({ root, nodes });

test('a good tree has no problems', () => {
  const t = tree([
    {
      id: 'main',
      kind: 'menu',
      options: [
        { key: '1', next: 'info' },
        { key: '2', next: 'vm' },
      ],
      repeatKey: '*',
      backKey: '#',
    },
    { id: 'info', kind: 'play', promptId: 1, next: 'again' },
    { id: 'again', kind: 'goto', target: 'main' },
    { id: 'vm', kind: 'voicemail', mailboxId: 3 },
  ]);
  expect(checkTree(t, { prompts: new Set([1]), mailboxes: new Set([3]) })).toEqual([]);
});

test('problems name the node and the property', () => {
  const t = tree([
    {
      id: 'main',
      kind: 'menu',
      options: [
        { key: '1', next: 'nowhere' },
        { key: '1', next: 'x' },
        { key: '2', next: 'x' },
      ],
      repeatKey: '2',
    },
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

describe('transfer nodes', () => {
  const withTransfer = (transfer: Record<string, unknown>) =>
    tree([
      { id: 'main', kind: 'menu', options: [{ key: '0', next: 'desk' }] },
      { id: 'desk', kind: 'transfer', ...transfer },
      { id: 'vm', kind: 'voicemail', mailboxId: 3 },
    ]);
  const check = (t: ReturnType<typeof tree>) => checkTree(t, { prompts: new Set([1]), mailboxes: new Set([3]) });

  test('digits 0-9 * # (1 to 20) with a fallback are good; the fallback is a child like any other', () => {
    expect(check(withTransfer({ promptId: 1, digits: '12#', fallback: 'vm' }))).toEqual([]);
    expect(check(withTransfer({ digits: '*9'.repeat(10), fallback: 'vm' }))).toEqual([]);
  });

  test('no digits, wrong characters, too many digits', () => {
    expect(check(withTransfer({ fallback: 'vm' }))).toEqual([{ code: 'no-digits', nodeId: 'desk', property: 'digits' }]);
    expect(check(withTransfer({ digits: '12a', fallback: 'vm' }))).toEqual([{ code: 'bad-digits', nodeId: 'desk', property: 'digits', value: '12a' }]);
    expect(check(withTransfer({ digits: '1 2', fallback: 'vm' }))).toEqual([{ code: 'bad-digits', nodeId: 'desk', property: 'digits', value: '1 2' }]);
    expect(check(withTransfer({ digits: '۱۲', fallback: 'vm' }))).toEqual([{ code: 'bad-digits', nodeId: 'desk', property: 'digits', value: '۱۲' }]);
    expect(check(withTransfer({ digits: '1'.repeat(21), fallback: 'vm' }))).toEqual([
      { code: 'bad-digits', nodeId: 'desk', property: 'digits', value: '1'.repeat(21) },
    ]);
  });

  test('the fallback is required and must exist', () => {
    const none = check(withTransfer({ digits: '12' }));
    expect(none).toEqual(expect.arrayContaining([{ code: 'no-fallback', nodeId: 'desk', property: 'fallback' }]));
    // (vm is then unreachable too)
    expect(check(withTransfer({ digits: '12', fallback: 'gone' }))).toEqual(
      expect.arrayContaining([{ code: 'missing-ref', nodeId: 'desk', property: 'fallback', value: 'gone' }]),
    );
  });

  test('an unknown prompt before the transfer is named', () => {
    expect(check(withTransfer({ promptId: 7, digits: '12', fallback: 'vm' }))).toEqual([
      { code: 'unknown-prompt', nodeId: 'desk', property: 'promptId', value: '7' },
    ]);
  });

  test('a stored tree from before transfer nodes still parses unchanged, and a transfer node gets its defaults', () => {
    const old = { root: 'm', nodes: [{ id: 'm', kind: 'operator', promptId: null, waitS: 30, fallback: null, label: '' }] };
    expect(ivrTree.parse(old)).toEqual(old);
    expect(ivrTree.parse({ root: 't', nodes: [{ id: 't', kind: 'transfer' }] }).nodes[0]).toEqual({
      id: 't',
      kind: 'transfer',
      label: '',
      promptId: null,
      digits: '',
      fallback: null,
    });
  });
});
