/**
 * A fax document as a PDF that keeps the fax's G3/G4 page data (/CCITTFaxDecode), for people and programs
 * that open PDFs rather than TIFFs. Request rules: request.ts.
 */
import { z } from 'zod';
import type { FileOut } from './io';
import { request, id, type RequestMap } from './request';

export const faxPdfApi = {
  /**
   * The stored TIFF Class F of the document as a PDF, one page per fax page at the fax's own paper size.
   * not_found for a missing document or page file; `fax/document` when the stored file is damaged and cannot be read.
   */
  'fax/document-pdf': request(z.object({ id })).reads('fax.read').returns<FileOut>(),
} satisfies RequestMap;
