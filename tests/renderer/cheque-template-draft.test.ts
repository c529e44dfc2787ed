/** The designer's pure operations: moving and resizing inside the leaf, keyboard nudges, typed millimetres, field boxes, the Sayad starting fields. */
import { chequeTemplateInput, SAMPLE_CHEQUE } from '../../src/shared/contract/cheque-print';
import { chequeFieldText } from '../../src/shared/text/cheque-field-text';
import { messages } from '../../src/renderer/i18n/messages';
import { fieldBox, newField, nudgeOf, parseMm, placeField, resizeField, SAYAD_LEAF, sayadFields } from '../../src/renderer/cheque-templates/template-draft';

const leaf = { widthMm: 180, heightMm: 85 };
const f = newField('payee', { xMm: 40, yMm: 50, widthMm: 100 });

describe('placeField', () => {
  it('moves by millimetres, rounded to 0.1 mm', () => {
    expect(placeField(f, 12.345, 30.06, leaf)).toMatchObject({ xMm: 12.3, yMm: 30.1, widthMm: 100 });
  });
  it('keeps the whole box and the baseline on the leaf', () => {
    expect(placeField(f, -5, -2, leaf)).toMatchObject({ xMm: 0, yMm: 0 });
    expect(placeField(f, 120, 99, leaf)).toMatchObject({ xMm: 80, yMm: 85 });
  });
});

describe('resizeField', () => {
  it('moves the right edge, or the left edge keeping the right one', () => {
    expect(resizeField(f, 'right', 150.04, 180)).toMatchObject({ xMm: 40, widthMm: 110 });
    expect(resizeField(f, 'left', 30, 180)).toMatchObject({ xMm: 30, widthMm: 110 });
  });
  it('never narrower than 5 mm nor past the leaf', () => {
    expect(resizeField(f, 'right', 10, 180)).toMatchObject({ xMm: 40, widthMm: 5 });
    expect(resizeField(f, 'right', 300, 180)).toMatchObject({ widthMm: 140 });
    expect(resizeField(f, 'left', 200, 180)).toMatchObject({ xMm: 135, widthMm: 5 });
    expect(resizeField(f, 'left', -10, 180)).toMatchObject({ xMm: 0, widthMm: 140 });
  });
});

describe('nudgeOf', () => {
  it('0.5 mm a press, 5 with Shift, 0.1 with Alt; other keys do nothing', () => {
    expect(nudgeOf('ArrowLeft', { shiftKey: false, altKey: false })).toEqual({ dx: -0.5, dy: 0 });
    expect(nudgeOf('ArrowDown', { shiftKey: true, altKey: false })).toEqual({ dx: 0, dy: 5 });
    expect(nudgeOf('ArrowUp', { shiftKey: false, altKey: true })).toEqual({ dx: 0, dy: -0.1 });
    expect(nudgeOf('a', { shiftKey: false, altKey: false })).toBeNull();
  });
});

describe('parseMm', () => {
  it('reads any digits and decimal signs', () => {
    expect(parseMm('۳۸٫۵')).toBe(38.5);
    expect(parseMm('38.5')).toBe(38.5);
    expect(parseMm('٣٨')).toBe(38);
    expect(parseMm('−1.5')).toBe(-1.5);
    expect(parseMm(' 12 ')).toBe(12);
    expect(parseMm('12mm')).toBeNull();
    expect(parseMm('')).toBeNull();
  });
});

describe('fieldBox', () => {
  it('runs from the font’s ascender above the baseline to its descender below', () => {
    const nastaliq = { unitsPerEm: 1000, ascender: 1904, descender: -596 };
    const box = fieldBox({ ...f, sizePt: 72 }, nastaliq); // 72 pt = 25.4 mm
    expect(box.top).toBeCloseTo(50 - 1.904 * 25.4, 6);
    expect(box.height).toBeCloseTo(2.5 * 25.4, 6);
  });
});

describe('new fields and the Sayad start', () => {
  it('amount in words starts in Nastaliq with «ریال» and guards', () => {
    const w = newField('amountWords', { xMm: 10, yMm: 40, widthMm: 150 });
    expect(w).toMatchObject({ font: 'nastaliq', suffix: 'ریال', guard: 'slashes' });
    expect(chequeFieldText(w, SAMPLE_CHEQUE)).toBe('// یک میلیارد و دویست و پنجاه میلیون ریال //');
  });
  it('every starting field is valid and inside a Sayad leaf, and every kind has a label in both languages', () => {
    const parsed = chequeTemplateInput.parse({ name: 'x', ...SAYAD_LEAF, fields: sayadFields() });
    for (const field of parsed.fields) {
      expect(field.xMm + field.widthMm).toBeLessThanOrEqual(SAYAD_LEAF.widthMm);
      expect(field.yMm).toBeLessThanOrEqual(SAYAD_LEAF.heightMm);
      expect(messages.fa.chequeTemplates.kinds[field.kind]).toBeTruthy();
      expect(messages.en.chequeTemplates.kinds[field.kind]).toBeTruthy();
    }
  });
});
