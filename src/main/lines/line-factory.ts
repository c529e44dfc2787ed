/**
 * How a configured line becomes running `Line`s: a voice modem on its serial port, or the demo line's simulator
 * (one `Line` each); a line that carries several calls at once (a SIP account) gives one `Line` per channel.
 */
import { createDemoLine, createVoiceModemLine, serialTransport, type Line, type ModemSimulator } from '../../telephony';
import type { LineDbRow } from '../calls/calls.repo';
import { attachDemoFaxMachine } from '../fax/demo-fax-machine';

/** `lines`: the line's channels, one call at a time on each; `sim`: the demo line's simulator (on its only channel). */
export type LineFactory = (row: LineDbRow) => { lines: Line[]; sim: ModemSimulator | null };

export const defaultLineFactory: LineFactory = (row) => {
  const callerIdMode = row.caller_id_mode;
  if (row.kind === 'demo') {
    const demo = createDemoLine(`line-${row.id}`, { callerIdMode });
    // A failure at the far end shows on our side (the fax call's report), so nothing more is said here.
    attachDemoFaxMachine(demo.sim, () => undefined);
    return { lines: [demo.line], sim: demo.sim };
  }
  const extraInit = row.extra_init
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { lines: [createVoiceModemLine({ id: `line-${row.id}`, port: row.port, open: serialTransport(row.port), callerIdMode, extraInit })], sim: null };
};
