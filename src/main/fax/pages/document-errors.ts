/** The errors a document given to fax can cause; each names the file, in the user's language. */
import { AppError } from '../../kernel/app-error';

export type FaxDocumentProblem = 'not_document' | 'damaged' | 'bad_image' | 'encrypted' | 'empty';

export const faxDocumentError = (problem: FaxDocumentProblem, file: string): AppError => new AppError('fax/document', `fax.${problem}`, { file }, 'file');
