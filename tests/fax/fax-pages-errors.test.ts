/**
 * Bad documents get a clear error naming the file, in Persian and English, and nothing is returned
 * half-made: not a document (told by content, whatever the name says), a damaged PDF, a PDF locked by a
 * password, a PDF with no pages, an empty text file, too many pages, a damaged or huge image. And a
 * document is recognised by content: a PNG named .pdf is rendered as the image it is.
 */
import { AppError } from '../../src/main/kernel/app-error';
import { prepareFax } from '../../src/main/fax/pages/prepare-fax';
import { MAX_FAX_PAGES, renderDocument } from '../../src/main/fax/pages/render-document';
import { makePng } from '../helpers/png';
import { pdfOf, zeroPagePdf } from '../helpers/fax-docs';

async function failure(bytes: Uint8Array, fileName: string): Promise<{ fa: string; en: string; code: string; field?: string }> {
  try {
    await renderDocument({ bytes, fileName });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fa = err.toShape('fa');
    return { fa: fa.message, en: err.toShape('en').message, code: fa.code, field: fa.field };
  }
  throw new Error(`${fileName} was accepted`);
}

describe('bad documents are refused with a message naming the file', () => {
  test('random bytes named .pdf are not a document (told by content)', async () => {
    const bytes = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256);
    const e = await failure(bytes, 'invoice.pdf');
    expect(e.code).toBe('fax/document');
    expect(e.field).toBe('file');
    expect(e.fa).toBe('«invoice.pdf» نه PDF است، نه تصویر (PNG یا JPEG) و نه متن ساده؛ محتوای آن (نه پسوند نامش) شناخته نشد.');
    expect(e.en).toBe('“invoice.pdf” is not a PDF, an image (PNG or JPEG) or plain text; its content (not the end of its name) was not recognised.');
  });

  test('a PDF locked with a password', async () => {
    const pdf = await pdfOf((doc) => doc.text('secret', 100, 100), { size: 'A4', margin: 0, userPassword: 'x', ownerPassword: 'y', pdfVersion: '1.7' });
    const e = await failure(pdf, 'locked.pdf');
    expect(e.fa).toBe('«locked.pdf» با گذرواژه قفل شده است؛ آن را بدون گذرواژه ذخیره کنید و دوباره بیفزایید.');
    expect(e.en).toBe('“locked.pdf” is protected by a password; save it without one and add it again.');
  });

  test('a PDF with no pages, and an empty text file', async () => {
    expect((await failure(zeroPagePdf(), 'empty.pdf')).en).toBe('“empty.pdf” has no pages.');
    expect((await failure(zeroPagePdf(), 'empty.pdf')).fa).toBe('«empty.pdf» هیچ صفحه‌ای ندارد.');
    expect((await failure(Buffer.from('\n  \n'), 'blank.txt')).en).toBe('“blank.txt” has no pages.');
  });

  test('a damaged PDF (a header and then garbage)', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Uint8Array.from({ length: 3000 }, (_, i) => (i * 31) % 251))]);
    const e = await failure(bytes, 'broken.pdf');
    expect(e.en).toBe('“broken.pdf” is a damaged PDF and could not be read.');
    expect(e.fa).toBe('«broken.pdf» پروندهٔ PDF آسیب‌دیده‌ای است و خوانده نشد.');
  });

  test(`more than ${MAX_FAX_PAGES} pages`, async () => {
    const pdf = await pdfOf((doc) => {
      for (let i = 1; i < MAX_FAX_PAGES + 1; i++) doc.addPage({ size: 'A4', margin: 0 });
    });
    const e = await failure(pdf, 'long.pdf');
    expect(e.en).toBe(`“long.pdf” has ${MAX_FAX_PAGES + 1} pages; a fax can have at most ${MAX_FAX_PAGES}.`);
    expect(e.fa).toBe('«long.pdf» ۵۱ صفحه دارد؛ یک فکس حداکثر ۵۰ صفحه می‌تواند داشته باشد.');
  });

  test('several documents together over the limit: the one that tips it over is named, and nothing is returned', async () => {
    const pdf = await pdfOf((doc) => {
      for (let i = 1; i < 30; i++) doc.addPage({ size: 'A4', margin: 0 });
    });
    const docs = [
      { bytes: pdf, fileName: 'a.pdf' },
      { bytes: pdf, fileName: 'b.pdf' },
    ];
    const err = await prepareFax({ documents: docs, lang: 'en', calendar: 'jalali', when: new Date() }).catch((e: AppError) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toShape('en').message).toBe('With “b.pdf” the fax would have 60 pages; a fax can have at most 50.');
  });

  test('damaged images are refused (they once crashed the process in the canvas decoder), a huge one before decoding', async () => {
    const png = makePng(400, 300, (x, y) => [x % 256, y % 256, 90]);
    // Header intact, pixel data scrambled; and a file cut off in its pixel data.
    const scrambled = Buffer.from(png);
    for (let i = 41; i < scrambled.length - 12; i++) scrambled[i] = (i * 31) & 0xff;
    expect((await failure(scrambled, 'scan.png')).en).toBe('The image “scan.png” is damaged and could not be read.');
    expect((await failure(png.subarray(0, png.length - 200), 'cut.png')).fa).toBe('تصویر «cut.png» آسیب‌دیده است و خوانده نشد.');
    // A JPEG whose frame header says 16 × 16 and then garbage.
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xc0,
      0,
      17,
      8,
      0,
      16,
      0,
      16,
      3,
      1,
      0x22,
      0,
      2,
      0x11,
      1,
      3,
      0x11,
      1,
      ...Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff),
    ]);
    expect((await failure(jpeg, 'photo.jpg')).en).toBe('The image “photo.jpg” is damaged and could not be read.');
    // A PNG header claiming 20000 × 20000 pixels: refused from its header, never decoded.
    const huge = Buffer.from(png);
    huge.writeUInt32BE(20000, 16);
    huge.writeUInt32BE(20000, 20);
    expect((await failure(huge, 'huge.png')).en).toBe('The image “huge.png” is 20000×20000 pixels; at most 40 megapixels are accepted.');
  });

  test('a PNG named .pdf is rendered as the image it is', async () => {
    const r = await renderDocument({ bytes: makePng(300, 400, (x) => (x < 150 ? [0, 0, 0] : [255, 255, 255])), fileName: 'really-an-image.pdf' });
    expect(r.kind).toBe('png');
    expect(r.pages).toHaveLength(1);
  });
});
