/**
 * The fax log: every fax received and sent, its pages, a printout and a report by day and by contact.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { type FaxPagePreview } from './fax';
import {
  faxLogListInput,
  faxLogQuery,
  faxLogReportInput,
  faxLogRotateInput,
  type FaxLogDetail,
  type FaxLogList,
  type FaxLogReport,
  type FaxLogRow,
  type FaxReceivedEvent,
} from './fax-log';
import type { FileOut } from './io';
import { request, id, type RequestMap } from './request';

export const faxLogApi = {
  /** The log, newest first, filtered by direction, text (number, TSI/CSI, contact name), days or one contact. */
  'fax/log': request(faxLogListInput).reads('fax.read').returns<FaxLogList>(),
  /** One fax with its T.30 trace; not_found when there is no such entry. */
  'fax/log-entry': request(z.object({ id })).reads('fax.read').returns<FaxLogDetail>(),
  /**
   * One page of a fax as a picture, turned as the fax's rotation says (a standard page's lines drawn twice
   * so it has the paper's shape); not_found for no such fax, page, or a fax whose file is gone.
   */
  'fax/log-page': request(z.object({ id, page: z.number().int().min(1).default(1) }))
    .reads('fax.read')
    .returns<FaxPagePreview>(),
  /** The fax's TIFF Class F file as it was received, for other fax software; not_found when none is kept. */
  'fax/log-tiff': request(z.object({ id })).reads('fax.read').returns<FileOut>(),
  /** The log as filtered, as a PDF in the user's language (at most 2000 rows; the printout says when it was cut). */
  'fax/log-print': request(faxLogQuery).reads('fax.read').returns<FileOut>(),
  /** Faxes and pages in and out per day and per contact over a date range. */
  'fax/log-report': request(faxLogReportInput).reads('fax.read').returns<FaxLogReport>(),
  /** Turns a fax's pages in 90° steps; kept with the fax. Returns the entry. */
  'fax/log-rotate': request(faxLogRotateInput).writes('fax.write').returns<FaxLogRow>(),
} satisfies RequestMap;

export type FaxLogEvents = {
  /** A fax was received (complete or cut short): the popup. */
  'fax/received': FaxReceivedEvent;
  /** A row was added to the log or changed (a rotation): lists reload. */
  'fax/log-changed': { id: number };
};
