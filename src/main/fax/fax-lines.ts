/**
 * Fax calls on the office's lines (the `FaxLines` seam of fax-calls.ts). No line hands its modem to the
 * fax engine yet (issue 16: `Line.fax`), so none is offered: the outbox keeps faxes queued and says that
 * no line can send them, and nothing is received. The implementation on lines replaces this body.
 */
import type { FaxLines } from './fax-calls';

export function createFaxLines(): FaxLines {
  return {
    available: () => [],
    send: async (call) => ({
      ok: false,
      reason: 'line-unavailable',
      remoteId: '',
      pages: 0,
      bps: null,
      ecm: false,
      fine: call.pages[0]?.fine ?? false,
      startedAt: Date.now(),
      durationMs: 0,
      trace: ['no line can send a fax yet'],
    }),
    onReceived: () => () => undefined,
    onReceiving: () => () => undefined,
  };
}
