/**
 * A fax modem port that a cancel ends: once the signal is aborted, a wait in progress (a frame or page
 * data that may take T1's 35 s) gives up at once and every later operation throws `FaxCancelled`, so
 * the T.30 engine stops at its next step and the caller hangs up with `release()`. The line owns the
 * modem, so what the modem was doing when the wait gave up is ended by that hang-up, not here.
 */
import type { FaxModemPort } from '../../telephony';

export class FaxCancelled extends Error {
  constructor() {
    super('the fax was cancelled');
    this.name = 'FaxCancelled';
  }
}

export function abortablePort(port: FaxModemPort, signal: AbortSignal | undefined): FaxModemPort {
  if (!signal) return port;
  const guard = <T>(op: () => Promise<T>): Promise<T> => {
    if (signal.aborted) return Promise.reject(new FaxCancelled());
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new FaxCancelled());
      signal.addEventListener('abort', onAbort, { once: true });
      op().then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) reject(new FaxCancelled());
          else resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? new FaxCancelled() : e);
        },
      );
    });
  };
  return {
    sendFrames: (frames) => guard(() => port.sendFrames(frames)),
    receiveFrame: (ms) => guard(() => port.receiveFrame(ms)),
    sendData: (modulation, octets) => guard(() => port.sendData(modulation, octets)),
    receiveData: (modulation, ms) => guard(() => port.receiveData(modulation, ms)),
    pause: (ms) => guard(() => port.pause(ms)),
    waitSilence: (ms) => guard(() => port.waitSilence(ms)),
  };
}
