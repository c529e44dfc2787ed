/**
 * The cheque book (PRODUCT.md §7): cheques received and paid, the office's own cheque books with
 * every leaf, status changes as events, due-date warnings, search, reports. Amounts are whole rials;
 * dates are ISO calendar dates (shown in the chosen calendar, Jalali by default); instants are ISO
 * UTC. Identity numbers (Sayad ID, national/legal ID) may be typed in any digit script: the engine
 * checks them and stores ASCII digits, and names the field of the first mistake ('sayadId', 'partyId',
 * 'dueDate', 'amount'…).
 */
import { z } from 'zod';
import { BANK_CODES, type BankCode } from './banks';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const MAX_AMOUNT = 999_999_999_999_999;

export const CHEQUE_DIRECTIONS = ['received', 'paid'] as const;
export type ChequeDirection = (typeof CHEQUE_DIRECTIONS)[number];

/**
 * Statuses of received cheques (دریافتی), as Persian accounting software names them:
 * on_hand نزد صندوق · deposited در جریان وصول (واگذار به بانک) · cashed وصول شده · bounced برگشتی ·
 * endorsed خرج شده (واگذار به شخص ثالث) · returned عودت به صاحب چک · settled تسویه (a bounced cheque paid later) ·
 * void باطل شده (a record cancelled through 'cheques/void', never through a status change).
 */
export const RECEIVED_STATUSES = ['on_hand', 'deposited', 'cashed', 'bounced', 'endorsed', 'returned', 'settled', 'void'] as const;
/**
 * Statuses of paid cheques (پرداختی): issued صادر شده (پاس نشده) · cleared پاس شده · bounced برگشتی ·
 * returned عودت یافته (given back to us) · void ابطالی · lost مفقودی.
 */
export const PAID_STATUSES = ['issued', 'cleared', 'bounced', 'returned', 'void', 'lost'] as const;
export const CHEQUE_STATUSES = ['on_hand', 'deposited', 'cashed', 'bounced', 'endorsed', 'returned', 'settled', 'issued', 'cleared', 'void', 'lost'] as const;
export type ChequeStatus = (typeof CHEQUE_STATUSES)[number];

export const INITIAL_STATUS: Record<ChequeDirection, ChequeStatus> = { received: 'on_hand', paid: 'issued' };

/**
 * The allowed changes. Reversals are changes too (deposited → on_hand is «برگشت از واگذاری»), so the
 * history always tells what happened; a status with no entry is final.
 */
export const CHEQUE_TRANSITIONS: Record<ChequeDirection, Partial<Record<ChequeStatus, readonly ChequeStatus[]>>> = {
  received: {
    on_hand: ['deposited', 'cashed', 'endorsed', 'bounced', 'returned'],
    deposited: ['cashed', 'bounced', 'on_hand'],
    endorsed: ['on_hand', 'bounced'],
    bounced: ['settled', 'deposited', 'on_hand', 'returned'],
  },
  paid: {
    issued: ['cleared', 'bounced', 'returned', 'void', 'lost'],
    bounced: ['cleared', 'returned'],
    returned: ['void'],
    lost: ['void'],
  },
};

export function nextStatuses(direction: ChequeDirection, status: ChequeStatus): readonly ChequeStatus[] {
  return CHEQUE_TRANSITIONS[direction][status] ?? [];
}

/** Statuses that still need the office to act by the due date: these get the due-date warning. */
export const OPEN_STATUSES: readonly ChequeStatus[] = ['on_hand', 'deposited', 'issued'];

export const chequeInput = z.object({
  direction: z.enum(CHEQUE_DIRECTIONS),
  /** A guarantee cheque (چک ضمانتی): may have no due date. */
  guarantee: z.boolean().default(false),
  /** 16 digits in any script, or '' for an old cheque without one ('sayadId'; 'conflict' when already registered). */
  sayadId: z.string().max(40).default(''),
  /** Registered (issuer) or confirmed (receiver) in the Sayad system. */
  sayadRegistered: z.boolean().default(false),
  series: z.string().max(40).default(''),
  serial: z.string().max(40).default(''),
  /** A listed bank, or null with the name typed in `bankName`; one of them is required ('bankCode'). */
  bankCode: z.enum(BANK_CODES).nullable().default(null),
  bankName: z.string().max(100).default(''),
  branch: z.string().max(100).default(''),
  account: z.string().max(40).default(''),
  /** Whole rials, at least 1 ('amount'). */
  amount: z.number().int().min(1).max(MAX_AMOUNT),
  issueDate: isoDate.nullable().default(null),
  /** Required unless `guarantee` ('dueDate'). */
  dueDate: isoDate.nullable().default(null),
  /** The payer (received) or payee (paid) from the phonebook; `partyName` defaults to the contact's name. */
  contactId: id.nullable().default(null),
  partyName: z.string().max(200).default(''),
  /** National ID (8–10 digits) or legal ID (11 digits) of the party, checked ('partyId'); '' when unknown. */
  partyId: z.string().max(30).default(''),
  purpose: z.string().max(200).default(''),
  note: z.string().max(5000).default(''),
  /**
   * Paid cheques only: write it on the next free leaf of this own cheque book (bank, branch, account,
   * series and serial come from the book). Ignored on update: a cheque keeps its leaf.
   */
  bookId: id.nullable().default(null),
});
export type ChequeInput = z.input<typeof chequeInput>;
export type ChequeData = z.output<typeof chequeInput>;

/**
 * 'created': the registration · 'status': a status change (voiding included) · 'edited': fields changed
 * by an edit (images too) · 'corrected': amount or parties changed through 'cheques/correct', with a reason.
 */
export type ChequeEventKind = 'created' | 'status' | 'edited' | 'corrected';

/** One line of a cheque's history. Nothing about a cheque changes without one. */
export type ChequeEvent = {
  id: number;
  kind: ChequeEventKind;
  /** For 'created' and 'status'. */
  fromStatus: ChequeStatus | null;
  toStatus: ChequeStatus | null;
  /** The date it happened (as the user gave it); 'created': the registration date. 'corrected': its reason is `note`. */
  date: string;
  note: string;
  /** Who it was endorsed to, or which bank/account it was deposited to. */
  counterparty: string;
  /** A bounce: the bank's certificate of non-payment (گواهی عدم پرداخت) was issued. */
  certificate: boolean;
  /** 'edited', 'corrected': each changed field with its old and new value as stored (ASCII digits, ISO dates, contact ids). */
  changes: { field: string; from: string; to: string }[];
  /** Who recorded it: the user name in Settings at the time, '' when none was set. */
  by: string;
  /** When it was written down. */
  recordedAt: string;
};

export type ChequeImage = {
  id: number;
  fileName: string;
  mime: string;
  size: number;
  /** A small JPEG as a data: URL (made by the UI when the image was attached), or null. */
  thumb: string | null;
};

export type ChequeLeafRef = { id: number; bookId: number; serial: string };

export type Cheque = Omit<ChequeData, 'bookId'> & {
  id: number;
  status: ChequeStatus;
  contact: { id: number; displayName: string } | null;
  leaf: ChequeLeafRef | null;
  images: ChequeImage[];
  /** Oldest first. */
  events: ChequeEvent[];
  /** What the status may change to now. */
  nextStatuses: ChequeStatus[];
  /**
   * True while the cheque has no event but its registration (a mistaken entry may be deleted, its amount
   * and parties edited). Once anything else happened to it — a status change, an edit, an image, a
   * correction — it is false: amount and parties change only through 'cheques/correct', and the cheque
   * is voided ('cheques/void') instead of deleted.
   */
  canDelete: boolean;
  /** Not void yet: 'cheques/void' may cancel it. */
  canVoid: boolean;
  registeredAt: string;
  updatedAt: string;
};

/** A row of the list. */
export type ChequeRow = {
  id: number;
  direction: ChequeDirection;
  guarantee: boolean;
  status: ChequeStatus;
  sayadId: string;
  series: string;
  serial: string;
  bankCode: BankCode | null;
  bankName: string;
  amount: number;
  issueDate: string | null;
  dueDate: string | null;
  partyName: string;
  partyId: string;
  contactId: number | null;
  purpose: string;
  registeredAt: string;
  imageCount: number;
};

export const statusChangeInput = z.object({
  id,
  status: z.enum(CHEQUE_STATUSES),
  /** Not in the future, not before the previous status change ('date'). */
  date: isoDate,
  note: z.string().max(2000).default(''),
  counterparty: z.string().max(200).default(''),
  certificate: z.boolean().default(false),
});
export type StatusChangeInput = z.input<typeof statusChangeInput>;

/** The money fields: after the first event they change only through a correction. */
export const MONEY_FIELDS = ['amount', 'contactId', 'partyName', 'partyId'] as const;

/**
 * A correction of the amount and parties of a cheque with history: the new values (all four; those
 * unchanged are not recorded) and a reason, required ('reason'). Refused when nothing changes
 * ('validation', field 'amount'); the values are checked as on registration ('partyId', 'partyName',
 * 'contactId'). Recorded as a 'corrected' event with old → new, the user name and the reason.
 */
export const chequeCorrectionInput = z.object({
  id,
  amount: z.number().int().min(1).max(MAX_AMOUNT),
  contactId: id.nullable().default(null),
  partyName: z.string().max(200).default(''),
  partyId: z.string().max(30).default(''),
  reason: z.string().max(2000),
});
export type ChequeCorrectionInput = z.input<typeof chequeCorrectionInput>;
export type ChequeCorrectionData = z.output<typeof chequeCorrectionInput>;

/**
 * Voids (باطل) a cheque in any status but void ('conflict', field 'status', when already void), with a
 * reason ('reason', required) and a date (not in the future, not before the last status change:
 * 'date'). A void cheque stays in the list with its history, but leaves every total.
 */
export const chequeVoidInput = z.object({ id, date: isoDate, reason: z.string().max(2000) });
export type ChequeVoidInput = z.input<typeof chequeVoidInput>;
export type ChequeVoidData = z.output<typeof chequeVoidInput>;

/** At most this many cheques change status in one batch (a day's deposits, a bank statement's clearings). */
export const MAX_BATCH = 500;

/**
 * One status change for several cheques at once, all or nothing: every cheque gets its own event with
 * the same date, note, counterparty and certificate. Refused as a whole ('conflict', field 'status')
 * when any cheque cannot take the change, or ('validation', field 'date') when the date is in the future
 * or before a cheque's last status change; the message names each such cheque (Sayad ID, else series/
 * serial, else payer/payee and amount) and why. Repeated ids count once.
 */
export const statusBatchInput = statusChangeInput.omit({ id: true }).extend({
  ids: z.array(id).min(1).max(MAX_BATCH),
});
export type StatusBatchInput = z.input<typeof statusBatchInput>;
/** The cheques that changed, in the order given. */
export type StatusBatchResult = { ids: number[]; status: ChequeStatus };

/**
 * 'due': soonest due first, cheques without a due date last (the cheque book); 'due-desc': latest due
 * first, still none last (a contact's page: the newest cheques on top); 'registered': newest entry first;
 * 'amount': largest first.
 */
export const CHEQUE_SORTS = ['due', 'due-desc', 'registered', 'amount'] as const;

export const chequeFilter = z.object({
  direction: z.enum(CHEQUE_DIRECTIONS).nullable().default(null),
  /** true: only guarantee cheques; false: none of them; null: both. */
  guarantee: z.boolean().nullable().default(null),
  statuses: z.array(z.enum(CHEQUE_STATUSES)).max(20).default([]),
  /** Registration date range (inclusive local dates). */
  registeredFrom: isoDate.nullable().default(null),
  registeredTo: isoDate.nullable().default(null),
  /** Due date range; cheques without a due date are left out when either end is given. */
  dueFrom: isoDate.nullable().default(null),
  dueTo: isoDate.nullable().default(null),
  amountMin: z.number().int().min(0).max(MAX_AMOUNT).nullable().default(null),
  amountMax: z.number().int().min(0).max(MAX_AMOUNT).nullable().default(null),
  contactId: id.nullable().default(null),
  /** Words of the payer/payee name, or their national/legal ID. */
  person: z.string().max(200).default(''),
  /** A bank code, or words of a typed bank name. */
  bank: z.string().max(100).default(''),
  /** Words anywhere: party, purpose, note, Sayad ID, serial, account, branch. */
  text: z.string().max(200).default(''),
});
export type ChequeFilter = z.input<typeof chequeFilter>;

export const chequeQuery = chequeFilter.extend({
  sort: z.enum(CHEQUE_SORTS).default('due'),
  limit: z.number().int().min(1).max(1000).default(300),
  offset: z.number().int().min(0).default(0),
});
export type ChequeQuery = z.input<typeof chequeQuery>;

export type ChequeTotals = { direction: ChequeDirection; count: number; amount: number };
export type ChequeList = { items: ChequeRow[]; total: number; totals: ChequeTotals[] };

/** Totals of a filter by status, and by month of the due date in the chosen calendar. */
export type ChequeReport = {
  totals: ChequeTotals[];
  byStatus: { direction: ChequeDirection; status: ChequeStatus; count: number; amount: number }[];
  /** 'YYYY-MM' of the due date in `calendar`, or null for cheques without one; in month order. */
  byMonth: { month: string | null; direction: ChequeDirection; count: number; amount: number }[];
  calendar: 'jalali' | 'gregorian';
};

export const CHEQUE_EXPORT_FORMATS = ['pdf', 'csv', 'xlsx'] as const;
export const chequeExportInput = chequeFilter.extend({
  format: z.enum(CHEQUE_EXPORT_FORMATS),
  /** A title for the report (e.g. 'Bounced'); the engine writes a default. */
  title: z.string().max(120).default(''),
});

export const chequeImageInput = z.object({
  chequeId: id,
  fileName: z.string().max(300).default(''),
  /** PNG, JPEG or WebP, at most 15 MB ('base64' when it is not one of these). */
  base64: z.string().max(21 * 1024 * 1024),
  /** A JPEG thumbnail at most ~200 KB, or '' (the list then shows a placeholder). */
  thumbBase64: z
    .string()
    .max(300 * 1024)
    .default(''),
});

// ---------------------------------------------------------------- own cheque books

export const chequeBookInput = z.object({
  bankCode: z.enum(BANK_CODES).nullable().default(null),
  bankName: z.string().max(100).default(''),
  branch: z.string().max(100).default(''),
  /** Required ('account'). */
  account: z.string().max(40),
  series: z.string().max(40).default(''),
  /** Serial of the first leaf, digits in any script; leading zeros are kept on every leaf ('firstSerial'). */
  firstSerial: z.string().max(20),
  leafCount: z.number().int().min(1).max(200),
  note: z.string().max(1000).default(''),
});
export type ChequeBookInput = z.input<typeof chequeBookInput>;

export type ChequeBook = {
  id: number;
  bankCode: BankCode | null;
  bankName: string;
  branch: string;
  account: string;
  series: string;
  firstSerial: string;
  lastSerial: string;
  leafCount: number;
  note: string;
  counts: { blank: number; used: number; void: number; lost: number };
  /** The leaf the next paid cheque from this book is written on; null when the book is used up. */
  nextLeaf: { id: number; serial: string } | null;
  createdAt: string;
};

export const LEAF_STATES = ['blank', 'used', 'void', 'lost'] as const;
export type LeafState = (typeof LEAF_STATES)[number];

export type ChequeLeaf = {
  id: number;
  position: number;
  serial: string;
  state: LeafState;
  /** Why and when a blank leaf was voided or lost. */
  note: string;
  markedOn: string | null;
  cheque: { id: number; status: ChequeStatus; amount: number; partyName: string; dueDate: string | null } | null;
};

export const markLeafInput = z.object({
  leafId: id,
  /** Only a blank leaf can be marked ('conflict' otherwise). */
  state: z.enum(['void', 'lost']),
  date: isoDate,
  note: z.string().max(1000).default(''),
});

// ---------------------------------------------------------------- settings

export const chequeSettingsInput = z.object({
  /** The due-date warning rings this many days before the due date (0 = on the day). */
  warnDays: z.number().int().min(0).max(60),
  /** …at this time of day. */
  warnTime: hhmm,
  /** Show amounts in toman beside rials. */
  showToman: z.boolean(),
});
export type ChequeSettings = z.output<typeof chequeSettingsInput>;
export const DEFAULT_CHEQUE_SETTINGS: ChequeSettings = { warnDays: 3, warnTime: '09:00', showToman: false };
