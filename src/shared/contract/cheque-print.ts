/**
 * Printing on cheque leaves (PRODUCT.md §8): templates made in the designer, and the values printed
 * on a leaf. The cheque book calls 'cheque-templates/print' with the values of the cheques to print;
 * the designer owns templates. Amounts are integer rials (up to 999,999,999,999,999); dates are ISO
 * calendar dates, printed in Jalali digits and words.
 *
 * Geometry is in millimetres on the leaf as it lies in front of you (x to the right from its left
 * edge, y down from its top edge), whatever way the printer feeds it. A field is a box: `xMm` is its
 * left edge, `widthMm` its width, and `yMm` the BASELINE its text sits on (put it on the leaf's
 * printed line). Printing adds the template's calibration offset, then turns the leaf by `rotation`.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();

/** What is written on one leaf. */
export const chequeValuesInput = z.object({
  /** null: a guarantee cheque without a date (date fields print empty). */
  date: isoDate.nullable(),
  amountRials: z.number().int().min(0).max(999_999_999_999_999),
  payee: z.string().max(200).default(''),
  /** National ID (10 digits) or legal ID (11 digits) of the payee, as stored. */
  nationalId: z.string().max(11).default(''),
  purpose: z.string().max(200).default(''),
  /** 16-digit Sayad ID. */
  sayadId: z.string().max(16).default(''),
});
export type ChequeValues = z.input<typeof chequeValuesInput>;

export const chequePrintInput = z.object({
  templateId: z.number().int().positive(),
  /** One leaf per item, in order (a batch). */
  items: z.array(chequeValuesInput).min(1).max(500),
});

/** What a field prints. 'text' prints the field's own `text`. */
export const CHEQUE_FIELD_KINDS = ['dateDigits', 'dateWords', 'amountDigits', 'amountWords', 'payee', 'nationalId', 'purpose', 'sayadId', 'text'] as const;
export type ChequeFieldKind = (typeof CHEQUE_FIELD_KINDS)[number];

/** Fonts that ship with the app; a font the user added is 'user:<id>'. */
export const BUILTIN_CHEQUE_FONTS = ['vazirmatn', 'vazirmatn-bold', 'nastaliq'] as const;
export const chequeFontKey = z.union([z.enum(BUILTIN_CHEQUE_FONTS), z.string().regex(/^user:[1-9]\d{0,9}$/)]);
export type ChequeFontKey = z.infer<typeof chequeFontKey>;

/**
 * Anti-tamper marks around the value: 'slashes' «// … //», 'hash' «# … #», 'star' «* … *»
 * (with a space inside for words, none for digits: «#۱٬۲۵۰٬۰۰۰#»).
 */
export const CHEQUE_GUARDS = ['none', 'slashes', 'hash', 'star'] as const;
export type ChequeGuard = (typeof CHEQUE_GUARDS)[number];

export const CHEQUE_ROTATIONS = [0, 90, 180, 270] as const;
export type ChequeRotation = (typeof CHEQUE_ROTATIONS)[number];

const mm = (max: number) => z.number().finite().min(0).max(max);

export const chequeFieldInput = z.object({
  kind: z.enum(CHEQUE_FIELD_KINDS),
  /** Left edge of the box, mm from the leaf's left edge. */
  xMm: mm(400),
  /** Baseline of the text, mm from the leaf's top edge. */
  yMm: mm(400),
  widthMm: z.number().finite().min(2).max(400),
  font: chequeFontKey.default('vazirmatn'),
  sizePt: z.number().finite().min(4).max(72).default(12),
  /** Side of the box the text keeps to. */
  align: z.enum(['right', 'center', 'left']).default('right'),
  /** Make the text smaller (never cut it) when it is wider than the box. */
  shrink: z.boolean().default(true),
  guard: z.enum(CHEQUE_GUARDS).default('none'),
  /** Fill the rest of the box with the guard's sign ('*' without a guard) so nothing can be added. */
  fill: z.boolean().default(false),
  /** Digits of numbers and dates: Persian (۱۴۰۳/۱۲/۲۵) or Latin (1403/12/25). */
  digits: z.enum(['fa', 'latin']).default('fa'),
  /** Printed after the value, e.g. «ریال» after the amount. */
  suffix: z.string().max(40).default(''),
  /** What a 'text' field prints (ignored by the other kinds). */
  text: z.string().max(200).default(''),
});
export type ChequeFieldInput = z.input<typeof chequeFieldInput>;
export type ChequeField = z.output<typeof chequeFieldInput>;

export const BACKGROUND_MIMES = ['image/png', 'image/jpeg'] as const;
/** Scans up to 8 MB. */
export const MAX_BACKGROUND_BYTES = 8 * 1024 * 1024;
export const backgroundInput = z.object({ mime: z.enum(BACKGROUND_MIMES), base64: z.string().max(Math.ceil(MAX_BACKGROUND_BYTES / 3) * 4) });

export const chequeTemplateInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Bank and account the template is for (free text, shown in the list). */
  bank: z.string().trim().max(100).default(''),
  note: z.string().max(1000).default(''),
  /** The leaf. */
  widthMm: z.number().finite().min(50).max(400),
  heightMm: z.number().finite().min(30).max(400),
  /** 'leaf': pages are the leaf's size; 'a4': the leaf sits at the top centre of an A4 page. */
  paper: z.enum(['leaf', 'a4']).default('leaf'),
  /** Printer calibration: the leaf turned clockwise for printers that feed cheques upright (90, 270) or head first (180). */
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).default(0),
  /** Printer calibration: everything moves this far (mm, on the leaf: + is right/down). */
  offsetXMm: z.number().finite().min(-50).max(50).default(0),
  offsetYMm: z.number().finite().min(-50).max(50).default(0),
  fields: z.array(chequeFieldInput).max(40).default([]),
  /**
   * The scan of a real leaf, shown in the designer and NEVER printed. Absent: keep the stored one
   * (update) or none (create); null: remove it.
   */
  background: backgroundInput.nullable().optional(),
});
export type ChequeTemplateInput = z.input<typeof chequeTemplateInput>;
export type ChequeTemplateData = z.output<typeof chequeTemplateInput>;

export type ChequeBackground = z.output<typeof backgroundInput> & { widthPx: number; heightPx: number };

export type ChequeTemplate = Omit<ChequeTemplateData, 'background'> & {
  id: number;
  background: ChequeBackground | null;
  createdAt: string;
  updatedAt: string;
};

export type ChequeTemplateSummary = {
  id: number;
  name: string;
  bank: string;
  widthMm: number;
  heightMm: number;
  fieldCount: number;
  hasBackground: boolean;
  updatedAt: string;
};

/** A font fields can use, with the vertical metrics the designer needs to draw text where the PDF puts it. */
export type ChequeFont = {
  key: ChequeFontKey;
  /** Family name from the font's name table. */
  name: string;
  builtIn: boolean;
  unitsPerEm: number;
  /** Font units above the baseline (positive) and below it (negative), as HarfBuzz reads them. */
  ascender: number;
  descender: number;
  /** Templates whose fields use it (user fonts cannot be deleted while used). */
  usedBy: number;
};

export const addFontInput = z.object({
  fileName: z.string().max(300).default(''),
  /** The TTF file, base64 (at most 30 MB). */
  base64: z
    .string()
    .min(1)
    .max(40 * 1024 * 1024),
  /** Shown in the font lists; default: the family name in the file. */
  name: z.string().trim().max(100).default(''),
});

export const copyTemplateInput = z.object({
  id,
  /** Name of the copy; default «name (2)», the first free number. */
  name: z.string().trim().max(100).default(''),
  /** Bank/account of the copy; default the original's. */
  bank: z.string().trim().max(100).nullable().default(null),
});

/**
 * Test print and preview: a saved template (`templateId`) or the designer's unsaved draft (`draft`,
 * its background is never needed), with sample values (default: a sample cheque).
 */
export const chequeSampleInput = z.object({
  templateId: id.nullable().default(null),
  draft: chequeTemplateInput.omit({ background: true }).nullable().default(null),
  values: chequeValuesInput.nullable().default(null),
});
export type ChequeSampleInput = z.input<typeof chequeSampleInput>;

/** The sample printed when no values are given: amounts and names long enough to show shrinking and guards. */
export const SAMPLE_CHEQUE: z.output<typeof chequeValuesInput> = {
  date: '2025-03-15',
  amountRials: 1_250_000_000,
  payee: 'علی‌رضا حسینی‌نژاد',
  nationalId: '0012345679',
  purpose: 'بابت فاکتور شماره ۱۲۳۴',
  sayadId: '1234567890123456',
};
