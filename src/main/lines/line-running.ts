/** A configured line while it runs, and the hooks other domains have on its incoming calls (lines.service.ts). */
import type { Line, ModemSimulator } from '../../telephony';
import type { LineDbRow } from '../calls/calls.repo';

export type Running = {
  row: LineDbRow;
  line: Line;
  sim: ModemSimulator | null;
  callId: number | null;
  direction: 'in' | 'out' | null;
  answered: boolean;
  /** The IVR took this call. */ ivr?: boolean;
  /** The fax engine took this call (its log row ends as 'fax'). */ fax?: boolean;
  /** Rings of the incoming call so far, and whether its caller ID (a number or withheld) has come. */ rings?: number;
  callerIdIn?: boolean;
  lastStatus: string;
  offs: (() => void)[];
  /** Closes all the row runs (a SIP account's channels and registration); absent = `line.close()`. */
  closeAll?: () => Promise<void>;
};

/** The IVR's say on every ring of an incoming call: true when it takes the call (and answers it). */
export type IvrRingHook = (r: { lineId: number; rings: number; ringsBeforeAnswer: number; line: Line; callId: number | null }) => boolean;

/**
 * The fax policy's say on every ring of an incoming call the IVR has not taken (src/main/fax/fax-answer.ts):
 * true when it answers the call as fax. Asked at each ring, and once more when the caller ID arrives (`callerIdIn`).
 */
export type FaxRingHook = (r: {
  lineId: number;
  rings: number;
  row: LineDbRow;
  line: Line;
  callId: number | null;
  callerNumber: string | null;
  callerIdIn: boolean;
}) => boolean;
