/**
 * The printed reminder book, read back with poppler's pdftotext: Persian subjects shaped and in time
 * order, Jalali day headings, the full descriptions; English with the Gregorian calendar.
 */
import { manualTimers } from '../helpers/manual-timers';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { describeWithPoppler, pageCount, pdfText, savePdf } from '../print/helpers/poppler';

const maybe = describeWithPoppler;

maybe('reminders/print', () => {
  let dir: string;
  let e: TestEngine;
  beforeAll(async () => {
    dir = tempDir();
    const t = manualTimers(new Date(2026, 10, 20, 12, 0).getTime());
    e = testEngine(dir, () => new Date(t.now()), { timers: t.timers });
    const sara = await e.ok('contacts/create', { firstName: 'سارا', lastName: 'احمدی', birthDate: '1996-11-22' });
    const g = await e.ok('reminder-groups/create', { name: 'مشتریان' });
    // Created out of order: the report is in time order.
    await e.ok('reminders/create', { subject: 'تحویل قرارداد', date: '2026-11-23', time: '14:00', place: 'دفتر مرکزی', groupId: g.id });
    await e.ok('reminders/create', {
      subject: 'جلسه با مشاور مالیاتی',
      date: '2026-11-21',
      time: '10:30',
      kind: 'meeting',
      note: 'مدارک سال ۱۴۰۴ همراه باشد.\nSecond line in English.',
      participantIds: [sara.id],
    });
    await e.ok('reminders/create', {
      subject: 'تماس با بانک',
      date: '2026-11-21',
      time: '08:15',
      kind: 'task',
      repeat: { kind: 'daily' },
      until: '2026-11-22',
    });
  });
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });

  // The file name carries the range in the chosen calendar (Jalali unless a test switches).
  let expectedName = 'reminders-1405-08-30-1405-09-09.pdf';
  const print = async (name: string, input: Record<string, unknown>, lang: 'fa' | 'en') => {
    const out = await e.ok('reminders/print', { from: '2026-11-21', to: '2026-11-30', ...input }, lang);
    expect([out.mime, out.fileName]).toEqual(['application/pdf', expectedName]);
    const file = savePdf(name, Buffer.from(out.base64, 'base64'));
    return { out, file, text: pdfText(file) };
  };

  /**
   * Each part appears after the one before it. Spaces are ignored: pdftotext moves the space next to
   * a number inside a Persian line ('۳۰ آبان' comes out as ' ۳۰آبان') though the page shows it right.
   */
  const squash = (t: string) => t.replace(/\s+/g, '');
  const inOrder = (raw: string, parts: string[]) => {
    const text = squash(raw);
    let from = 0;
    for (const p of parts.map(squash)) {
      const i = text.indexOf(p, from);
      expect([p, i >= 0]).toEqual([p, true]);
      from = i + p.length;
    }
  };

  test('the list in Persian: Jalali day headings, subjects in time order, Persian digits', async () => {
    const { out, file, text } = await print('reminders-list-fa', { detail: 'list' }, 'fa');
    expect(out.count).toBe(5);
    expect(pageCount(file)).toBe(1);
    expect(text).toContain('دفتر یادآوری');
    // Sara was born 2 Azar 1375 (1996-11-22): her birthday is 2 Azar 1405, the 23rd, not the 22nd.
    inOrder(text, ['۳۰ آبان ۱۴۰۵', 'تماس با بانک', 'جلسه با مشاور مالیاتی', '۱ آذر ۱۴۰۵', 'تماس با بانک', '۲ آذر ۱۴۰۵', 'تولد سارا احمدی', 'تحویل قرارداد']);
    for (const part of ['۰۸:۱۵', 'مشتریان', 'دفتر مرکزی', '(۳۰ سالگی)']) inOrder(text, [part]);
  });

  test('full descriptions: participants and the note, wrapped, each line in its own direction', async () => {
    const { text } = await print('reminders-full-fa', { detail: 'full', text: 'مشاور' }, 'fa');
    inOrder(text, ['جلسه با مشاور مالیاتی', 'جلسه', 'شرکت‌کنندگان: سارا احمدی', 'مدارک سال ۱۴۰۴ همراه باشد.', 'Second line in English.']);
    expect(text).not.toContain('تحویل قرارداد');
  });

  test('in English with the Gregorian calendar', async () => {
    await e.ok('settings/update', { calendar: 'gregorian' });
    expectedName = 'reminders-2026-11-21-2026-11-30.pdf';
    try {
      const { text } = await print('reminders-list-en', { detail: 'list', includeBirthdays: false }, 'en');
      expect(text).toContain('Reminder book');
      inOrder(text, ['21 November 2026', 'تماس با بانک', 'جلسه با مشاور مالیاتی', '22 November 2026', '23 November 2026', 'تحویل قرارداد']);
      expect(text).toContain('4 items');
    } finally {
      expectedName = 'reminders-1405-08-30-1405-09-09.pdf';
      await e.ok('settings/update', { calendar: 'jalali' });
    }
  });

  test('an empty range prints one page saying so', async () => {
    const { file, text } = await print('reminders-empty', { text: 'هیچ‌چیز' }, 'fa');
    expect(pageCount(file)).toBe(1);
    expect(text).toContain('در این بازه یادآوری‌ای نیست.');
  });
});
