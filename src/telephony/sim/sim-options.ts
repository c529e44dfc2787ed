/**
 * What the simulator is told: the callers, the far end of dialled calls, its options, and the settings
 * a reset restores.
 */
import type { FaxBitErrors } from './sim-fax-line';
import type { Timers } from '../transport';
import type { SimCallerIdFormat } from './sim-callerid';
import type { SimProfileId } from './sim-profiles';

export type SimIncomingCall = {
  number?: string;
  name?: string;
  format?: SimCallerIdFormat;
  /** ETSI/UK: caller ID before the first ring (default: between ring 1 and 2, Bellcore). */
  beforeFirstRing?: boolean;
  /** The caller gives up after this many rings; 0 = rings until answered (at most 30). */
  rings?: number;
  corrupt?: boolean;
  mesg?: boolean;
  /**
   * After answer: keys the caller presses (each after `keyDelayMs`), audio. `fax`: the caller is a fax
   * machine: its calling tone (CNG, <DLE>c) until the modem answers in Class 1, then it sends a fax.
   */
  keys?: string;
  fax?: boolean;
  audio?: Int16Array;
  /** The caller hangs up this long after the answer (default: never, until the host hangs up). */
  hangUpAfterMs?: number;
};

export type SimRemote = { kind: 'answer'; afterMs: number } | { kind: 'busy' } | { kind: 'no-answer' } | { kind: 'no-dialtone' };

export type SimOptions = {
  profile?: SimProfileId;
  /**
   * The +VSM=? lines, instead of the profile's: the same device offering fewer formats, for testing
   * what the driver picks (none of the recorded devices offers only IMA ADPCM, so no profile does).
   */
  voiceMethods?: string[];
  timers?: Timers;
  ringOnMs?: number;
  ringOffMs?: number;
  keyDelayMs?: number;
  /**
   * The profile stored in the modem's memory (AT&W), which every reset (ATZ, a power blip) restores:
   * a modem some other program left at numeric results (V0) or quiet (Q1), or with echo off (E0).
   */
  stored?: { echo?: boolean; verbose?: boolean; quiet?: boolean };
  /**
   * +VRX's CONNECT and the first audio bytes in one write, as a USB modem's bulk transfer (or a busy
   * host reading late) delivers them: the driver must switch to data at the byte after CONNECT.
   */
  connectWithAudio?: boolean;
  /** What `AT+FCLASS=?` prints instead of the simulated classes: a misbehaving firmware (`0-400000000`). */
  classesAnswer?: string;
  /**
   * The demo line's conversation (sim-conversation.ts): while the phone is on the line with the modem
   * (+VLS "LT", how a call is recorded) and the caller has nothing queued to say, a recording hears
   * the caller and the front desk talking. Off for the plain simulator, whose tests hear only what
   * they queued.
   */
  demoConversation?: boolean;
  /** Numbers a fax machine answers: ATD to one of them in Class 1 connects to the far fax machine. */
  faxNumbers?: string[];
  /** A noisy line for fax: page data faster than this (bit/s) arrives damaged, so training fails above it. */
  faxLimitBps?: number;
  /** Bit errors in fax page data (sim-fax-line.ts `FaxBitErrors`): HDLC frames in it then fail their FCS. */
  faxBitErrors?: FaxBitErrors;
};

export type SimResult = 'OK' | 'ERROR' | 'CONNECT' | 'VCON' | 'NO CARRIER' | 'BUSY' | 'NO ANSWER' | 'NO DIALTONE' | 'RING' | '+FCERROR';

export type TranscriptEntry = { dir: 'host' | 'modem'; at: number; bytes: Buffer };

/** Settings a reset (ATZ / power cycle) restores: the factory defaults, or the stored profile's. */
export function defaultRegisters(stored: SimOptions['stored'] = {}) {
  return {
    echo: stored.echo ?? true,
    verbose: stored.verbose ?? true,
    quiet: stored.quiet ?? false,
    fclass: '0',
    cidMode: 0,
    vsm: 1,
    vsd: [128, 50] as number[],
    vtd: 100,
    vrn: 10,
    s: new Map<number, number>([[0, 0]]),
    /** Voice parameters set with AT that change nothing simulated (+VGT, +VIT …), by name. */
    params: new Map<string, number[]>(),
  };
}

export type SimRegisters = ReturnType<typeof defaultRegisters>;
