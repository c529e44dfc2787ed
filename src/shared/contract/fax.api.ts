/**
 * The fax document library: a document (PDF, PNG/JPEG, plain text) is added once, rendered then to fax
 * pages and kept as TIFF Class F in the data folder, so sending or fax-on-demand never renders at call time.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { faxDocumentAddInput, type FaxDocument, type FaxPagePreview } from './fax';
import type { FileOut } from './io';
import { request, id, none, type RequestMap } from './request';

export const faxApi = {
  /** The library, newest first. */
  'fax/documents': request(none).reads('fax.read').returns<FaxDocument[]>(),
  /**
   * Renders the file to fax pages and stores them. A file that is not a PDF, image or text, is damaged,
   * locked by a password, has no pages or more than 50 fails with `fax/document` naming the file, and
   * nothing is stored.
   */
  'fax/document-add': request(faxDocumentAddInput).writes('fax.write').returns<FaxDocument>(),
  /** One stored page as a picture (the first page is the library's preview); not_found for a missing document or page. */
  'fax/document-page': request(z.object({ id, page: z.number().int().min(1).default(1) }))
    .reads('fax.read')
    .returns<FaxPagePreview>(),
  /** The stored TIFF Class F file, to save or open in other fax software. */
  'fax/document-tiff': request(z.object({ id })).reads('fax.read').returns<FileOut>(),
  /** Removes the document and its file. */
  'fax/document-delete': request(z.object({ id })).writes('fax.write').returns<{ id: number }>(),
} satisfies RequestMap;

export type FaxEvents = {
  /** A document was added to or removed from the library. */
  'fax/documents-changed': Record<string, never>;
};
