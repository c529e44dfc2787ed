/**
 * `monshi sim` and the driver tests: the simulator behind a real pseudo-terminal. Unplugging the
 * simulated modem closes the pty (the port vanishes, as a USB device does; the program on the slave
 * side gets EIO / a closed port); replugging opens a new pty — its path may differ, so `path()` and
 * the `onPath` listener say where the modem is now. Programs may open and close the port as often as
 * they like (vm does once per command); the path stays the same.
 */
import type { ModemSimulator } from './modem-sim';
import { openPty, type Pty } from './pty';

export type PtyServer = { path(): string; onPath(listener: (path: string) => void): () => void; close(): Promise<void> };

export async function serveSimulatorOnPty(sim: ModemSimulator): Promise<PtyServer> {
  let pty: Pty | null = null;
  const pathListeners = new Set<(p: string) => void>();
  const attach = () => {
    const p = openPty();
    p.onData((chunk) => sim.write(chunk));
    // Closing a serial port drops DTR; the modem (at its &D2 default) hangs up.
    p.onPeer((open) => open || sim.dtrDropped());
    pty = p;
    for (const l of pathListeners) l(p.slavePath);
  };
  attach();
  const offData = sim.onData((b) => pty?.write(b));
  const offFlow = sim.onFlow((clearToSend) => pty?.setReading(clearToSend));
  const offState = sim.onState((s) => {
    if (s === 'unplugged') {
      pty?.close();
      pty = null;
    } else if (!pty) attach();
  });
  return {
    path: () => pty?.slavePath ?? '',
    onPath(listener) {
      pathListeners.add(listener);
      return () => pathListeners.delete(listener);
    },
    async close() {
      offData();
      offFlow();
      offState();
      pty?.close();
      pty = null;
    },
  };
}
