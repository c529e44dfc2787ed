/**
 * The Class 1 driver's byte handling over a real pseudo-terminal and the real serialport, against a
 * scripted modem on the master side: DLE shielding both ways (a 0x10 inside a frame and inside page
 * data), answers split across reads, <CAN> when a receive hears nothing, +FCERROR, BUSY, and XOFF
 * holding page data back until XON. The whole protocol against real modems is
 * tests/fax/t30-iaxmodem.test.ts; these are the cases a real call may not produce on demand.
 */
import { Class1Error, Class1Modem } from '../../../src/telephony/fax/class1.modem';
import { serialTransport } from '../../../src/telephony/modem/serial.transport';
import { openPty, type Pty } from '../../../src/telephony/sim/pty';
import { realTimers, type Transport } from '../../../src/telephony/transport';

jest.setTimeout(20_000);

type Script = (cmd: string, modem: FakeModem) => void;

/** A modem that answers each command line by the script; after +FTM's CONNECT it collects shielded data. */
class FakeModem {
  readonly commands: string[] = [];
  /** Each data state: when it began, when its first byte came, and the bytes. */
  readonly data: { at: number; firstAt: number; bytes: number[] }[] = [];
  private text = '';
  private inData = false;
  private dle = false;
  constructor(
    readonly pty: Pty,
    private readonly script: Script,
  ) {
    pty.onData((chunk) => {
      for (const b of chunk) this.byte(b);
    });
  }
  send(...parts: (string | number[])[]): void {
    for (const p of parts) this.pty.write(Buffer.from(typeof p === 'string' ? p : Uint8Array.from(p)));
  }
  enterData(): void {
    this.inData = true;
    this.data.push({ at: Date.now(), firstAt: 0, bytes: [] });
  }
  private byte(b: number): void {
    if (this.inData) {
      const cur = this.data[this.data.length - 1]!;
      if (!cur.firstAt) cur.firstAt = Date.now();
      if (this.dle) {
        this.dle = false;
        if (b === 0x03) {
          this.inData = false;
          this.send('\r\nOK\r\n');
        } else cur.bytes.push(b);
      } else if (b === 0x10) this.dle = true;
      else cur.bytes.push(b);
      return;
    }
    if (b === 0x18) {
      this.commands.push('<CAN>');
      this.send('\r\nOK\r\n');
      return;
    }
    if (b !== 0x0d) {
      this.text += String.fromCharCode(b);
      return;
    }
    const cmd = this.text.trim();
    this.text = '';
    this.commands.push(cmd);
    this.script(cmd, this);
  }
}

let pty: Pty;
let transport: Transport;
const setup = async (script: Script) => {
  pty = openPty();
  const fake = new FakeModem(pty, script);
  transport = await serialTransport(pty.slavePath)();
  const modem = new Class1Modem(transport, { timers: realTimers });
  return { fake, modem };
};
afterEach(async () => {
  await transport?.close();
  pty?.close();
});

test('a received frame with a 0x10 in it is unshielded, its FCS status read from OK/ERROR, even split across reads', async () => {
  const { modem } = await setup((cmd, m) => {
    if (cmd === 'AT+FRH=3' && m.commands.filter((c) => c === cmd).length === 1) {
      m.send('\r\nCONNECT\r');
      setTimeout(() => m.send('\n', [0xff, 0x13, 0x80, 0x10, 0x10, 0x6e], [0x10]), 20);
      setTimeout(() => m.send([0x03], '\r\nOK\r\n'), 40);
    } else if (cmd === 'AT+FRH=3') m.send('\r\nCONNECT\r\n', [0xff, 0x13, 0x84, 0x10, 0x03], '\r\nERROR\r\n');
  });
  expect(await modem.receiveFrame(2000)).toEqual({ kind: 'frame', octets: Uint8Array.of(0xff, 0x13, 0x80, 0x10, 0x6e), fcsOk: true });
  expect(await modem.receiveFrame(2000)).toEqual({ kind: 'frame', octets: Uint8Array.of(0xff, 0x13, 0x84), fcsOk: false });
});

test('a receive that hears nothing is cancelled with <CAN>; +FCERROR on +FRM is "other carrier"; BUSY is a busy error', async () => {
  const { fake, modem } = await setup((cmd, m) => {
    if (cmd === 'AT+FRM=96') m.send('\r\n+FCERROR\r\n');
    if (cmd.startsWith('ATD')) m.send('\r\nBUSY\r\n');
  });
  expect(await modem.receiveFrame(300)).toEqual({ kind: 'timeout' });
  expect(fake.commands).toEqual(['AT+FRH=3', '<CAN>']);
  expect(await modem.receiveData(96, 1000)).toEqual({ kind: 'other-carrier' });
  await expect(modem.dial('5551234')).rejects.toMatchObject({ code: 'busy' } satisfies Partial<Class1Error>);
});

test('frames go out shielded with the control byte set per frame; page data stops on XOFF until XON and arrives whole', async () => {
  const page = Uint8Array.from({ length: 3000 }, (_v, i) => (i % 97 === 0 ? 0x10 : i & 0xff));
  let xonAt = 0;
  const { fake, modem } = await setup((cmd, m) => {
    if (cmd === 'AT+FTH=3') {
      m.send('\r\nCONNECT\r\n');
      m.enterData();
    } else if (cmd === 'AT+FTM=146') {
      // Held back at once (the XOFF in the same write as CONNECT), let go 400 ms later.
      m.send('\r\nCONNECT\r\n', [0x13]);
      m.enterData();
      setTimeout(() => {
        xonAt = Date.now();
        m.send([0x11]);
      }, 400);
    }
  });
  await modem.sendFrames([Uint8Array.of(0xff, 0x03, 0x10, 0x01)]);
  expect(fake.data[0]!.bytes).toEqual([0xff, 0x13, 0x10, 0x01]);
  await modem.sendData(146, page);
  expect(xonAt).toBeGreaterThan(0);
  // Not a byte of the page before XON (the lead of half a second would otherwise go at once).
  expect(fake.data[1]!.firstAt).toBeGreaterThanOrEqual(xonAt);
  expect(Uint8Array.from(fake.data[1]!.bytes)).toEqual(page);
});

test('a voice-mode event left over from before the fax (<DLE>1 of a held key) is dropped: +FRH=3 still gets its CONNECT and frame', async () => {
  // Under load the switch to +FCLASS=1 can overtake a key the caller is still holding; the modem then sends
  // the late <DLE>1 (and a <DLE>s) just before answering +FRH=3. They are not a result, and not the end of the receive.
  const { fake, modem } = await setup((cmd, m) => {
    if (cmd === 'AT+FRH=3') m.send([0x10, 0x31, 0x10, 0x73], '\r\nCONNECT\r\n', [0xff, 0x13, 0x80, 0x10, 0x03], '\r\nOK\r\n');
  });
  expect(await modem.receiveFrame(2000)).toEqual({ kind: 'frame', octets: Uint8Array.of(0xff, 0x13, 0x80), fcsOk: true });
  expect(fake.commands).toEqual(['AT+FRH=3']);
});

test('a stray text line before the result (an unsolicited RING) does not end a receive as "no carrier"', async () => {
  const { modem } = await setup((cmd, m) => {
    if (cmd === 'AT+FRH=3') m.send('\r\nRING\r\n\r\nCONNECT\r\n', [0xff, 0x13, 0x80, 0x10, 0x03], '\r\nOK\r\n');
  });
  expect(await modem.receiveFrame(2000)).toEqual({ kind: 'frame', octets: Uint8Array.of(0xff, 0x13, 0x80), fcsOk: true });
});
