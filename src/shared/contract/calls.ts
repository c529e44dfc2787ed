/**
 * Telephone lines, the call log, call reports, dialing and the caller-ID popup: the part of the API
 * the front desk lives in. Times are ISO-8601 instants (UTC, with 'Z'); days are ISO dates in the
 * office's local time (the UI shows them in Jalali).
 */
import { z } from 'zod';
import { patchOf } from './patch';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ---------------------------------------------------------------- lines

export const LINE_KINDS = ['modem', 'sip', 'demo'] as const;
export type LineKindSetting = (typeof LINE_KINDS)[number];

/** 'auto' tries formatted caller ID (+VCID=1, then #CID=1); 'unformatted' asks for SDMF/MDMF hex. */
export const CALLER_ID_MODES = ['auto', 'formatted', 'unformatted', 'off'] as const;
export type CallerIdMode = (typeof CALLER_ID_MODES)[number];

export const LINE_STATUSES = ['disconnected', 'initialising', 'idle', 'ringing', 'dialing', 'in-call', 'closed'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];

/**
 * How a line treats fax calls (only when its modem can fax): 'off' voice only; 'adaptive' voice answers
 * and a fax machine's calling tone switches the call to fax; 'fax-only' every call is answered as fax at
 * ring `faxRings`; 'after-rings' answered as fax at ring `faxRings` when voice answering has not taken it.
 */
export const FAX_MODES = ['off', 'adaptive', 'fax-only', 'after-rings'] as const;
export type FaxMode = (typeof FAX_MODES)[number];

/** How a SIP line reaches its server: UDP (most office PBXs), TCP, or WebSocket (ws, wss). */
export const SIP_TRANSPORTS = ['udp', 'tcp', 'ws', 'wss'] as const;
export type SipTransport = (typeof SIP_TRANSPORTS)[number];
/** G.711 μ-law and A-law, offered in the order the line lists them. */
export const SIP_CODECS = ['PCMU', 'PCMA'] as const;
export type SipCodec = (typeof SIP_CODECS)[number];

/** A host name or address with an optional :port ('' when not used); no scheme, no spaces. */
const hostPort = z
  .string()
  .trim()
  .max(200)
  .regex(/^$|^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/);

export const lineInput = z.object({
  name: z.string().trim().min(1).max(60),
  kind: z.enum(LINE_KINDS),
  /** Serial port path (e.g. /dev/ttyACM0, COM3); ignored for the demo line. */
  port: z.string().trim().max(200).default(''),
  enabled: z.boolean().default(true),
  callerIdMode: z.enum(CALLER_ID_MODES).default('auto'),
  /** Used by the IVR: how many rings before the line answers by itself (0 = never). */
  ringsBeforeAnswer: z.number().int().min(0).max(20).default(0),
  /** Extra AT commands sent after the profile's init (e.g. AT+GCI=B5, AT!4886=02), one per line. */
  extraInit: z.string().max(500).default(''),
  /** Record every answered call on this line (when the line can record). */
  recordCalls: z.boolean().default(false),
  faxMode: z.enum(FAX_MODES).default('off'),
  /** The ring at which 'fax-only' and 'after-rings' answer as fax. */
  faxRings: z.number().int().min(1).max(20).default(4),
  // SIP lines only (kind 'sip'); the service requires the server and user for that kind.
  /** The PBX or provider: host or host:port. */
  sipServer: hostPort.default(''),
  /** The extension or account name. */
  sipUser: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\s@:]*$/)
    .default(''),
  /** The authentication name when the PBX's differs from the user. */
  sipAuthUser: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\s]*$/)
    .default(''),
  sipDisplayName: z.string().trim().max(60).default(''),
  sipTransport: z.enum(SIP_TRANSPORTS).default('udp'),
  sipOutboundProxy: hostPort.default(''),
  sipCodecs: z.array(z.enum(SIP_CODECS)).min(1).max(2).default(['PCMU', 'PCMA']),
  /** Simultaneous calls on the account. */
  sipChannels: z.number().int().min(1).max(16).default(2),
  rtpPortMin: z.number().int().min(1024).max(65534).default(10000),
  rtpPortMax: z.number().int().min(1025).max(65535).default(20000),
  /**
   * A new password (write-only: it is stored sealed and never returned; absent keeps the stored one,
   * '' clears it). The view says only whether one is set (`sipPasswordSet`).
   */
  sipPassword: z.string().max(200).optional(),
});
export type LineInput = z.input<typeof lineInput>;
export type LineData = z.output<typeof lineInput>;
/** 'lines/update' changes only the keys it carries (see patch.ts): the IVR's rings never reset recording. */
export const linePatch = patchOf(lineInput);
export type LinePatch = z.output<typeof linePatch>;

export const SIP_PROBLEMS = ['password', 'server', 'dns', 'network', 'key', 'other'] as const;
export type SipProblem = (typeof SIP_PROBLEMS)[number];

export type LineCompression = { id: number; name: string; bits: number; rates: number[] };

export type LineIdentityView = {
  manufacturer: string;
  model: string;
  revision: string;
  profile: string;
  classes: string[];
  voice: boolean;
  compressions: LineCompression[];
  compression: { id: number; name: string; rate: number } | null;
  callerIdCommand: string | null;
};

export type LineView = Omit<LineData, 'sipPassword'> & {
  id: number;
  /** A SIP line has a stored password (never sent back; the form shows "set — type to change"). */
  sipPasswordSet: boolean;
  /**
   * Why a SIP line is not registered, for the user in their language: 'password' (the server refused
   * the user or password), 'server' (not answering or refusing), 'dns' (the name is unknown),
   * 'network', 'key' (the stored password cannot be opened on this computer); null otherwise.
   */
  sipProblem: SipProblem | null;
  status: LineStatus;
  /** Why it is disconnected, or what it is doing, in the user's language; null when nothing to say. */
  detail: string | null;
  identity: LineIdentityView | null;
  /** The call in progress on this line, if any. */
  callId: number | null;
  /**
   * How the line can record conversations: 'phone-socket' (the telephone on the modem's PHONE socket
   * stays connected), 'line' (the telephone must be on a parallel socket), null (it cannot, or the
   * device is not identified yet). `flash`: it can transfer a call by hook flash and digits. `fax`:
   * 'class1' when the modem offers Class 1 fax (+FCLASS=? lists 1), else 'class2.0' or 'class2' when it
   * offers only those (the modem runs T.30 itself), null when the line cannot fax.
   */
  abilities: { recordCalls: 'phone-socket' | 'line' | null; flash: boolean; fax: 'class1' | 'class2' | 'class2.0' | null };
};

export type PortInfo = { path: string; manufacturer: string; vendorId: string; productId: string; serialNumber: string; usedBy: number | null };

/** What probing a port found: a modem (identified), or why not. */
export type PortProbe = { path: string; found: boolean; identity: Omit<LineIdentityView, 'callerIdCommand'> | null; detail: string | null };

export type TraceLine = { dir: 'tx' | 'rx'; text: string; at: string };
export type LineTestResult = { identity: LineIdentityView; exchange: TraceLine[] };

/** Simulated calls on the demo line, so a user without a modem can try every feature. */
export const demoCallInput = z.object({
  lineId: id,
  number: z.string().trim().max(30).default(''),
  name: z.string().trim().max(40).default(''),
  /** How the caller ID is sent; 'private' and 'none' send a withheld / no caller ID. */
  format: z.enum(['formatted', 'formatted-nospace', 'sdmf', 'mdmf', 'dtmf', 'private', 'none']).default('formatted'),
  /** Caller ID before the first ring (ETSI, UK) instead of between the first and second. */
  beforeFirstRing: z.boolean().default(false),
  /** The caller gives up after this many rings (0: rings until answered, up to 10). */
  rings: z.number().int().min(0).max(20).default(4),
  /** The caller is a fax machine: its calling tone once answered, and a sample page when answered as fax. */
  fax: z.boolean().default(false),
});
export type DemoCallInput = z.input<typeof demoCallInput>;

// ---------------------------------------------------------------- calls

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * ringing / dialing / connected: in progress. answered: a person took it. missed: rang out.
 * ivr: answered by the IVR. busy, no-answer, failed: outgoing calls that never connected.
 */
export const CALL_OUTCOMES = ['ringing', 'dialing', 'connected', 'answered', 'missed', 'ivr', 'busy', 'no-answer', 'failed', 'fax'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export type CallRow = {
  id: number;
  lineId: number;
  lineName: string;
  direction: CallDirection;
  outcome: CallOutcome;
  startedAt: string;
  /** How long it rang before it was answered or stopped, ms. */
  ringMs: number;
  answeredAt: string | null;
  endedAt: string | null;
  /** Seconds from answer (or connect) to hang-up; 0 for missed calls. */
  durationS: number;
  /** Exactly as the network sent it (or as dialled). */
  numberRaw: string;
  /** Normalised for matching ('' when withheld). */
  numberKey: string;
  /** Formatted for display in the office's numbering plan. */
  numberDisplay: string;
  callerName: string;
  /** 'private' / 'unavailable' when the number was withheld; 'none' when no caller ID came. */
  absence: 'private' | 'unavailable' | 'none' | null;
  contactId: number | null;
  contactName: string | null;
  /** For missed calls: when it was returned (a later outgoing call, or an answered call from the same number). */
  returnedAt: string | null;
  /** The missed call was not called back but dismissed from "To call back" (at `returnedAt`). */
  returnDismissed: boolean;
  /** The conversation's recording, if it was recorded (and not removed). */
  recordingId: number | null;
};

/** A note written on one call's page: what was said, by whom, when. */
export type CallNote = { id: number; callId: number; body: string; author: string; createdAt: string };

export const callNoteInput = z.object({ callId: id, body: z.string().max(10000), author: z.string().max(100).default('') });

export const callQuery = z.object({
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  direction: z.enum(CALL_DIRECTIONS).nullable().default(null),
  outcome: z.enum(CALL_OUTCOMES).nullable().default(null),
  /** Missed calls not yet returned only. */
  unreturned: z.boolean().default(false),
  contactId: id.nullable().default(null),
  lineId: id.nullable().default(null),
  /** Digits of a number (any format) or part of a contact's / caller's name. */
  text: z.string().max(100).default(''),
});
export type CallQuery = z.input<typeof callQuery>;

export const callListInput = callQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export type CallList = { rows: CallRow[]; total: number };

export const reportInput = z.object({ from: isoDate, to: isoDate, lineId: id.nullable().default(null) });
export type ReportInput = z.input<typeof reportInput>;

export type CallReport = {
  from: string;
  to: string;
  totals: { incoming: number; answered: number; missed: number; ivr: number; outgoing: number; unreturned: number; talkSeconds: number };
  /** One entry per day of the range, including days without calls. */
  perDay: { date: string; incoming: number; missed: number; outgoing: number }[];
  /** 24 entries, hour 0–23 local time. */
  perHour: { hour: number; incoming: number; missed: number; outgoing: number }[];
  /** The 20 numbers that called most in the range. */
  topCallers: {
    numberKey: string;
    numberDisplay: string;
    contactId: number | null;
    contactName: string | null;
    calls: number;
    missed: number;
    talkSeconds: number;
  }[];
  /** Missed calls in the range that nobody has returned yet, newest first (at most 200). */
  unreturned: CallRow[];
};

export const reportExportInput = reportInput.extend({ format: z.enum(['csv', 'pdf']) });

export const dialInput = z.object({
  /** null: the first idle line that can dial. */
  lineId: id.nullable().default(null),
  number: z.string().trim().min(1).max(40),
  contactId: id.nullable().default(null),
});

// ---------------------------------------------------------------- the popup

/** Everything the caller-ID popup shows about a caller; later modules add their lines to `extras`. */
export type CallerCard = {
  numberDisplay: string;
  numberKey: string;
  callerName: string;
  absence: 'private' | 'unavailable' | 'none' | null;
  contact: {
    id: number;
    displayName: string;
    company: string;
    title: string;
    groups: { id: number; name: string; color: string }[];
    lastNotes: { body: string; author: string; createdAt: string }[];
    /** The contact's people files (پرونده), so the popup's Open can go to the file rather than the phonebook. */
    files: { id: number; kind: 'staff' | 'customer' | 'applicant'; fileNo: string }[];
  } | null;
  /** Other contacts with the same number (shared office lines). */
  otherMatches: { id: number; displayName: string }[];
  lastCalls: { id: number; startedAt: string; direction: CallDirection; outcome: CallOutcome; durationS: number }[];
  /** Calls from and to this number in all. */
  callCount: number;
  extras: { kind: string; text: string }[];
};

export type IncomingCallEvent = { call: CallRow; card: CallerCard };
