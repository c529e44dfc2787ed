/**
 * A fax modem port that a cancel ends: once the signal is aborted, a wait in progress (a frame or page
 * data that may take T1's 35 s) gives up at once and every later operation throws `FaxCancelled`, so
 * the T.30 engine stops at its next step and the caller hangs up with `release()`. The line owns the
 * modem, so what the modem was doing when the wait gave up is ended by that hang-up, not here.
 */
import type { FaxClass2Port, FaxModemPort } from '../../telephony';

export class FaxCancelled extends Error {
  constructor() {
    super('the fax was cancelled');
    this.name = 'FaxCancelled';
  }
}

function guarded(signal: AbortSignal) {
  return <T>(op: () => Promise<T>): Promise<T> => {
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
}

export function abortablePort(port: FaxModemPort, signal: AbortSignal | undefined): FaxModemPort {
  if (!signal) return port;
  const guard = guarded(signal);
  return {
    sendFrames: (frames) => guard(() => port.sendFrames(frames)),
    receiveFrame: (ms) => guard(() => port.receiveFrame(ms)),
    sendData: (modulation, octets) => guard(() => port.sendData(modulation, octets)),
    receiveData: (modulation, ms) => guard(() => port.receiveData(modulation, ms)),
    pause: (ms) => guard(() => port.pause(ms)),
    waitSilence: (ms) => guard(() => port.waitSilence(ms)),
  };
}

/** The same for a Class 2/2.0 modem: a cancel stops at the next page (the modem's T.30 then hangs up with ATH). */
export function abortableClass2(port: FaxClass2Port, signal: AbortSignal | undefined): FaxClass2Port {
  if (!signal) return port;
  const guard = guarded(signal);
  return {
    get dialect() {
      return port.dialect;
    },
    get remoteId() {
      return port.remoteId;
    },
    get remoteCaps() {
      return port.remoteCaps;
    },
    get session() {
      return port.session;
    },
    sendPage: (encode, last) => guard(() => port.sendPage(encode, last)),
    receivePage: () => guard(() => port.receivePage()),
    pageQuality: (ppr) => guard(() => port.pageQuality(ppr)),
    setResolution: (fine) => guard(() => port.setResolution(fine)),
  };
}
