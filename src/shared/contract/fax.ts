/** The fax document library's types: documents added once, rendered to fax pages and kept as TIFF Class F. */
import { z } from 'zod';

export const FAX_PAPERS = ['a4', 'letter'] as const;
export const FAX_RESOLUTIONS = ['standard', 'fine'] as const;

/** The largest file accepted: 50 MB (as base64, a third more). */
export const MAX_FAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export const faxDocumentAddInput = z.object({
  /** The file's name as picked; errors name it. Its ending does not decide the kind: the content does. */
  fileName: z.string().trim().min(1).max(300),
  /** The library's name for it; the file name when empty. */
  name: z.string().trim().max(200).default(''),
  base64: z.string().max(Math.ceil(MAX_FAX_DOCUMENT_BYTES / 3) * 4),
  paper: z.enum(FAX_PAPERS).default('a4'),
  resolution: z.enum(FAX_RESOLUTIONS).default('fine'),
});

export type FaxDocument = {
  id: number;
  name: string;
  fileName: string;
  kind: 'pdf' | 'png' | 'jpeg' | 'text';
  paper: (typeof FAX_PAPERS)[number];
  resolution: (typeof FAX_RESOLUTIONS)[number];
  pages: number;
  /** Size of the stored TIFF in bytes. */
  bytes: number;
  /** When it was added (ISO instant). */
  addedAt: string;
};

/** One page as the fax will send it, as a 1-bit PNG; a standard page's lines are drawn twice so it has the paper's shape. */
export type FaxPagePreview = { page: number; pages: number; width: number; height: number; png: string };
