/** How a configured line becomes a running `Line`: a voice modem on its serial port, or the demo line's simulator. */
import { createDemoLine, createVoiceModemLine, serialTransport, type Line, type ModemSimulator } from '../../telephony';
import type { LineDbRow } from '../calls/calls.repo';
import { attachDemoFaxMachine } from '../fax/demo-fax-machine';

export type LineFactory = (row: LineDbRow) => { line: Line; sim: ModemSimulator | null };

export const defaultLineFactory: LineFactory = (row) => {
  const callerIdMode = row.caller_id_mode;
  if (row.kind === 'demo') {
    const demo = createDemoLine(`line-${row.id}`, { callerIdMode });
    // A failure at the far end shows on our side (the fax call's report), so nothing more is said here.
    attachDemoFaxMachine(demo.sim, () => undefined);
    return demo;
  }
  const extraInit = row.extra_init
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { line: createVoiceModemLine({ id: `line-${row.id}`, port: row.port, open: serialTransport(row.port), callerIdMode, extraInit }), sim: null };
};
