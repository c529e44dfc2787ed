/**
 * What the T.30 engine needs from a fax modem: the T.31 (Class 1) operations, one at a time, and nothing
 * of serial ports, AT text or DLE shielding. The Class 1 driver in src/telephony implements it over a
 * real modem; tests implement it with a far end in memory. Every operation settles: a silent line is a
 * `timeout`, never a promise that hangs.
 */

/** One received V.21 HDLC frame (address, control, FCF, FIF; the FCS as the modem gave it), or why none came. */
export type FrameResult =
  | { kind: 'frame'; octets: Uint8Array; fcsOk: boolean }
  /** Nothing within the time: the driver cancelled the receive (T.31: <CAN>). */
  | { kind: 'timeout' }
  /** The carrier dropped before a frame ended. */
  | { kind: 'no-carrier' };

export type DataResult =
  /** Octets in line order (the first bit on the line is bit 0 of the first octet), until the carrier dropped. */
  | { kind: 'data'; octets: Uint8Array }
  /** +FCERROR: the modem heard a different carrier (V.21 frames where page data was expected). */
  | { kind: 'other-carrier' }
  | { kind: 'timeout' };

export type FaxPort = {
  /**
   * Sends frames on V.21 (+FTH=3) as one message: each is [0xFF, control, FCF, FIF…] without FCS, the
   * control of all but the last 0x03, of the last 0x13. Resolves when the modem has sent them (OK).
   */
  sendFrames(frames: readonly Uint8Array[]): Promise<void>;
  /** Receives one frame (+FRH=3); a message of several frames takes one call per frame. */
  receiveFrame(timeoutMs: number): Promise<FrameResult>;
  /** Sends octets (+FTM) at a modulation code (T.31: 24, 48, 72, 96, 73/74, 97/98, 121/122, 145/146). */
  sendData(modulation: number, octets: Uint8Array): Promise<void>;
  /** Receives data (+FRM) until the carrier drops. */
  receiveData(modulation: number, timeoutMs: number): Promise<DataResult>;
  /** Stops transmitting and waits (+FTS), the pause T.30 puts between signals (75 ms). */
  pause(ms: number): Promise<void>;
  /**
   * Waits for this much silence on the line (+FRS). Before answering with a frame after receiving, so
   * the modem is not asked to transmit while the far end's carrier is still dropping (the +FRS/+FTH
   * race after TCF measured in fax-loopback.md).
   */
  waitSilence(ms: number): Promise<void>;
};

/** The engine's clock: only `now`, for the session-wide T1 (the waits themselves are the port's timeouts). */
export type FaxClock = { now(): number };
