/**
 * What the simulator's parts share: the modem's state (registers, hook, the call, the voice data state)
 * and the few things they do with it. `ModemSimulator` (modem-sim.ts) is the one implementation; the
 * command interpreter (sim-commands.ts), the voice data states (sim-voice.ts) and the incoming call
 * (sim-incoming.ts) are written against this type, so none of them imports modem-sim and the
 * dependency runs one way (modem-sim → the parts → this file; tests/telephony/import-cycles.test.ts).
 */
import type { Timers } from '../transport';
import type { SimCallerId } from './sim-callerid';
import type { FaxBitErrors, SimFaxFarEnd } from './sim-fax-line';
import type { SimIncomingCall, SimOptions, SimRegisters, SimRemote, SimResult } from './sim-options';
import type { SimProfile } from './sim-profiles';

/** A call ringing in or answered: its caller ID, what the caller does, and the timers that do it. */
export type SimCall = {
  cid: SimCallerId;
  spec: SimIncomingCall;
  rings: number;
  answered: boolean;
  timers: unknown[];
  /** When the caller pressed Start on a fax machine with an empty feeder (it then receives); null: not pressed. */
  faxStartAt?: number | null;
};

/** A voice data state (+VTX, +VRX, +VTR) as the rest of the modem sees it: sim-voice.ts's VoiceStream. */
export type SimVoiceState = {
  readonly mode: 'tx' | 'rx' | 'duplex';
  /** Samples of the host's audio played out so far in this state. */
  readonly playedSamples: number;
  /** Bytes from the host while in the state (DLE-shielded audio and commands). */
  fromHost(buf: Buffer): void;
  /** Ends the state without a word (a reset, the port closed): its timer stops, CTS is raised. */
  stop(): void;
  callerGone(): void;
};

/** The modem's Class 1 part (sim-fax.ts's SimClass1): the fax call on the line and the T.31 data states. */
export type SimFaxState = {
  /** A T.31 state is on (a data state, or a receive or +FRS waiting): the host's bytes go to it. */
  readonly busy: boolean;
  /** Takes the host's bytes while busy; returns how many it took (the rest are commands again). */
  fromHost(buf: Buffer): number;
  /** +FTH / +FRH / +FTM / +FRM; 'later': the result follows. */
  command(name: string, op: string, arg: string): 'ok' | 'error' | 'later';
  /** +FTS / +FRS; `rest` of the command line runs when the wait is over. */
  wait(name: string, op: string, arg: string, rest: string): 'ok' | 'error' | 'later';
  /** ATD reached a fax machine; ATA in Class 1 after the answer tone. */
  dialled(): void;
  answered(): void;
  /** The caller pressed Start to receive (fax-on-demand): its machine joins a fax call already listening. */
  callerPressedStart(): void;
  hangUp(): void;
};

/** The modem's Class 2/2.0 part (sim-class2.ts's SimClass2): the modem's own T.30 and the page data states. */
export type SimFax2State = {
  /** Page data from or to the host is in progress: the host's bytes go to it. */
  readonly busy: boolean;
  fromHost(buf: Buffer): number;
  /** A T.32 command; 'unknown' when it is not one of this class's (the caller then decides). */
  command(name: string, op: string, arg: string): 'ok' | 'error' | 'later' | 'unknown';
  /** ATD reached a fax machine; ATA in Class 2/2.0 after the answer tone. */
  dialled(): void;
  answered(): void;
  hangUp(): void;
};

export type SimState = {
  readonly profile: SimProfile;
  readonly timers: Timers;
  readonly stored: NonNullable<SimOptions['stored']>;
  readonly connectWithAudio: boolean;
  readonly classesAnswer: string | null;
  readonly ringOnMs: number;
  readonly ringOffMs: number;
  readonly keyDelayMs: number;
  regs: SimRegisters;
  offHook: boolean;
  /** The line mode (+VLS) puts the phone on the PHONE socket on the line with the modem ("LT"). */
  phoneOnLine: boolean;
  readonly call: SimCall | null;
  voice: SimVoiceState | null;
  readonly fax: SimFaxState;
  /** Class 2/2.0 (T.32): the modem runs T.30 itself (sim-class2.ts). */
  readonly fax2: SimFax2State;
  readonly remote: SimRemote;
  /** Numbers that a fax machine answers (ATD in Class 1 connects to it). */
  readonly faxNumbers: ReadonlySet<string>;
  /** Whoever drives the far fax machine, given its end of each fax call; null: no fax machine there. */
  readonly faxMachine: ((end: SimFaxFarEnd) => void) | null;
  /** Page data faster than this (bit/s) is damaged on the line; null: a clean line. */
  readonly faxLimitBps: number | null;
  /** Bit errors in page data (HDLC frames in it fail their FCS); null: none. */
  readonly faxBitErrors: FaxBitErrors | null;
  /** What the host played (decoded to 16-bit PCM), the tones it asked for and the numbers it dialled, for tests. */
  readonly played: Int16Array[];
  readonly tones: string[];
  readonly dialled: string[];

  /** Bytes to the host. */
  send(bytes: Buffer | string): void;
  /** Information text, framed as the present V0/V1 setting says. */
  sendLine(...lines: string[]): void;
  result(code: SimResult): void;
  resultText(code: SimResult): string;
  /** CTS towards the host: false while the voice transmit buffer is full. */
  setClearToSend(ready: boolean): void;
  /** For commands that answer later (ATD, +VTS): clears the pending marker and sends the result. */
  finishPending(code: SimResult | null): void;
  /** Runs a command line (the part after 'AT'), as when the host sent it: the rest of a line after +FTS. */
  runLine(body: string): void;
  /** The host took the line off hook while it rang; false when no call was waiting. */
  answer(): boolean;
  endCall(): void;
  /** An in-band event: <DLE>x in voice states, and in command state while off hook. */
  event(code: string): void;
  pressKeys(digits: string): void;
  callerHangsUp(): void;
  /** The caller's audio while the call is answered, else null. */
  callerAudio(): Int16Array | null;
  /** Whether a recording now hears the demo conversation (when the caller's own audio is over). */
  conversationHeard(): boolean;
};
