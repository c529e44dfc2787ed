/**
 * A modem on a serial or USB (CDC-ACM) port through `serialport`. 115200 bit/s because 8-bit voice at
 * 8 kHz needs more than 80 kbit/s (vgetty's rule); USB modems ignore the rate. Hardware flow control
 * stays off: pseudo-terminals (the simulator) have no modem lines, and V.253 pacing is done by us.
 */
import { SerialPort } from 'serialport';
import type { Transport, TransportFactory } from '../transport';

export function serialTransport(path: string, baudRate = 115200): TransportFactory {
  return () =>
    new Promise<Transport>((resolve, reject) => {
      const port = new SerialPort({ path, baudRate, autoOpen: false, hupcl: false });
      port.open((err) => {
        if (err) return reject(err);
        const closeListeners = new Set<(e: Error | null) => void>();
        let closed = false;
        const closedWith = (e: Error | null) => {
          if (closed) return;
          closed = true;
          for (const l of closeListeners) l(e);
        };
        port.on('close', (e: Error | null) => closedWith(e ?? null));
        port.on('error', (e: Error) => closedWith(e));
        resolve({
          description: path,
          write: (data) =>
            new Promise<void>((res, rej) => {
              if (closed) return rej(new Error(`${path} is closed`));
              // Not port.drain(): tcdrain waits in a libuv thread-pool thread until the device has taken
              // every byte, and a device that stops reading could hold pool threads (which every file
              // operation of the process needs) indefinitely. Voice is paced by the clock, not by drains.
              port.write(Buffer.from(data), (e) => (e ? rej(e) : res()));
            }),
          onData(listener) {
            port.on('data', listener);
            return () => port.off('data', listener);
          },
          onClose(listener) {
            closeListeners.add(listener);
            return () => closeListeners.delete(listener);
          },
          close: () =>
            new Promise<void>((res) => {
              closed = true;
              if (!port.isOpen) return res();
              port.close(() => res());
            }),
        });
      });
    });
}

export type SerialPortInfo = { path: string; manufacturer: string; vendorId: string; productId: string; serialNumber: string };

export async function listSerialPorts(): Promise<SerialPortInfo[]> {
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? '',
    vendorId: p.vendorId ?? '',
    productId: p.productId ?? '',
    serialNumber: p.serialNumber ?? '',
  }));
}
