/** The IVR's run of a call in words, as the call log's dialog shows it: which tree, and the steps. */
import type { IvrNode, IvrTreeRow } from '../../src/shared/contract/ivr';
import { makeLocale } from '../../src/renderer/i18n/locale';
import { runSteps, treeOfRun } from '../../src/renderer/ivr/ivr-run';
import { endText } from '../../src/renderer/ivr/ivr-steps';

const fa = makeLocale('fa', 'jalali');
const en = makeLocale('en', 'gregorian');

const nodes: IvrNode[] = [
  { id: 'h', label: '', kind: 'hours', open: 'n1', closed: 'n9', holiday: null },
  {
    id: 'n1',
    label: '',
    kind: 'menu',
    promptId: null,
    options: [{ key: '1', next: 'n2' }],
    timeoutS: 6,
    wrongPromptId: null,
    retries: 2,
    repeatKey: null,
    backKey: null,
    fallback: null,
  },
  { id: 'n2', label: 'صندوق فروش', kind: 'voicemail', mailboxId: 1, promptId: null, maxSeconds: 120 },
  { id: 'n9', label: 'Night', kind: 'hangup', promptId: null },
];
const tree: IvrTreeRow = { id: 3, name: 'پاسخگوی روز', tree: { root: 'h', nodes }, updatedAt: '2025-01-01T00:00:00Z' };

describe('the tree of a run', () => {
  it('is the tree with its id and stored name, else none (deleted, or its id reused by another tree)', () => {
    expect(treeOfRun({ treeId: 3, treeName: 'پاسخگوی روز' }, [tree])).toBe(tree);
    expect(treeOfRun({ treeId: 4, treeName: 'پاسخگوی روز' }, [tree])).toBeNull();
    expect(treeOfRun({ treeId: 3, treeName: 'شب' }, [tree])).toBeNull();
    expect(treeOfRun({ treeId: 3, treeName: 'پاسخگوی روز' }, [])).toBeNull();
  });
});

describe('the steps of a run', () => {
  it('names nodes by label or kind, keys in Persian digits, and says the office-hours state', () => {
    expect(runSteps(['h', 'office:open', 'n1', 'timeout', 'key:1', 'n2'], nodes, fa)).toEqual([
      { kind: 'node', text: 'بر پایهٔ ساعت کاری' },
      { kind: 'note', text: 'در ساعت کاری' },
      { kind: 'node', text: 'منو' },
      // A menu that got no key in time: the IVR answered the call, so not «بی‌پاسخ» (unanswered).
      { kind: 'note', text: 'کلیدی زده نشد' },
      { kind: 'key', text: 'کلید ۱' },
      { kind: 'node', text: 'صندوق فروش' },
    ]);
    expect(runSteps(['h', 'office:holiday', 'n9'], nodes, en).map((s) => s.text)).toEqual(['By office hours', 'On holidays', 'Night']);
  });

  it('keeps the raw node ids once the tree is gone, and says a failed transfer', () => {
    expect(runSteps(['n1', 'key:#', 'n4', 'transfer:unsupported', 'n5'], [], en)).toEqual([
      { kind: 'raw', text: 'n1' },
      { kind: 'key', text: 'Key #' },
      { kind: 'raw', text: 'n4' },
      { kind: 'note', text: 'this line cannot transfer; fallback' },
      { kind: 'raw', text: 'n5' },
    ]);
    expect(runSteps(['office:unknown'], [], fa)).toEqual([]);
  });

  it('says what a fax-on-demand node did', () => {
    expect(runSteps(['n1', 'key:1', 'fax:sent'], [], fa).slice(1)).toEqual([
      { kind: 'key', text: 'کلید ۱' },
      { kind: 'note', text: 'فکس فرستاده شد' },
    ]);
    expect(runSteps(['fax:failed', 'fax:unavailable'], [], en).map((s) => s.text)).toEqual(['fax not completed', 'no fax on this line; fallback']);
  });
});

describe('how a run ended', () => {
  it('a menu that gave up says whether no key came or the keys were wrong', () => {
    expect(endText({ end: 'timeout', path: ['n1', 'timeout'] }, fa)).toBe('کلیدی زده نشد؛ پاسخگو قطع کرد');
    expect(endText({ end: 'timeout', path: ['n1', 'timeout'] }, en)).toBe('no key pressed; the answering service hung up');
    expect(endText({ end: 'timeout', path: ['n1', 'key:7'] }, fa)).toBe('کلید نادرست؛ پاسخگو قطع کرد');
    expect(endText({ end: 'timeout', path: ['n1', 'key:7'] }, en)).toBe('wrong keys; the answering service hung up');
    expect(endText({ end: 'voicemail', path: ['n1', 'key:1', 'n2'] }, fa)).toBe('پیام در صندوق صوتی');
  });

  it('a fax-on-demand node’s fax is not a fax machine calling', () => {
    expect(endText({ end: 'fax', path: ['n1', 'key:1', 'fax:sent'] }, en)).toBe('the document was faxed (see the fax log)');
    expect(endText({ end: 'fax', path: ['n1', 'fax'] }, fa)).toBe('دستگاه فکس تماس گرفت؛ فکس دریافت نشد');
  });
});
