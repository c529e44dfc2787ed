/**
 * The simulator's pseudo-terminal behaves like a modem's serial port: the device stays when a program
 * closes it (vm opens and closes it once per command), closing it drops DTR, and the modem's flow
 * control holds back a program that writes audio faster than it plays.
 */
import { SerialPort } from 'serialport';
import { ModemSimulator } from '../../../src/telephony/sim/modem-sim';
import { until } from '../../helpers/wait';
import { serveSimulatorOnPty, type PtyServer } from '../../../src/telephony/sim/serve-pty';

async function open(path: string) {
  const port = new SerialPort({ path, baudRate: 115200 });
  await new Promise<void>((res, rej) => port.on('open', res).on('error', rej));
  let got = '';
  port.on('data', (d: Buffer) => (got += d.toString('latin1')));
  const until = async (re: RegExp, ms = 2000) => {
    for (let i = 0; i < ms / 20 && !re.test(got); i++) await new Promise((r) => setTimeout(r, 20));
    expect(got).toMatch(re);
  };
  return {
    port,
    until,
    clear: () => (got = ''),
    close: () => new Promise<void>((r) => port.close(() => r())),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the simulator on a pseudo-terminal', () => {
  let sim: ModemSimulator;
  let server: PtyServer;
  beforeEach(async () => {
    sim = new ModemSimulator({ ringOnMs: 100, ringOffMs: 200 });
    server = await serveSimulatorOnPty(sim);
  });
  afterEach(async () => {
    await server.close();
    sim.close();
  });

  test('the port outlives the programs that open and close it; what the modem says meanwhile is lost', async () => {
    const path = server.path();
    const first = await open(path);
    first.port.write('ATE0\r');
    await first.until(/OK\r\n$/);
    await first.close();
    await sleep(150);
    sim.ring({ number: '1', rings: 1 }); // nobody listens: the RING goes nowhere
    await until(() => sim.transcript.some((e) => e.dir === 'modem' && e.bytes.includes('RING')), 2000);
    expect(server.path()).toBe(path);
    const second = await open(path);
    second.port.write('AT\r');
    await second.until(/OK\r\n$/);
    await sleep(100);
    second.clear();
    second.port.write('ATI3\r');
    await second.until(/CX93001-EIS_V0.2013-V92\r\n\r\nOK\r\n$/);
    await second.close();
  });

  test('closing the port while off hook hangs up (DTR drops, &D2)', async () => {
    const host = await open(server.path());
    host.port.write('ATE0\r');
    await host.until(/OK\r\n$/);
    sim.ring({ number: '1', rings: 0 });
    host.port.write('AT+FCLASS=8;+VLS=1\r');
    await host.until(/OK\r\n[^]*OK\r\n$/);
    expect(sim.offHook).toBe(true);
    await host.close();
    await until(() => !sim.offHook, 2000);
    expect(sim.offHook).toBe(false);
    expect(sim.call).toBeNull();
  });

  test('a host that writes 3 s of audio at once is held back while it plays', async () => {
    const host = await open(server.path());
    host.port.write('ATE0\r');
    await host.until(/OK\r\n$/);
    host.port.write('AT+FCLASS=8;+VLS=1\r');
    await host.until(/OK\r\n[^]*OK\r\n$/);
    host.clear();
    host.port.write('AT+VTX\r');
    await host.until(/CONNECT\r\n$/);
    const taken = () => sim.transcript.filter((e) => e.dir === 'host').reduce((n, e) => n + e.bytes.length, 0);
    const before = taken();
    host.port.write(Buffer.concat([Buffer.alloc(24000, 0x80), Buffer.from([0x10, 0x03])]));
    await sleep(300);
    // Half a second in the modem, the rest waits in the kernel's pty buffer or in the writer.
    expect(taken() - before).toBeLessThan(24000);
    await host.until(/OK\r\n$/, 5000);
    expect(sim.played[0]!.length).toBe(24000);
    await host.close();
  }, 10_000);
});
