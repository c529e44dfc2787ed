/** SQL of the cheque print templates, their fields and the fonts users added. */
import type { ChequeField, ChequeTemplateData } from '../../shared/contract/cheque-print';
import type { Db } from '../db/database';

export type TemplateRow = {
  id: number;
  name: string;
  bank: string;
  note: string;
  width_mm: number;
  height_mm: number;
  paper: 'leaf' | 'a4';
  rotation: 0 | 90 | 180 | 270;
  offset_x_mm: number;
  offset_y_mm: number;
  background_file: string | null;
  background_mime: 'image/png' | 'image/jpeg' | null;
  background_width_px: number | null;
  background_height_px: number | null;
  created_at: string;
  updated_at: string;
};
export type SummaryRow = Pick<TemplateRow, 'id' | 'name' | 'bank' | 'width_mm' | 'height_mm' | 'updated_at'> & { field_count: number; has_background: 0 | 1 };
type FieldRow = {
  kind: ChequeField['kind'];
  x_mm: number;
  y_mm: number;
  width_mm: number;
  font: string | null;
  font_id: number | null;
  size_pt: number;
  align: ChequeField['align'];
  shrink: 0 | 1;
  guard: ChequeField['guard'];
  fill: 0 | 1;
  digits: ChequeField['digits'];
  suffix: string;
  text: string;
};
export type FontRow = {
  id: number;
  name: string;
  file_name: string;
  units_per_em: number;
  ascender: number;
  descender: number;
  created_at: string;
  used_by: number;
};

export type TemplateColumns = Omit<ChequeTemplateData, 'fields' | 'background'> & { nameKey: string };
export type Background = { file: string; mime: 'image/png' | 'image/jpeg'; widthPx: number; heightPx: number };

const fieldToRow = (f: ChequeField, templateId: number, position: number) => ({
  template_id: templateId,
  position,
  kind: f.kind,
  x_mm: f.xMm,
  y_mm: f.yMm,
  width_mm: f.widthMm,
  font: f.font.startsWith('user:') ? null : f.font,
  font_id: f.font.startsWith('user:') ? Number(f.font.slice(5)) : null,
  size_pt: f.sizePt,
  align: f.align,
  shrink: f.shrink ? 1 : 0,
  guard: f.guard,
  fill: f.fill ? 1 : 0,
  digits: f.digits,
  suffix: f.suffix,
  text: f.text,
});

const rowToField = (r: FieldRow): ChequeField => ({
  kind: r.kind,
  xMm: r.x_mm,
  yMm: r.y_mm,
  widthMm: r.width_mm,
  font: r.font_id !== null ? `user:${r.font_id}` : ((r.font ?? 'vazirmatn') as ChequeField['font']),
  sizePt: r.size_pt,
  align: r.align,
  shrink: r.shrink === 1,
  guard: r.guard,
  fill: r.fill === 1,
  digits: r.digits,
  suffix: r.suffix,
  text: r.text,
});

export type ChequeTemplatesRepo = ReturnType<typeof createChequeTemplatesRepo>;

export function createChequeTemplatesRepo(db: Db) {
  const s = {
    list: db.prepare<[], SummaryRow>(
      `SELECT t.id, t.name, t.bank, t.width_mm, t.height_mm, t.updated_at, t.background_file IS NOT NULL AS has_background,
              (SELECT COUNT(*) FROM cheque_template_fields f WHERE f.template_id = t.id) AS field_count
         FROM cheque_templates t ORDER BY t.name_key`,
    ),
    get: db.prepare<[number], TemplateRow>('SELECT * FROM cheque_templates WHERE id = ?'),
    fields: db.prepare<[number], FieldRow>('SELECT * FROM cheque_template_fields WHERE template_id = ? ORDER BY position'),
    idByKey: db.prepare<[string], number>('SELECT id FROM cheque_templates WHERE name_key = ?').pluck(),
    insert: db.prepare(
      `INSERT INTO cheque_templates (name, name_key, bank, note, width_mm, height_mm, paper, rotation, offset_x_mm, offset_y_mm, created_at, updated_at)
       VALUES (@name, @nameKey, @bank, @note, @widthMm, @heightMm, @paper, @rotation, @offsetXMm, @offsetYMm, @now, @now)`,
    ),
    update: db.prepare(
      `UPDATE cheque_templates SET name = @name, name_key = @nameKey, bank = @bank, note = @note, width_mm = @widthMm, height_mm = @heightMm,
              paper = @paper, rotation = @rotation, offset_x_mm = @offsetXMm, offset_y_mm = @offsetYMm, updated_at = @now WHERE id = @id`,
    ),
    setBackground: db.prepare(
      `UPDATE cheque_templates SET background_file = @file, background_mime = @mime, background_width_px = @widthPx, background_height_px = @heightPx
        WHERE id = @id`,
    ),
    delete: db.prepare<[number]>('DELETE FROM cheque_templates WHERE id = ?'),
    deleteFields: db.prepare<[number]>('DELETE FROM cheque_template_fields WHERE template_id = ?'),
    insertField: db.prepare(
      `INSERT INTO cheque_template_fields (template_id, position, kind, x_mm, y_mm, width_mm,
       font, font_id, size_pt, align, shrink, guard, fill, digits, suffix, text)
       VALUES (@template_id, @position, @kind, @x_mm, @y_mm, @width_mm, @font, @font_id, @size_pt, @align, @shrink, @guard, @fill, @digits, @suffix, @text)`,
    ),
    fonts: db.prepare<[], FontRow>(
      `SELECT f.*, (SELECT COUNT(DISTINCT template_id) FROM cheque_template_fields u WHERE u.font_id = f.id) AS used_by
         FROM cheque_fonts f ORDER BY f.id`,
    ),
    font: db.prepare<[number], FontRow>(
      `SELECT f.*, (SELECT COUNT(DISTINCT template_id) FROM cheque_template_fields u WHERE u.font_id = f.id) AS used_by
         FROM cheque_fonts f WHERE f.id = ?`,
    ),
    fontByFile: db.prepare<[string], number>('SELECT id FROM cheque_fonts WHERE file_name = ?').pluck(),
    insertFont: db.prepare('INSERT INTO cheque_fonts (name, file_name, units_per_em, ascender, descender, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    deleteFont: db.prepare<[number]>('DELETE FROM cheque_fonts WHERE id = ?'),
    builtinUse: db.prepare<[], { font: string; used_by: number }>(
      'SELECT font, COUNT(DISTINCT template_id) AS used_by FROM cheque_template_fields WHERE font IS NOT NULL GROUP BY font',
    ),
  };

  const writeFields = (id: number, fields: readonly ChequeField[]) => {
    s.deleteFields.run(id);
    fields.forEach((f, i) => s.insertField.run(fieldToRow(f, id, i)));
  };

  return {
    list: () => s.list.all(),
    get: (id: number) => s.get.get(id),
    fields: (id: number) => s.fields.all(id).map(rowToField),
    idByKey: (key: string) => (s.idByKey.get(key) as number | undefined) ?? null,
    /** Inserts the template with its fields in one transaction; returns its id. */
    insert: db.transaction((cols: TemplateColumns, fields: readonly ChequeField[], now: string): number => {
      const id = Number(s.insert.run({ ...cols, now }).lastInsertRowid);
      writeFields(id, fields);
      return id;
    }),
    update: db.transaction((id: number, cols: TemplateColumns, fields: readonly ChequeField[], now: string) => {
      s.update.run({ ...cols, id, now });
      writeFields(id, fields);
    }),
    setBackground: (id: number, bg: Background | null) =>
      s.setBackground.run({ id, file: bg?.file ?? null, mime: bg?.mime ?? null, widthPx: bg?.widthPx ?? null, heightPx: bg?.heightPx ?? null }),
    delete: (id: number) => s.delete.run(id).changes > 0,
    fonts: () => s.fonts.all(),
    font: (id: number) => s.font.get(id),
    fontIdByFile: (file: string) => (s.fontByFile.get(file) as number | undefined) ?? null,
    insertFont: (name: string, file: string, m: { unitsPerEm: number; ascender: number; descender: number }, now: string) =>
      Number(s.insertFont.run(name, file, m.unitsPerEm, m.ascender, m.descender, now).lastInsertRowid),
    deleteFont: (id: number) => s.deleteFont.run(id).changes > 0,
    /** Templates using each built-in font. */
    builtinUse: () => new Map(s.builtinUse.all().map((r) => [r.font, r.used_by])),
  };
}
