/**
 * A telephone line, whatever carries it: a V.253 voice modem on a serial port today, the built-in demo
 * line (the modem simulator in-process), SIP later. The IVR, voicemail, fax and call recording are
 * written against this type only, so they work on any kind of line.
 *
 * Guarantees every implementation keeps:
 * - Events arrive in call order: `ring`* / `caller-id`? → (`answered` → (`dtmf` | `tone` | `audio`)*)? → `hangup`.
 *   A call that was never answered still ends with one `hangup` (reason 'ring-stopped').
 * - `caller-id` is emitted once per call, whatever the format it came in; a call with no caller ID by
 *   the second ring gets one with `absence: 'none'` so the front desk still sees a popup. Only then
 *   may a second one follow: a caller ID that completes later in the same call (a slow exchange, a
 *   modem that prints it late) is emitted as the update of that call, and listeners replace what the
 *   'none' event gave them (the call's number, the popup). Never more than one with a number or a
 *   reason ('private' / 'unavailable') per call.
 * - Actions never throw for line conditions: they resolve with an outcome. They reject only with a
 *   `LineError` (bad state, e.g. `answer()` while idle, or the device is gone).
 * - `status` changes are emitted as events too; a device that vanishes goes to 'disconnected' and the
 *   implementation reconnects by itself with backoff until `close()`.
 */
import type { Class2PageReceived, Class2PageSent, T32Params } from './fax/class2.modem';

/**
 * 'disconnected' (no device: unplugged, port missing, not answering; reconnecting with backoff),
 * 'initialising', 'idle' (on hook), 'ringing', 'dialing', 'in-call' (off hook with a call), 'closed'
 * (close() was called). Telephony's own: the engine maps it to what the UI is shown (src/main/lines).
 */
export type LineStatus = 'disconnected' | 'initialising' | 'idle' | 'ringing' | 'dialing' | 'in-call' | 'closed';
export type LineKind = 'voice-modem' | 'demo' | 'sip';

/** Caller ID as received, in any of the formats the reference lists, already checksum-verified. */
export type CallerId = {
  /** Digits (and a leading '+' if sent) exactly as the network sent them; null when absent. */
  number: string | null;
  name: string | null;
  /** Why the number is missing: 'private' (P, withheld), 'unavailable' (O, out of area), 'none' (no CID arrived). */
  absence: 'private' | 'unavailable' | 'none' | null;
  /** MMDD and HHMM as the network sent them (no year); null when absent. */
  date: string | null;
  time: string | null;
  /** How it arrived. */
  format: 'formatted' | 'sdmf' | 'mdmf' | 'dtmf' | 'none';
  /** Other parameters (MESG, call type, redirecting number …) by name, for the log. */
  extras: Record<string, string>;
  /** The lines as the modem printed them, for diagnostics. */
  raw: string[];
};

export type HangupReason =
  | 'local' // we hung up
  | 'remote' // loop-current drop, silence, busy tone after a call
  | 'ring-stopped' // an unanswered call stopped ringing
  | 'busy' // dialled number busy
  | 'no-answer'
  | 'no-dialtone'
  | 'failed'
  | 'device-lost'
  | 'fax'; // the call was handed to fax (Line.fax) and released

export type ToneKind = 'fax-calling' | 'data-calling' | 'answer-tone' | 'busy' | 'dial-tone' | 'ringback' | 'silence' | 'quiet';

/** 16-bit signed linear PCM, mono, 8000 samples/s: the one audio format above the line. */
export type Pcm = Int16Array;

export type LineEvents = {
  status: { status: LineStatus; detail: string | null };
  ring: { count: number };
  'caller-id': CallerId;
  /** `byPhone`: a person answered at a telephone on the line (the modem stays on hook). */
  answered: { byPhone?: true };
  /**
   * A telephone on the line was lifted or put down: the one on the modem's PHONE socket ('handset') or
   * an extension on the same line. Lifted while ringing, the call was answered at the phone
   * (`answered` with byPhone follows, and `hangup` 'local' once it is put down again).
   */
  phone: { phone: 'handset' | 'extension'; offHook: boolean };
  dtmf: { digit: string };
  tone: { kind: ToneKind };
  /** Received audio while recording, already decoded. */
  audio: { pcm: Pcm };
  hangup: { reason: HangupReason };
  /** Every line sent to or received from the device, for the "test modem" view and diagnostics. */
  trace: { dir: 'tx' | 'rx'; text: string; at: number };
};
export type LineEventName = keyof LineEvents;

export type DialOutcome = 'connected' | 'busy' | 'no-answer' | 'no-dialtone' | 'failed';
export type PlayOutcome = { stoppedBy: 'end' | 'dtmf' | 'hangup' | 'stop'; digit?: string };
/** stoppedBy 'fax': a fax machine's calling tone was heard (the recording is its noise, not a message). */
export type RecordOutcome = { pcm: Pcm; stoppedBy: 'silence' | 'quiet' | 'max-length' | 'dtmf' | 'hangup' | 'stop' | 'fax'; digit?: string };

/** What was found out about the device. Empty fields mean "did not say". */
export type LineIdentity = {
  manufacturer: string;
  model: string;
  revision: string;
  /** Name of the quirks profile in use (e.g. 'conexant', 'usr-5637', 'generic-v253'). */
  profile: string;
  /** +FCLASS=? e.g. ['0','1','2','2.0','8']. */
  classes: string[];
  voice: boolean;
  /** +VSM=? methods by name, and the one chosen. */
  compressions: { id: number; name: string; bits: number; rates: number[] }[];
  compression: { id: number; name: string; rate: number } | null;
  /** +VLS=? labels the device offers. */
  lineModes: { label: number; primitives: string }[];
  /** The command that enabled caller ID ('AT+VCID=1', 'AT#CID=1' …) or null when none worked. */
  callerIdCommand: string | null;
};

/**
 * What a line can do besides answering, playing and recording messages.
 * - `recordCalls`: recording a conversation. 'phone-socket' — the device has a line mode that keeps the
 *   telephone on its PHONE socket connected while it listens (+VLS label with primitives L and T);
 *   'line' — it listens on the line only (+VLS "T"), so the telephone must be on a parallel socket;
 *   null — it cannot (no voice mode, or not yet identified).
 * - `flash`: a hook flash and digits can be sent on an answered call (transfer on a PBX or with the
 *   exchange's call-transfer service).
 */
export type LineAbilities = {
  recordCalls: 'phone-socket' | 'line' | null;
  flash: boolean;
  /**
   * How the line faxes, chosen from +FCLASS=? (voice-modem.abilities.ts): 'class1' — T.31, our T.30 runs
   * the call; 'class2.0' / 'class2' — T.32 or its draft, the modem runs T.30 and we give it pages
   * (only when it has no Class 1); null: no fax.
   */
  fax: FaxClass | null;
};

/**
 * How a line hands its modem to the fax engine (T.30 runs above it: src/fax/t30):
 * - 'dial': dial the number in fax mode (Class 1); ready once the far fax machine answered;
 * - 'answer': answer a ringing line as a fax machine;
 * - 'switch': an answered voice call heard a fax machine's calling tone (the IVR, voicemail or a recording
 *   got `tone` 'fax-calling'): stop the audio as on barge-in, switch the modem to fax while off hook and
 *   answer as a fax machine (adaptive answer).
 * - 'switch' with `send`: fax-on-demand on an answered voice call. The caller pressed Start on a fax
 *   machine with an empty feeder, so that machine is the RECEIVER: in T.30 the receiving terminal sends
 *   DIS (with CSI), repeated every T4 until T1 runs out (T.30 §5.3.5; spandsp t30.c does the same for a
 *   receiver that is not the calling party), and the transmitter answers with DCS. So our side must not
 *   answer as a fax machine (ATA would send CED and our own DIS — two receivers talking past each other):
 *   the audio stops as on barge-in, the modem goes to `+FCLASS=1` while off hook and LISTENS, `+FRH=3`
 *   (V.21 channel 2 carries T.30 frames in both directions, so no originate/answer mode is needed) —
 *   the transmitter's T.30 (src/fax/t30/t30-transmit.ts, as after dialling) then waits for that DIS.
 */
export type FaxHandover = ({ how: 'dial'; number: string } | { how: 'answer' } | { how: 'switch'; send?: true }) & {
  /** Our number as the far machine sees it (TSI/CSI). A Class 2/2.0 modem sends it itself (+FLI), so it needs it now. */
  localId?: string;
};

export type FaxClass = 'class1' | 'class2' | 'class2.0';

/** The T.31 operations the fax engine drives (src/fax/t30/port.ts `FaxPort`, matched by shape). */
export type FaxModemPort = {
  sendFrames(frames: readonly Uint8Array[]): Promise<void>;
  receiveFrame(timeoutMs: number): Promise<{ kind: 'frame'; octets: Uint8Array; fcsOk: boolean } | { kind: 'timeout' } | { kind: 'no-carrier' }>;
  sendData(modulation: number, octets: Uint8Array): Promise<void>;
  receiveData(modulation: number, timeoutMs: number): Promise<{ kind: 'data'; octets: Uint8Array } | { kind: 'other-carrier' } | { kind: 'timeout' }>;
  pause(ms: number): Promise<void>;
  waitSilence(ms: number): Promise<void>;
};

/**
 * The modem while it belongs to the fax engine: the line's watchdog and ring logic are paused and
 * nothing else writes to the port until `release()`, which hangs up and gives the modem back to the
 * line (voice mode, caller ID on, ringing watched again). The call's `hangup` event then says 'fax'.
 */
export type FaxLink = { modem: FaxModemPort; release(): Promise<void> } | { class2: FaxClass2Port; release(): Promise<void> };

/**
 * A Class 2/2.0 modem while it belongs to the fax engine (src/telephony/fax/class2.modem.ts): it runs
 * T.30 itself, we give it pages coded for the session it reports (src/fax/t32 matches this by shape).
 */
export type FaxClass2Port = {
  readonly dialect: '2' | '2.0';
  readonly remoteId: string;
  readonly remoteCaps: T32Params | null;
  readonly session: T32Params | null;
  sendPage(encode: (p: T32Params) => Uint8Array, last: boolean): Promise<Class2PageSent>;
  receivePage(): Promise<Class2PageReceived>;
  pageQuality(ppr: 1 | 2): Promise<void>;
  setResolution(fine: boolean): Promise<void>;
};

/** A handover that could not happen for a line or far-end condition (never a throw, as with dial). */
export type FaxHandoverResult = { ok: true; link: FaxLink } | { ok: false; outcome: Exclude<DialOutcome, 'connected'> };

export type LineInfo = {
  id: string;
  kind: LineKind;
  /** Serial port path, or 'demo'. */
  port: string;
  status: LineStatus;
  detail: string | null;
  identity: LineIdentity | null;
  abilities: LineAbilities;
};

export class LineError extends Error {
  constructor(
    readonly code: 'bad-state' | 'device-lost' | 'timeout' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'LineError';
  }
}

export type Line = {
  readonly id: string;
  readonly kind: LineKind;
  info(): LineInfo;
  on<E extends LineEventName>(event: E, listener: (payload: LineEvents[E]) => void): () => void;
  /** Opens the device and starts the reconnect loop; resolves once the first attempt settled. */
  start(): Promise<void>;
  /** Off hook on a ringing line. */
  answer(): Promise<void>;
  hangUp(): Promise<void>;
  /** Dials in voice mode; the user lifts the handset. Resolves when the call connects or fails. */
  dial(number: string): Promise<DialOutcome>;
  play(pcm: Pcm, opts?: { stopOnDtmf?: boolean }): Promise<PlayOutcome>;
  record(opts: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number }): Promise<RecordOutcome>;
  /**
   * Records the conversation of an answered call as the line hears it, until `stopAudio()`, the hang-up
   * or `maxMs`. No silence or key ends it. The audio arrives only as `audio` events (an hour is 57 MB
   * of PCM: the caller writes it out as it comes); the outcome's pcm is empty. `stopOnFaxTone`: end with
   * stoppedBy 'fax' when a fax machine's calling tone is heard — for a line that then takes the call to
   * fax (adaptive answer); without it the recording goes on, as a person may still be on the line. Rejects with
   * LineError 'unsupported' when `info().abilities.recordCalls` is null.
   */
  recordCall(opts: { maxMs: number; stopOnFaxTone?: boolean }): Promise<RecordOutcome>;
  /**
   * A hook flash, then `digits` as DTMF (a blind transfer on a PBX or with the exchange's transfer
   * service); resolves when the tones were sent. The caller then usually goes on hook to complete the
   * transfer. Rejects with LineError 'unsupported' when `info().abilities.flash` is false.
   */
  flash(digits: string): Promise<void>;
  /**
   * Hands the modem to the fax engine (FaxHandover says how). Resolves with the link once the far fax
   * machine is there, or with the outcome when it could not be (busy, no answer …: the call then ended
   * with that hang-up reason). Rejects with LineError 'unsupported' when `info().abilities.fax` is null,
   * 'bad-state' when the line is not in the state `h` needs (idle to dial, ringing to answer, in a call
   * it answered to switch).
   */
  fax(h: FaxHandover): Promise<FaxHandoverResult>;
  /**
   * SIP lines only (optional, so modem lines need none of them; a caller checks they are there):
   * `hold(true)` puts the answered call on hold (the far end hears nothing), `hold(false)` takes it back;
   * `transfer` hands the far end on and ends our call — `{ number }` blind, `{ line }` attended to the call
   * on that line (another channel of the same account); `sendDigits` sends keys to the far end (RFC 4733,
   * or SIP INFO when it has no telephone-event). They reject with LineError 'bad-state' when the far end
   * or the PBX refuses.
   */
  hold?(held: boolean): Promise<void>;
  transfer?(to: { number: string } | { line: Line }): Promise<void>;
  sendDigits?(digits: string): Promise<void>;
  /** Stops a play or record in progress (resolves its promise with stoppedBy 'stop'). */
  stopAudio(): Promise<void>;
  /** Re-identifies the device and returns the exchange as sent and received. */
  test(): Promise<{ identity: LineIdentity; exchange: LineEvents['trace'][] }>;
  close(): Promise<void>;
};
