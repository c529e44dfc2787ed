/**
 * The smart answering service (IVR): recorded prompts, answering trees, when each tree answers each
 * line, voice mailboxes and their messages. A tree is a flat list of nodes that name their children
 * by id (the editor shows it as an outline); `goto` is the only way back up, so a tree stays a tree.
 * The engine checks more than these schemas can (every reference exists, every node is reachable,
 * no node has two parents) and names the node in its error (field 'nodes.<id>.<property>').
 */
import { z } from 'zod';

const id = z.number().int().positive();

// ---------------------------------------------------------------- prompts

export const PROMPT_SOURCES = ['import', 'record', 'tts'] as const;
export type PromptSource = (typeof PROMPT_SOURCES)[number];

export type Prompt = { id: number; name: string; source: PromptSource; durationMs: number; text: string; createdAt: string };

/** Max upload: about 10 minutes of CD-quality stereo WAV. */
export const MAX_AUDIO_BASE64 = 140_000_000;

export const promptImportInput = z.object({
  name: z.string().trim().min(1).max(80),
  /** A WAV file (any rate, channels, bit depth), base64. The UI decodes MP3/OGG itself and sends WAV. */
  base64: z.string().min(1).max(MAX_AUDIO_BASE64),
  source: z.enum(['import', 'record']).default('import'),
});
export const promptTtsInput = z.object({
  name: z.string().trim().min(1).max(80),
  text: z.string().trim().min(1).max(2000),
  /** espeak-ng voice: 'fa' (Persian) or 'en'. */
  voice: z.enum(['fa', 'en']).default('fa'),
});
/** A WAV (16-bit, 8 kHz mono as stored) and its waveform peaks, for playing in the UI. */
export type AudioOut = { base64: string; durationMs: number; peaks: number[] };

// ---------------------------------------------------------------- trees

export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'] as const;
export type DtmfKey = (typeof DTMF_KEYS)[number];
const key = z.enum(DTMF_KEYS);
export const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const ref = nodeId.nullable().default(null);
const promptRef = id.nullable().default(null);
const base = { id: nodeId, label: z.string().trim().max(80).default('') };

export const NODE_KINDS = ['play', 'menu', 'voicemail', 'operator', 'transfer', 'hangup', 'goto', 'hours', 'fax-document'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const ivrNode = z.discriminatedUnion('kind', [
  /** Plays a prompt, then goes on to `next` (or hangs up). */
  z.object({ ...base, kind: z.literal('play'), promptId: promptRef, next: ref }),
  /**
   * Plays the prompt and waits for a key: an option's key goes to its node; `repeatKey` plays the
   * menu again; `backKey` returns to the menu before. A wrong key plays `wrongPromptId`; no key in
   * `timeoutS` plays the menu again; after `retries` wrong keys or timeouts the call goes to `fallback`
   * (or hangs up).
   */
  z.object({
    ...base,
    kind: z.literal('menu'),
    promptId: promptRef,
    options: z
      .array(z.object({ key, next: nodeId }))
      .max(12)
      .default([]),
    timeoutS: z.number().int().min(1).max(60).default(6),
    wrongPromptId: promptRef,
    retries: z.number().int().min(0).max(9).default(2),
    repeatKey: key.nullable().default(null),
    backKey: key.nullable().default(null),
    fallback: ref,
  }),
  /** Plays the mailbox's greeting (or `promptId`), a beep, and records a message; '#' ends it. */
  z.object({
    ...base,
    kind: z.literal('voicemail'),
    mailboxId: id.nullable().default(null),
    promptId: promptRef,
    maxSeconds: z.number().int().min(5).max(600).default(120),
  }),
  /**
   * Ring-through to the front desk: the IVR stops, plays the prompt ("please hold") and keeps the
   * caller waiting while the front desk is alerted; whoever takes the call lifts a phone on the line.
   * Nobody in `waitS` → `fallback` (a mailbox, say) or hang up.
   */
  z.object({ ...base, kind: z.literal('operator'), promptId: promptRef, waitS: z.number().int().min(5).max(600).default(45), fallback: ref }),
  /**
   * Blind transfer: plays the prompt ("connecting you"), sends a hook flash and `digits` (an extension
   * on a PBX, or a number with the exchange's call-transfer service), then goes on hook so the
   * exchange completes the transfer; the run ends 'transferred'. A line that cannot flash (the
   * sound-card test, a modem without the ability) or a flash that fails goes to `fallback`.
   * `digits` is checked by the tree checks (1–20 of 0-9 * #, fallback required), not here, so the
   * editor can hold a half-typed node and name it in the problem; stored ASCII.
   */
  z.object({ ...base, kind: z.literal('transfer'), promptId: promptRef, digits: z.string().max(40).default(''), fallback: ref }),
  z.object({ ...base, kind: z.literal('hangup'), promptId: promptRef }),
  z.object({ ...base, kind: z.literal('goto'), target: ref }),
  /**
   * Fax-on-demand: plays the prompt ("1 for the price list …") and waits for a key as a menu does; a
   * document's key plays `startPromptId` ("press Start on your fax machine now"), then hands the call to
   * fax as the sender (Line.fax 'switch' with send: the caller's machine, Start pressed with an empty
   * feeder, is the receiver) and sends that library document; the fax goes to the fax log. A fax call
   * ends with DCN and the far machine hangs up, so the call is over after it ('fax'), sent or not. Goes
   * to `fallback` (or hangs up) only BEFORE any fax started: no key in time or too many wrong keys, a
   * line that cannot fax, or a document deleted since. `documentId` null is a half-made row the tree
   * checks name ('no-document'); a deleted one is 'unknown-document'.
   */
  z.object({
    ...base,
    kind: z.literal('fax-document'),
    promptId: promptRef,
    documents: z
      .array(z.object({ key, documentId: id.nullable().default(null) }))
      .max(12)
      .default([]),
    startPromptId: promptRef,
    timeoutS: z.number().int().min(1).max(60).default(8),
    wrongPromptId: promptRef,
    retries: z.number().int().min(0).max(9).default(2),
    fallback: ref,
  }),
  /** Branches on the office hours and the holiday table ('holiday' falls back to 'closed'). */
  z.object({ ...base, kind: z.literal('hours'), open: ref, closed: ref, holiday: ref }),
]);
export type IvrNode = z.output<typeof ivrNode>;
export type IvrNodeInput = z.input<typeof ivrNode>;

export const ivrTree = z.object({ root: nodeId, nodes: z.array(ivrNode).min(1).max(300) });
export type IvrTree = z.output<typeof ivrTree>;

export const treeInput = z.object({ name: z.string().trim().min(1).max(80), tree: ivrTree });
export type TreeInput = z.input<typeof treeInput>;
export type IvrTreeRow = { id: number; name: string; tree: IvrTree; updatedAt: string };

// ---------------------------------------------------------------- when trees answer

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
/** Office hours: per weekday (0 = Sunday … 6 = Saturday, as JavaScript counts) one span, or closed. */
export const officeHours = z.array(z.object({ weekday: z.number().int().min(0).max(6), open: hhmm, close: hhmm })).max(7);
export type OfficeHours = z.output<typeof officeHours>;

/** Which tree answers a line: in office hours, when closed, on holidays (null: nobody, the line just rings). */
export const lineAssignment = z.object({
  lineId: id,
  officeTreeId: id.nullable().default(null),
  closedTreeId: id.nullable().default(null),
  holidayTreeId: id.nullable().default(null),
});
export type LineAssignment = z.output<typeof lineAssignment>;

export const ivrSettingsInput = z.object({ hours: officeHours, assignments: z.array(lineAssignment).max(50) });
export type IvrSettings = z.output<typeof ivrSettingsInput>;

// ---------------------------------------------------------------- voicemail

export const MAILBOX_KINDS = ['person', 'department'] as const;
export const mailboxInput = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(MAILBOX_KINDS).default('department'),
  greetingPromptId: id.nullable().default(null),
});
export type MailboxInput = z.input<typeof mailboxInput>;
export type Mailbox = z.output<typeof mailboxInput> & { id: number; total: number; unheard: number };

export type Voicemail = {
  id: number;
  mailboxId: number;
  mailboxName: string;
  callId: number | null;
  receivedAt: string;
  durationMs: number;
  numberRaw: string;
  numberDisplay: string;
  callerName: string;
  contactId: number | null;
  contactName: string | null;
  heard: boolean;
  note: string;
  /** When it was attached to the contact's timeline (as a note), or null. */
  attachedAt: string | null;
  /** The mailbox it was forwarded from, if it was. */
  forwardedFrom: string | null;
};

export const voicemailListInput = z.object({
  mailboxId: id.nullable().default(null),
  /** The messages a call left (one, and its forwarded copies): a call's page. */
  callId: id.nullable().default(null),
  unheardOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(200),
});

/** What the IVR did on one call: the nodes it went through and how it ended. */
export type IvrRun = { callId: number; treeId: number; treeName: string; path: string[]; end: IvrEnd };
/**
 * 'transferred': a transfer node flashed and dialled, then the line went on hook (the exchange or PBX
 * took the call on). 'operator': the front desk took it, or lifted a telephone on the line. 'fax': a
 * fax machine called (its calling tone was heard; the line's fax setting may then receive it), or a
 * fax-document node sent a document (fax-on-demand; the fax log says whether it went through).
 */
export const IVR_ENDS = ['caller-hung-up', 'hung-up', 'operator', 'transferred', 'voicemail', 'timeout', 'error', 'fax'] as const;
export type IvrEnd = (typeof IVR_ENDS)[number];

/** A caller waits for a person (operator node), or stopped waiting. */
export type OperatorWaiting = { lineId: number; callId: number | null; numberDisplay: string; callerName: string; waiting: boolean };

/**
 * The sound-card test: what the engine asks of the page. 'play' a prompt (WAV) on the speakers;
 * 'stop' it (a key or the end of the run); 'record' the microphone for at most maxMs and send it
 * with 'ivr/soundcard-audio'; 'stop-record' now; 'step' of the tree taken; 'waiting' for the front
 * desk (a ring-through node); 'ended' the call.
 */
export type SoundCardEvent =
  | { session: number; kind: 'play'; base64: string; durationMs: number }
  | { session: number; kind: 'record'; maxMs: number }
  | { session: number; kind: 'stop' | 'stop-record' | 'ended' }
  | { session: number; kind: 'step'; step: string }
  /** A ring-through node waits for the front desk (true) or stopped waiting (false): the page offers "Take the call". */
  | { session: number; kind: 'waiting'; waiting: boolean };
