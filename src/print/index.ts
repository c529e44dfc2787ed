/**
 * The printing library: shaped Persian/English text in PDFs, plain Node (no Electron, DOM or React).
 * Reports live next to this file (`*.print.ts`); the building blocks are exported for new reports.
 */
export { printContact, printContactList, type ContactPrintOptions, type FieldDef } from './contacts.print';
export { CONTACT_LABEL_KEYS, type ContactLabelKey, type ContactPrintLabels } from './contacts/contact-labels';
export { PrintDocument, MM, type Align, type Box, type DrawOp, type PrintDocumentOptions, type TextLine, type TextLook } from './pdf/print-document';
export { reportFrame, type Frame, type FrameText } from './pdf/report-frame';
export { resolveAssetsDir } from './pdf/assets-dir';
export { createShaper, type BaseDir, type ShapedGlyph, type ShapedLine, type Shaper } from './shaping/text-shaper';
export { truncateToWidth, wrapText, type TextStyle } from './shaping/text-layout';
export { printCallReport, type CallReportLabels, type CallReportPrintOptions } from './calls/call-report.print';
export { printReminderList, type ReminderPrintLabels, type ReminderPrintOptions } from './reminders/reminder-list.print';
export { printForm, type FormDocument, type FormField, type FormSection } from './forms/form.print';
export { printAttendanceReport, hhmm, type AttendanceLabels, type AttendancePrintOptions } from './attendance/attendance-report.print';
export { printFaxLog, type FaxLogPrintOptions } from './fax/fax-log.print';
