/**
 * Cheque print templates (PRODUCT.md §8): many templates, each a leaf size, a background scan (never
 * printed), fields with position, font, size, alignment, shrink-to-fit and guard marks, and the
 * printer's calibration; copies for another bank or account; fonts users add; and the PDFs — a batch
 * of cheques, a preview with sample values, and the test print on A4. Every change emits
 * 'cheque-templates/changed'.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { ParsedInputOf } from '../../shared/contract/api';
import {
  BUILTIN_CHEQUE_FONTS,
  SAMPLE_CHEQUE,
  type ChequeFont,
  type ChequeFontKey,
  type ChequeTemplate,
  type ChequeTemplateData,
  type ChequeTemplateSummary,
} from '../../shared/contract/cheque-print';
import type { FileOut } from '../../shared/contract/io';
import { localDigits } from '../../shared/text/digits';
import { foldForSearch, normalizeInput } from '../../shared/text/normalize';
import { printChequeTest, printCheques, type ChequeLayoutTemplate, type FontResolver } from '../../print/cheque/cheque.print';
import { BUILTIN_FONT_NAMES, builtinFontPath, fontFacts, FontRejected, inspectUserFont, type FontFacts } from '../../print/cheque/cheque-fonts';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { message, type Lang, type MessageKey } from '../i18n/messages';
import { createChequeTemplatesRepo, type TemplateColumns, type TemplateRow } from './cheque-templates.repo';
import { createTemplateFiles, imageFacts } from './template-files';
import { cleanTemplate } from './template.validate';

type TemplateInput = ChequeTemplateData;
type Background = NonNullable<TemplateInput['background']>;

export type ChequeTemplatesService = ReturnType<typeof createChequeTemplatesService>;

const isBuiltin = (key: string): key is (typeof BUILTIN_CHEQUE_FONTS)[number] => (BUILTIN_CHEQUE_FONTS as readonly string[]).includes(key);
const pdf = (fileName: string, bytes: Buffer, count: number): FileOut => ({ fileName, mime: 'application/pdf', base64: bytes.toString('base64'), count });

export function createChequeTemplatesService(db: Db, ctx: EngineContext, opts: { dataDir: string }) {
  const repo = createChequeTemplatesRepo(db);
  const files = createTemplateFiles(opts.dataDir);
  const fontExists = (id: number) => repo.font(id) !== undefined;
  const now = () => ctx.clock().toISOString();
  const changed = () => ctx.emit('cheque-templates/changed', {});
  const builtinFacts = new Map<string, FontFacts>();

  function row(id: number): TemplateRow {
    const r = repo.get(id);
    if (!r) throw new AppError('not_found', 'not_found.cheque_template', {}, 'id');
    return r;
  }

  function layoutOf(r: TemplateRow): Omit<ChequeTemplateData, 'background'> {
    return {
      name: r.name,
      bank: r.bank,
      note: r.note,
      widthMm: r.width_mm,
      heightMm: r.height_mm,
      paper: r.paper,
      rotation: r.rotation,
      offsetXMm: r.offset_x_mm,
      offsetYMm: r.offset_y_mm,
      fields: repo.fields(r.id),
    };
  }

  function toTemplate(r: TemplateRow): ChequeTemplate {
    const bytes = r.background_file ? files.readBackground(r.background_file) : null;
    const background =
      bytes && r.background_mime && r.background_width_px && r.background_height_px
        ? { mime: r.background_mime, base64: bytes.toString('base64'), widthPx: r.background_width_px, heightPx: r.background_height_px }
        : null;
    return { id: r.id, ...layoutOf(r), background, createdAt: r.created_at, updatedAt: r.updated_at };
  }

  function uniqueName(raw: string, id: number | null): { name: string; nameKey: string } {
    const name = normalizeInput(raw);
    if (name === '') throw validationError('validation.empty_name', 'name');
    const nameKey = foldForSearch(name);
    const other = repo.idByKey(nameKey);
    if (other !== null && other !== id) throw new AppError('conflict', 'conflict.cheque_template_name', { value: name }, 'name');
    return { name, nameKey };
  }

  function columns(data: Omit<TemplateInput, 'background'>, id: number | null): { cols: TemplateColumns; fields: ChequeTemplateData['fields'] } {
    const clean = cleanTemplate(data, fontExists);
    const { name, nameKey } = uniqueName(clean.name, id);
    const { fields, ...rest } = clean;
    return { cols: { ...rest, name, nameKey }, fields };
  }

  function checkedBackground(bg: Background): { bytes: Buffer; facts: NonNullable<ReturnType<typeof imageFacts>> } {
    const bytes = Buffer.from(bg.base64, 'base64');
    const facts = imageFacts(bytes);
    if (!facts) throw validationError('validation.cheque_background', 'background', { field: 'background' });
    return { bytes, facts };
  }

  /** Stores (or removes, for null) the background of a template; the old file goes once the row points to the new one. */
  function replaceBackground(id: number, old: string | null, bg: Background | null, checked: ReturnType<typeof checkedBackground> | null): void {
    if (bg === null || !checked) {
      repo.setBackground(id, null);
    } else {
      const file = files.saveBackground(id, checked.facts.mime, checked.bytes);
      repo.setBackground(id, { file, ...checked.facts });
    }
    if (old) files.removeBackground(old);
  }

  /** Font key → file, for printing: a user font deleted meanwhile, or whose file left the data folder, is a clear error. */
  const resolver: FontResolver = (key) => {
    if (isBuiltin(key)) return builtinFontPath(key);
    const f = repo.font(Number(key.slice(5)));
    if (!f) throw new AppError('not_found', 'not_found.cheque_font', {}, 'font');
    const path = files.fontPath(f.file_name);
    if (!existsSync(path)) throw new AppError('validation', 'validation.cheque_font_file_missing', { value: f.name }, 'font');
    return path;
  };

  async function fontList(): Promise<ChequeFont[]> {
    const use = repo.builtinUse();
    const out: ChequeFont[] = [];
    for (const key of BUILTIN_CHEQUE_FONTS) {
      let facts = builtinFacts.get(key);
      if (!facts) {
        facts = await fontFacts(readFileSync(builtinFontPath(key)));
        builtinFacts.set(key, facts);
      }
      out.push({
        key,
        name: BUILTIN_FONT_NAMES[key],
        builtIn: true,
        unitsPerEm: facts.unitsPerEm,
        ascender: facts.ascender,
        descender: facts.descender,
        usedBy: use.get(key) ?? 0,
      });
    }
    for (const f of repo.fonts()) {
      out.push({
        key: `user:${f.id}`,
        name: f.name,
        builtIn: false,
        unitsPerEm: f.units_per_em,
        ascender: f.ascender,
        descender: f.descender,
        usedBy: f.used_by,
      });
    }
    return out;
  }

  function sampleTemplate(input: ParsedInputOf<'cheque-templates/test-print'>): ChequeLayoutTemplate {
    if (input.draft) return cleanTemplate(input.draft, fontExists);
    if (input.templateId === null) throw validationError('validation.cheque_sample_source', 'templateId', { field: 'templateId' });
    return layoutOf(row(input.templateId));
  }

  return {
    list(): ChequeTemplateSummary[] {
      return repo.list().map((r) => ({
        id: r.id,
        name: r.name,
        bank: r.bank,
        widthMm: r.width_mm,
        heightMm: r.height_mm,
        fieldCount: r.field_count,
        hasBackground: r.has_background === 1,
        updatedAt: r.updated_at,
      }));
    },

    get: (id: number): ChequeTemplate => toTemplate(row(id)),

    create(data: TemplateInput): ChequeTemplate {
      const { cols, fields } = columns(data, null);
      const checked = data.background ? checkedBackground(data.background) : null;
      const id = repo.insert(cols, fields, now());
      if (checked && data.background) replaceBackground(id, null, data.background, checked);
      changed();
      return toTemplate(row(id));
    },

    update(id: number, data: TemplateInput): ChequeTemplate {
      const before = row(id);
      const { cols, fields } = columns(data, id);
      const checked = data.background ? checkedBackground(data.background) : null;
      repo.update(id, cols, fields, now());
      if (data.background !== undefined) replaceBackground(id, before.background_file, data.background, checked);
      changed();
      return toTemplate(row(id));
    },

    delete(id: number): { id: number } {
      const before = row(id);
      repo.delete(id);
      if (before.background_file) files.removeBackground(before.background_file);
      changed();
      return { id };
    },

    /** A copy with everything (fields, calibration, its own copy of the background) under a new name. */
    copy(input: ParsedInputOf<'cheque-templates/copy'>, lang: Lang): ChequeTemplate {
      const src = row(input.id);
      // A name the user chose must be free ('conflict' from columns()); otherwise «name (2)», «name (3)»…
      let name = normalizeInput(input.name);
      for (let n = 2; name === ''; n++) {
        const next = message(lang, 'cheque_templates.copy_name', { name: src.name, n });
        if (repo.idByKey(foldForSearch(next)) === null) name = next;
      }
      const layout = layoutOf(src);
      const { cols, fields } = columns({ ...layout, name, bank: input.bank ?? layout.bank }, null);
      const id = repo.insert(cols, fields, now());
      if (src.background_file && src.background_mime && src.background_width_px && src.background_height_px) {
        repo.setBackground(id, {
          file: files.copyBackground(src.background_file, id),
          mime: src.background_mime,
          widthPx: src.background_width_px,
          heightPx: src.background_height_px,
        });
      }
      changed();
      return toTemplate(row(id));
    },

    fonts: fontList,

    async addFont(input: ParsedInputOf<'cheque-templates/add-font'>): Promise<ChequeFont> {
      const bytes = Buffer.from(input.base64, 'base64');
      const fileName = files.fontFileName(bytes);
      const existing = repo.fontIdByFile(fileName);
      if (existing === null) {
        const path = files.saveFont(fileName, bytes);
        let facts: FontFacts;
        try {
          facts = await inspectUserFont(bytes, path);
        } catch (e) {
          files.removeFont(fileName);
          if (!(e instanceof FontRejected)) throw e;
          const reason = (lang: Lang) => message(lang, `font.${e.problem}` satisfies MessageKey);
          throw new AppError('validation', 'validation.cheque_font_file', { reason }, 'font');
        }
        const fallback = input.fileName.replace(/\.[^.]*$/, '') || 'Font';
        const name = normalizeInput(input.name) || facts.family || fallback;
        repo.insertFont(name, fileName, facts, now());
        changed();
      }
      const id = repo.fontIdByFile(fileName);
      const font = (await fontList()).find((f) => f.key === `user:${id}`);
      if (!font) throw new AppError('not_found', 'not_found.cheque_font', {}, 'font');
      return font;
    },

    /** Removes a user font; 'conflict' while a template uses it. */
    deleteFont(key: ChequeFontKey): { key: ChequeFontKey } {
      if (isBuiltin(key)) throw new AppError('validation', 'validation.generic', { field: 'key' }, 'key');
      const f = repo.font(Number(key.slice(5)));
      if (!f) throw new AppError('not_found', 'not_found.cheque_font', {}, 'key');
      if (f.used_by > 0) throw new AppError('conflict', 'conflict.cheque_font_used', { value: f.name, count: f.used_by }, 'key');
      repo.deleteFont(f.id);
      files.removeFont(f.file_name);
      changed();
      return { key };
    },

    /** A user font's file, for the designer to draw its preview in that font. */
    fontFile(key: ChequeFontKey): { base64: string } {
      if (isBuiltin(key)) throw new AppError('validation', 'validation.generic', { field: 'key' }, 'key');
      const f = repo.font(Number(key.slice(5)));
      if (!f) throw new AppError('not_found', 'not_found.cheque_font', {}, 'key');
      return { base64: readFileSync(files.fontPath(f.file_name)).toString('base64') };
    },

    /** The cheque book's print: one page per leaf. */
    async print(input: ParsedInputOf<'cheque-templates/print'>): Promise<FileOut> {
      const t = layoutOf(row(input.templateId));
      const bytes = await printCheques(t, input.items, { fontPath: resolver });
      return pdf(`cheques-${input.templateId}-${input.items.length}.pdf`, bytes, input.items.length);
    },

    /** One leaf with sample (or given) values: what the designer shows as its preview. */
    async preview(input: ParsedInputOf<'cheque-templates/preview'>): Promise<FileOut> {
      const t = sampleTemplate(input);
      const bytes = await printCheques(t, [input.values ?? SAMPLE_CHEQUE], { fontPath: resolver });
      return pdf('cheque-preview.pdf', bytes, 1);
    },

    /** Plain A4 with the 10 mm grid, field boxes and sample values, to hold against a real leaf. */
    async testPrint(input: ParsedInputOf<'cheque-templates/test-print'>, lang: Lang): Promise<FileOut> {
      const t = sampleTemplate(input);
      // Isolated (LRI…PDI) so the sign stays in front of the number inside a Persian sentence; '٫' is the Persian decimal point.
      const signed = (n: number) => `\u2066${localDigits(n > 0 ? `+${n}` : String(n), lang).replace('.', lang === 'fa' ? '\u066b' : '.')}\u2069`;
      const caption = message(lang, 'cheque_templates.test_caption', {
        name: t.name,
        x: signed(t.offsetXMm),
        y: signed(t.offsetYMm),
        rotation: localDigits(t.rotation, lang),
      });
      const bytes = await printChequeTest(
        t,
        input.values ?? SAMPLE_CHEQUE,
        { fontPath: resolver },
        {
          caption,
          field: (kind, n) => `${message(lang, `cheque_templates.kind_${kind}` satisfies MessageKey)} (${localDigits(n, lang)})`,
        },
      );
      return pdf('cheque-test-print.pdf', bytes, 1);
    },
  };
}
