/**
 * The demo line's wire: the simulator in-process. Bytes are delivered on a later turn of the event
 * loop, as from a real device, so the driver cannot come to depend on synchronous answers.
 */
import type { Transport } from '../transport';
import type { ModemSimulator } from './modem-sim';

export function createSimTransport(sim: ModemSimulator): Transport {
  if (sim.isUnplugged) throw new Error('The simulated modem is unplugged.');
  const dataListeners = new Set<(b: Buffer) => void>();
  const closeListeners = new Set<(e: Error | null) => void>();
  let open = true;
  const close = (err: Error | null) => {
    if (!open) return;
    open = false;
    offData();
    offState();
    for (const l of closeListeners) l(err);
  };
  const offData = sim.onData((b) => {
    const copy = Buffer.from(b);
    setImmediate(() => open && dataListeners.forEach((l) => l(copy)));
  });
  const offState = sim.onState((s) => {
    if (s === 'unplugged') close(new Error('The simulated modem was unplugged.'));
  });
  return {
    description: 'demo',
    async write(data) {
      if (!open) throw new Error('The simulated modem is not connected.');
      const copy = Buffer.from(data);
      setImmediate(() => open && sim.write(copy));
    },
    onData(listener) {
      dataListeners.add(listener);
      return () => dataListeners.delete(listener);
    },
    onClose(listener) {
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    async close() {
      close(null);
    },
  };
}
