/**
 * The byte pipe under a modem driver: a serial port (src/telephony/modem/serial.transport.ts) or the
 * modem simulator in-process (the demo line, src/telephony/sim). Opening is a factory so the driver can
 * reopen after an unplug; it rejects when the device is missing.
 */
export type Transport = {
  /** A human-readable name for logs and the UI ('/dev/ttyACM0', 'demo'). */
  readonly description: string;
  /** Resolves when the bytes were handed to the operating system for the device, rejects when it is gone. */
  write(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the device goes away (unplugged, closed); err is null after close(). */
  onClose(listener: (err: Error | null) => void): () => void;
  close(): Promise<void>;
};

export type TransportFactory = () => Promise<Transport>;

/** Timers are injected so tests and the simulator can run on a fake clock. */
export type Timers = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
