/**
 * Finding modems on ports: the simulated Conexant modem over a real pseudo-terminal and the real
 * serialport answers AT and is identified; a port where nothing answers (a pty with nobody on the
 * other side) and a port that does not exist are told apart; the port is closed after every probe.
 */
import { ModemSimulator, probeModem, realTimers, serialTransport, serveSimulatorOnPty } from '../../../src/telephony';
import { openPty } from '../../../src/telephony/sim/pty';

jest.setTimeout(20_000);

it('finds and identifies the simulated modem on a pty, then lets the port go', async () => {
  const sim = new ModemSimulator({ profile: 'conexant' });
  const server = await serveSimulatorOnPty(sim);
  try {
    const r = await probeModem(serialTransport(server.path()), realTimers);
    expect(r).toMatchObject({ ok: true, identity: { manufacturer: 'CONEXANT', voice: true, profile: 'conexant' } });
    // Closed again: the port can be opened and probed a second time at once.
    const again = await probeModem(serialTransport(server.path()), realTimers);
    expect(again.ok).toBe(true);
  } finally {
    await server.close();
    sim.close();
  }
});

it('says nobody answered on a port with no modem, and that a missing port could not be opened', async () => {
  const pty = openPty();
  try {
    const silent = await probeModem(serialTransport(pty.slavePath), realTimers, 300);
    expect(silent).toMatchObject({ ok: false, reason: 'no-answer' });
  } finally {
    pty.close();
  }
  const missing = await probeModem(serialTransport('/dev/monshi-no-such-port'), realTimers);
  expect(missing).toMatchObject({ ok: false, reason: 'open-failed' });
});
