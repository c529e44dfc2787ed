/** English messages of the Fax screen; typed by the Persian section. */
import type { FaxMessages } from './fax.fa';

export const faxEn: FaxMessages = {
  nav: 'Fax',
  title: 'Fax',
  intro: 'Documents to fax: each one (a PDF, a PNG or JPEG image, or plain text) is turned into fax pages once and kept.',
  lines:
    'Faxes go out and come in on a line whose modem can fax; a line’s form (Lines) sets when it answers a call as fax. ' +
    'Every fax sent and received is in the Fax log.',
  add: 'Add document…',
  adding: 'Turning “{name}” into fax pages…',
  added: (name, pages, count) => `“${name}” added with ${pages} ${count === 1 ? 'page' : 'pages'}.`,
  paper: 'Paper',
  resolution: 'Resolution',
  papers: { a4: 'A4', letter: 'Letter' },
  resolutions: { standard: 'Standard', fine: 'Fine' },
  listLabel: 'Fax documents',
  empty: 'No documents yet. Choose “Add document” and pick a PDF, an image or a text file.',
  colName: 'Name',
  colPages: 'Pages',
  colFormat: 'Paper and resolution',
  colAdded: 'Added',
  format: (paper, resolution) => `${paper}, ${resolution}`,
  pageOf: (n, m) => `Page ${n} of ${m}`,
  previous: 'Previous page',
  next: 'Next page',
  zoom: 'Zoom',
  zoomPage: 'Whole page',
  zoomFit: 'Fit width',
  percent: (n) => `${n}%`,
  pageAlt: (name, n) => `Page ${n} of “${name}”`,
  exportTiff: 'Save as TIFF',
  exportPdf: 'Save as PDF',
  deleteTitle: 'Delete fax document',
  deleteBody: (name) => `Delete “${name}” and its pages from the fax library? This cannot be undone.`,
  deleted: '“{name}” deleted.',
};
