import type { faxPdfApi } from '../../shared/contract/fax-pdf.api';
import type { FileOut } from '../../shared/contract/io';
import { faxTiffToPdf } from '../../print/fax/fax-tiff-pdf';
import { AppError } from '../kernel/app-error';
import type { Handlers } from '../kernel/handlers';
import type { FaxDeps } from './fax.handlers';

/** A stored fax TIFF (as 'fax/document-tiff' hands it out) → the same pages as a PDF with the G3/G4 data kept. */
export function tiffFileAsPdf(tiff: FileOut): FileOut {
  let pdf: Uint8Array;
  try {
    pdf = faxTiffToPdf(Buffer.from(tiff.base64, 'base64'));
  } catch {
    throw new AppError('fax/document', 'fax.file_damaged');
  }
  return { fileName: tiff.fileName.replace(/\.tif$/, '.pdf'), mime: 'application/pdf', base64: Buffer.from(pdf).toString('base64'), count: tiff.count };
}

/** The handlers of `faxPdfApi` (src/shared/contract/fax-pdf.api.ts): the document's TIFF, read as the library keeps it, made a PDF. */
export function faxPdfHandlers({ faxDocuments }: FaxDeps): Handlers<typeof faxPdfApi> {
  return {
    'fax/document-pdf': ({ id }) => tiffFileAsPdf(faxDocuments.tiff(id)),
  };
}
