/** Bidi items: visual order of runs, digits kept in reading order, isolates, and the fast paths. */
import { firstStrongDir, itemizeLine, itemizeWithBidi, type BaseDir } from '../../src/print/shaping/bidi-itemizer';
import { SHAPING_CORPUS } from './fixtures/shaping-corpus';

/** The items as text, in visual (left-to-right) order. */
const visual = (text: string, dir: BaseDir) => itemizeLine(text, dir).map((i) => text.slice(i.start, i.end));

describe('itemizeLine', () => {
  test('a Persian date stays one left-to-right item, so it is not printed backwards', () => {
    expect(itemizeLine('۱۴۰۳/۱۲/۲۵', 'rtl')).toEqual([{ start: 0, end: 10, level: 2, script: 'Arab' }]);
  });

  test('Latin inside Persian becomes its own left-to-right item placed by the bidi algorithm', () => {
    expect(visual('شرکت ABC (سهامی)', 'rtl')).toEqual([' (سهامی)', 'ABC', 'شرکت ']);
    expect(visual('Hello World, سلام دنیا', 'rtl')).toEqual([', سلام دنیا', 'Hello World']);
  });

  test('phone digit groups reverse in a right-to-left line unless isolated', () => {
    expect(visual('همراه: ۰۹۱۲ ۱۲۳', 'rtl')).toEqual(['۱۲۳', ' ', '۰۹۱۲', 'همراه: ']);
    const isolated = 'همراه: \u2066۰۹۱۲ ۱۲۳\u2069';
    const parts = visual(isolated, 'rtl');
    expect(parts.join('').replace(/[\u2066\u2069]/g, '')).toBe('۰۹۱۲ ۱۲۳همراه: ');
  });

  test('an English paragraph keeps Persian words in their place', () => {
    expect(visual('Sara رضایی', 'ltr')).toEqual(['Sara ', 'رضایی']);
  });

  test('items split by script inside one level (Latin letters next to Persian digits)', () => {
    expect(itemizeLine('ABC ۱۲۳', 'ltr').map((i) => i.script)).toEqual(['Latn', 'Arab']);
  });

  test('the fast paths give what the full algorithm gives, for every corpus string', () => {
    const extra = ['سلام', 'می‌خواهم به خانه بروم', 'Hello, World', '', '()', '«نقل‌قول»', 'یک - دو', 'abc', 'سه٫پنج', '؟!'];
    for (const text of [...SHAPING_CORPUS, ...extra]) {
      for (const dir of ['rtl', 'ltr'] as const) expect({ text, dir, items: itemizeLine(text, dir) }).toEqual({ text, dir, items: itemizeWithBidi(text, dir) });
    }
  });
});

describe('firstStrongDir', () => {
  test('takes the first letter, skipping isolated content and neutrals', () => {
    expect(firstStrongDir('Asia Tech Co.')).toBe('ltr');
    expect(firstStrongDir('۱۲۳ شرکت')).toBe('rtl');
    expect(firstStrongDir('\u2066ABC\u2069 شرکت')).toBe('rtl');
    expect(firstStrongDir('۱۲۳ - ۴۵')).toBeNull();
  });
});
