/**
 * Cheque print templates, their fonts, and printing on leaves.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import {
  addFontInput,
  chequeFontKey,
  chequePrintInput,
  chequeSampleInput,
  chequeTemplateInput,
  copyTemplateInput,
  type ChequeFont,
  type ChequeFontKey,
  type ChequeTemplate,
  type ChequeTemplateSummary,
} from './cheque-print';
import type { FileOut } from './io';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const chequeTemplatePatch = patchOf(chequeTemplateInput);

export const chequeTemplatesApi = {
  /** Cheque print templates by name (summaries: no fields, no background). */
  'cheque-templates/list': request(none).reads('cheques.read').returns<ChequeTemplateSummary[]>(),
  /** A template with its fields and background scan. 'not_found' when deleted. */
  'cheque-templates/get': request(z.object({ id })).reads('cheques.read').returns<ChequeTemplate>(),
  /** 'validation' names the field ('fields.2.xMm' outside the leaf, 'fields.0.font', 'background'); 'conflict' (field 'name') for a name in use. */
  'cheque-templates/create': request(chequeTemplateInput).writes('cheques.admin').returns<ChequeTemplate>(),
  /** Replaces the template; `background` absent keeps the scan, null removes it. */
  'cheque-templates/update': request(z.object({ id, data: chequeTemplatePatch }))
    .writes('cheques.admin')
    .returns<ChequeTemplate>(),
  'cheque-templates/delete': request(z.object({ id })).writes('cheques.admin').returns<{ id: number }>(),
  /** A copy (fields, calibration, background) for another bank or account; default name «name (2)». */
  'cheque-templates/copy': request(copyTemplateInput).writes('cheques.admin').returns<ChequeTemplate>(),
  /** Fonts fields can use: the bundled ones, then the user's, with vertical metrics for the designer. */
  'cheque-templates/fonts': request(none).reads('cheques.read').returns<ChequeFont[]>(),
  /**
   * Adds a TTF after loading it with HarfBuzz and embedding it in a test PDF; 'validation' (field 'font') says why a file is
   * refused. The same file twice is one font.
   */
  'cheque-templates/add-font': request(addFontInput).writes('cheques.admin').returns<ChequeFont>(),
  /** Removes a user font; 'conflict' while a template uses it. */
  'cheque-templates/delete-font': request(z.object({ key: chequeFontKey }))
    .writes('cheques.admin')
    .returns<{ key: ChequeFontKey }>(),
  /** A user font's TTF (base64), for the designer to preview text in it. */
  'cheque-templates/font-file': request(z.object({ key: chequeFontKey }))
    .reads('cheques.read')
    .returns<{ base64: string }>(),
  /** Cheques on their leaves: one page per item, the template's calibration applied, the background never printed. */
  'cheque-templates/print': request(chequePrintInput).reads('cheques.read').returns<FileOut>(),
  /** One leaf of a saved template or an unsaved draft, with sample (or given) values. */
  'cheque-templates/preview': request(chequeSampleInput).reads('cheques.read').returns<FileOut>(),
  /** Plain A4: a 10 mm grid, the leaf's outline where printing puts it, the field boxes and sample values. */
  'cheque-templates/test-print': request(chequeSampleInput).reads('cheques.read').returns<FileOut>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type ChequeTemplatesEvents = {
  /** Cheque templates or their fonts were created, changed or deleted. */
  'cheque-templates/changed': Record<string, never>;
};
