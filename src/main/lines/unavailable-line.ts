/**
 * A configured line that cannot run (a SIP line whose password cannot be opened on this computer):
 * it stays 'disconnected' with the reason, so the line card says what is wrong and the engine runs on.
 * Every action is refused with that reason, as a modem that is not there would refuse it.
 */
import { LineError, type Line, type LineKind, type LineStatus } from '../../telephony';

export function unavailableLine(id: string, kind: LineKind, port: string, detail: string): Line {
  let status: LineStatus = 'disconnected';
  const listeners = new Set<(s: { status: LineStatus; detail: string | null }) => void>();
  const refuse = (): Promise<never> => Promise.reject(new LineError('device-lost', detail));
  return {
    id,
    kind,
    info: () => ({ id, kind, port, status, detail, identity: null, abilities: { recordCalls: null, flash: false, fax: null } }),
    on: (event, listener) => {
      if (event !== 'status') return () => undefined;
      const l = listener as (s: { status: LineStatus; detail: string | null }) => void;
      listeners.add(l);
      return () => listeners.delete(l);
    },
    start: async () => {
      for (const l of listeners) l({ status, detail });
    },
    answer: refuse,
    hangUp: refuse,
    dial: refuse,
    play: refuse,
    record: refuse,
    recordCall: refuse,
    flash: refuse,
    fax: refuse,
    stopAudio: async () => undefined,
    test: refuse,
    close: async () => {
      status = 'closed';
      for (const l of listeners) l({ status, detail: null });
    },
  };
}
