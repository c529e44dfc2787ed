import { CallerIdAssembler } from '../../../src/telephony/caller-id/caller-id.assembler';
import { parseDtmfCallerId } from '../../../src/telephony/caller-id/caller-id.dtmf';
import { decodeCallerIdPacket } from '../../../src/telephony/caller-id/caller-id.packet';
import { parseCallerIdLine } from '../../../src/telephony/caller-id/caller-id.text';
import type { CallerId } from '../../../src/telephony/line';
import { manualTimers } from '../../helpers/manual-timers';

const hex = (s: string) => s.replace(/\s+/g, '');

describe('unformatted packets (reference §3.4 vectors, corrected checksums)', () => {
  test('SDMF (609) 555-1212', () => {
    const r = decodeCallerIdPacket(hex('04 12 30 39 33 30 31 32 32 34 36 30 39 35 35 35 31 32 31 32 51'));
    expect(r.ok && r.cid).toMatchObject({ format: 'sdmf', date: '0930', time: '1224', number: '6095551212', absence: null });
  });
  test('SDMF blocked: corrected 0E accepted, the published 12 rejected', () => {
    expect(decodeCallerIdPacket(hex('04 09 30 39 33 30 31 32 32 34 50 0E'))).toMatchObject({ ok: true, cid: { absence: 'private', number: null } });
    expect(decodeCallerIdPacket(hex('04 09 30 39 33 30 31 32 32 34 50 12'))).toEqual({ ok: false, reason: 'checksum' });
  });
  test('MDMF name before number: corrected 84 accepted, published 7D rejected', () => {
    const good = hex('80 20 01 08 30 33 32 34 30 39 30 32 07 08 4A 4F 48 4E 20 44 4F 45 02 0A 38 30 30 35 35 35 31 32 31 32 84');
    expect(decodeCallerIdPacket(good)).toMatchObject({ ok: true, cid: { format: 'mdmf', name: 'JOHN DOE', number: '8005551212', date: '0324', time: '0902' } });
    expect(decodeCallerIdPacket(good.slice(0, -2) + '7D')).toEqual({ ok: false, reason: 'checksum' });
  });
  test('USR example with corrected length', () => {
    const r = decodeCallerIdPacket('802401083130313532303338020A37303835353530303031070C552E532E524F424F5449435338');
    expect(r).toMatchObject({ ok: true, cid: { number: '7085550001', name: 'U.S.ROBOTICS', date: '1015', time: '2038' } });
    // As printed in the manual (length 0x1E): rejected.
    expect(decodeCallerIdPacket('801E01083130313532303338020A37303835353530303031070C552E532E524F424F5449435322').ok).toBe(false);
  });
  test('MDMF private number and name; out of area', () => {
    expect(decodeCallerIdPacket(hex('80 10 01 08 30 31 30 31 31 32 30 30 04 01 50 08 01 50 34'))).toMatchObject({
      ok: true,
      cid: { absence: 'private', number: null, name: null },
    });
    expect(decodeCallerIdPacket(hex('80 10 01 08 30 31 30 31 31 32 30 30 04 01 4F 08 01 4F 36'))).toMatchObject({ ok: true, cid: { absence: 'unavailable' } });
  });
  test('ETSI call set-up with call type', () => {
    const r = decodeCallerIdPacket(
      hex('80 26 11 01 01 01 08 31 30 30 31 31 37 35 30 02 0B 30 32 30 37 31 32 33 34 35 36 37 07 0A 4A 4F 48 4E 20 53 4D 49 54 48 88'),
    );
    expect(r).toMatchObject({ ok: true, cid: { number: '02071234567', name: 'JOHN SMITH', date: '1001', time: '1750', extras: { 'call-type': '01' } } });
  });
  test('generated MDMF packets round-trip; any corrupted byte is rejected', () => {
    let seed = 7;
    const rnd = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    for (let k = 0; k < 200; k++) {
      const number = Array.from({ length: 7 + rnd(8) }, () => String(rnd(10))).join('');
      const name = Array.from({ length: 1 + rnd(15) }, () => String.fromCharCode(65 + rnd(26))).join('');
      const params = [
        [0x01, Buffer.from('11231405')],
        [0x02, Buffer.from(number)],
        [0x07, Buffer.from(name)],
      ] as const;
      const body = Buffer.concat(params.map(([t, v]) => Buffer.concat([Buffer.from([t, v.length]), v])));
      const msg = Buffer.concat([Buffer.from([0x80, body.length]), body]);
      const sum = msg.reduce((a, b) => (a + b) & 0xff, 0);
      const packet = Buffer.concat([msg, Buffer.from([(256 - sum) & 0xff])]);
      expect(decodeCallerIdPacket(packet.toString('hex'))).toMatchObject({ ok: true, cid: { number, name } });
      const bad = Buffer.from(packet);
      const i = 2 + rnd(bad.length - 2);
      bad[i] = (bad[i]! + 1 + rnd(254)) & 0xff;
      expect(decodeCallerIdPacket(bad.toString('hex')).ok).toBe(false);
    }
  });
});

describe('formatted lines', () => {
  test.each([
    ['NMBR = 5045551234', [{ kind: 'number', value: '5045551234' }]],
    ['NMBR=07xxxxxxxx7'.replace(/x/g, '1'), [{ kind: 'number', value: '07111111117' }]],
    ['DDN_NMBR= 5551212', [{ kind: 'number', value: '5551212' }]],
    ['DDN = 5551212', [{ kind: 'number', value: '5551212' }]],
    ['NMBR = P', [{ kind: 'absence', value: 'private' }]],
    ['NMBR = PRIVATE', [{ kind: 'absence', value: 'private' }]],
    ['NMBR = Restricted', [{ kind: 'absence', value: 'private' }]],
    ['NMBR = O', [{ kind: 'absence', value: 'unavailable' }]],
    ['NMBR = 0000000000', [{ kind: 'absence', value: 'unavailable' }]],
    ['NAME = A N OTHER', [{ kind: 'name', value: 'A N OTHER' }]],
    ['NAME = PrivDirOff', [{ kind: 'name-absence', value: 'private' }]],
    ['NAME = Vähälä', [{ kind: 'name', value: 'Vähälä' }]],
    ['DATE = 0321', [{ kind: 'date', value: '0321' }]],
    ['DATE =', []],
    ['TIME = 12541', [{ kind: 'time', value: '1254' }]],
    [
      'DATE TIME=01/06 14:15',
      [
        { kind: 'date', value: '0106' },
        { kind: 'time', value: '1415' },
      ],
    ],
    ['MESG = 110101', [{ kind: 'extra', key: 'call-type', value: 'voice' }]],
    ['MESG = 06014C', [{ kind: 'extra', key: 'qualifier', value: 'long-distance' }]],
    ['MESG = 030735353531323132', [{ kind: 'extra', key: 'dialable-number', value: '5551212' }]],
    ['CALLER NUMBER: 5551234', [{ kind: 'number', value: '5551234' }]],
    ['REASON FOR NO CALLER NUMBER: P', [{ kind: 'absence', value: 'private' }]],
    ['+CLIP: "09121234567",129,,,,0', [{ kind: 'number', value: '09121234567' }]],
    ['\x10.\x10XNAME = JOHN', [{ kind: 'name', value: 'JOHN' }]],
    ['ERRM', [{ kind: 'error' }]],
  ])('%j', (line, fields) => {
    expect(parseCallerIdLine(line)).toEqual(fields);
  });
  test('ordinary modem lines are not caller ID', () => {
    for (const l of ['RING', 'OK', 'CONNECT', '56000', 'NO CARRIER', 'DRON=5', '0,"SIGNED PCM",8,0,8000,0,0']) expect(parseCallerIdLine(l)).toBeNull();
  });
});

describe('DTMF caller ID', () => {
  test('formats of Annex C', () => {
    expect(parseDtmfCallerId('A0612345678C')).toMatchObject({ number: '0612345678', format: 'dtmf' });
    expect(parseDtmfCallerId('A0612345678D0698765432C')).toMatchObject({ number: '0612345678', extras: { 'redirecting-number': '0698765432' } });
    expect(parseDtmfCallerId('AB10C')).toMatchObject({ number: null, absence: 'private' });
    expect(parseDtmfCallerId('AB00C')).toMatchObject({ absence: 'unavailable' });
    expect(parseDtmfCallerId('A12345678#')).toMatchObject({ number: '12345678' });
    expect(parseDtmfCallerId('D1#')).toMatchObject({ absence: 'private' });
    expect(parseDtmfCallerId('D0287654321C')).toMatchObject({ number: '0287654321' });
    expect(parseDtmfCallerId('12345678#')).toMatchObject({ number: '12345678' });
    expect(parseDtmfCallerId('A1234')).toBeNull();
  });
});

describe('assembler: one caller ID per call', () => {
  function setup() {
    const t = manualTimers();
    const got: CallerId[] = [];
    const a = new CallerIdAssembler({ timers: t.timers }, (c) => got.push(c));
    return { t, got, a };
  }
  test('the vgetty capture: RING, DATE, TIME, NMBR, NAME, RING', () => {
    const { got, a } = setup();
    a.ring(1);
    for (const l of ['DATE = 0321', 'TIME = 1405', 'NMBR = 5045551234', 'NAME = A N OTHER']) expect(a.line(l)).toBe(true);
    a.ring(2);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ number: '5045551234', name: 'A N OTHER', date: '0321', time: '1405', format: 'formatted' });
  });
  test('UK: no NAME, before the first ring → committed at ring 1', () => {
    const { got, a } = setup();
    ['DATE = 0124', 'TIME = 1534', 'NMBR = 02071234123'].forEach((l) => a.line(l));
    expect(got).toHaveLength(0);
    a.ring(1);
    expect(got).toMatchObject([{ number: '02071234123', name: null }]);
  });
  test('no NAME and no further ring: committed after settleMs', () => {
    const { got, a, t } = setup();
    a.ring(1);
    a.line('NMBR=09121234567');
    t.advance(499);
    expect(got).toHaveLength(0);
    t.advance(1);
    expect(got).toHaveLength(1);
  });
  test('nothing by ring 2 → absence none; a bad packet counts as nothing', () => {
    const { got, a } = setup();
    a.ring(1);
    expect(a.line('80200108303332343039303207084A4F484E20444F45020A383030353535313231327D')).toBe(true);
    a.ring(2);
    a.ring(3);
    expect(got).toMatchObject([{ absence: 'none', format: 'none', number: null }]);
    a.reset();
    a.line('NMBR = P');
    a.line('NAME = P');
    expect(got[1]).toMatchObject({ absence: 'private' });
  });
  test('MESG before DATE (BT) is kept in extras; unformatted packet commits at once', () => {
    const { got, a } = setup();
    a.line('MESG = 110101');
    a.line('DATE = 1001');
    a.line('NMBR = 02071234567');
    a.line('NAME = JOHN SMITH');
    expect(got[0]).toMatchObject({ extras: { 'call-type': 'voice' }, name: 'JOHN SMITH' });
    a.reset();
    a.line('0412303933303132323436303935353531323132' + '51');
    expect(got[1]).toMatchObject({ format: 'sdmf', number: '6095551212' });
  });
  test('DTMF digits before the first ring', () => {
    const { got, a } = setup();
    for (const d of 'A09121234567C') a.dtmf(d);
    expect(got).toMatchObject([{ format: 'dtmf', number: '09121234567' }]);
  });
});

describe('issue 13: caller ID that went missing or disagreed', () => {
  function setup() {
    const t = manualTimers();
    const got: CallerId[] = [];
    const a = new CallerIdAssembler({ timers: t.timers }, (c) => got.push(c));
    return { t, got, a };
  }
  const packet = (type: number, params: [number, Buffer][]) => {
    const body = Buffer.concat(params.map(([p, v]) => Buffer.concat([Buffer.from([p, v.length]), v])));
    const msg = Buffer.concat([Buffer.from([type, body.length]), body]);
    const sum = msg.reduce((x, b) => (x + b) & 0xff, 0);
    return Buffer.concat([msg, Buffer.from([(256 - sum) & 0xff])])
      .toString('hex')
      .toUpperCase();
  };

  test('DTMF caller ID without its end marker keeps its digits at the first ring', () => {
    for (const [digits, number] of [
      ['A09121234567', '09121234567'],
      ['D0287654321', '0287654321'],
      ['A0612345678D0698765432', '0612345678'],
    ] as const) {
      const { got, a } = setup();
      for (const d of digits) a.dtmf(d);
      a.ring(1);
      a.ring(2);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({ format: 'dtmf', number, absence: null, extras: { 'dtmf-end': 'missing' } });
    }
    const { got, a } = setup();
    a.dtmf('A'); // a start marker and nothing else is no caller ID
    a.ring(1);
    a.ring(2);
    expect(got).toMatchObject([{ absence: 'none' }]);
  });

  test('caller ID that completes after the second ring updates the call: none first, then the number, once', () => {
    const { got, a, t } = setup();
    a.ring(1);
    a.ring(2);
    expect(got).toMatchObject([{ absence: 'none', number: null }]);
    a.line('DATE = 0321');
    a.line('NMBR = 09121234567');
    a.line('NAME = ALI REZAEI');
    expect(got).toHaveLength(2);
    expect(got[1]).toMatchObject({ number: '09121234567', name: 'ALI REZAEI', absence: null, format: 'formatted', date: '0321' });
    a.ring(3);
    a.line('NMBR = 09121234567'); // a repeat after the real one is not another caller ID
    t.advance(2000);
    expect(got).toHaveLength(2);
    // A late number without NAME settles at the next ring or after settleMs.
    const b = setup();
    b.a.ring(1);
    b.a.ring(2);
    b.a.line('NMBR=02188776655');
    b.t.advance(500);
    expect(b.got.map((c) => c.number)).toEqual([null, '02188776655']);
    // A late unformatted packet too.
    const c = setup();
    c.a.ring(1);
    c.a.ring(2);
    c.a.line('0412303933303132323436303935353531323132' + '51');
    expect(c.got.map((x) => x.number)).toEqual([null, '6095551212']);
  });

  test('MDMF: an empty number says why it is absent; the dialable number alone is the number, as DDN_NMBR is', () => {
    const empty = decodeCallerIdPacket(
      packet(0x80, [
        [0x01, Buffer.from('03240902')],
        [0x02, Buffer.alloc(0)],
        [0x07, Buffer.from('JOHN')],
      ]),
    );
    expect(empty).toMatchObject({ ok: true, cid: { number: null, absence: 'unavailable', name: 'JOHN' } });
    const ddn = decodeCallerIdPacket(
      packet(0x80, [
        [0x01, Buffer.from('03240902')],
        [0x03, Buffer.from('5551212')],
      ]),
    );
    expect(ddn).toMatchObject({ ok: true, cid: { number: '5551212', absence: null } });
    expect(parseCallerIdLine('DDN_NMBR= 5551212')).toEqual([{ kind: 'number', value: '5551212' }]);
    expect(parseCallerIdLine('NMBR =')).toEqual([{ kind: 'absence', value: 'unavailable' }]); // the text path agrees on an empty number
    // With both, the calling number (0x02) is the number and the dialable one stays beside it.
    const both = decodeCallerIdPacket(
      packet(0x80, [
        [0x02, Buffer.from('2125551212')],
        [0x03, Buffer.from('5551212')],
      ]),
    );
    expect(both).toMatchObject({ ok: true, cid: { number: '2125551212', extras: { 'dialable-number': '5551212' } } });
    // MESG carrying parameter 03 alone is the number, as the packet path reads it.
    const { got, a } = setup();
    a.line('DATE = 0324');
    a.line('MESG = 030735353531323132');
    a.ring(1);
    expect(got).toMatchObject([{ number: '5551212' }]);
  });

  test('a truncated packet is reported as truncated, not as a checksum error', () => {
    const full = packet(0x80, [
      [0x01, Buffer.from('03240902')],
      [0x02, Buffer.from('8005551212')],
      [0x07, Buffer.from('JOHN DOE')],
    ]);
    const cut = full.slice(0, -12);
    expect(decodeCallerIdPacket(cut)).toEqual({ ok: false, reason: 'truncated' });
    expect(parseCallerIdLine(cut)).toEqual([{ kind: 'packet', hex: cut, ok: false, reason: 'truncated' }]);
    const { got, a } = setup();
    a.ring(1);
    a.line(cut);
    a.ring(2);
    expect(got).toMatchObject([{ absence: 'none', extras: { error: 'truncated' } }]);
    const bad = setup();
    bad.a.ring(1);
    bad.a.line(full.slice(0, -2) + '00');
    bad.a.ring(2);
    expect(bad.got).toMatchObject([{ absence: 'none', extras: { error: 'checksum' } }]);
  });

  test('formatted lines read as bytes: a UTF-8 name is decoded, Latin-1 stays Latin-1', () => {
    const asBytes = (s: string, enc: BufferEncoding) => String.fromCharCode(...Buffer.from(s, enc)); // what the AT channel hands over
    expect(parseCallerIdLine(asBytes('NAME = علی رضایی', 'utf8'))).toEqual([{ kind: 'name', value: 'علی رضایی' }]);
    expect(parseCallerIdLine(asBytes('NAME = Vähälä', 'utf8'))).toEqual([{ kind: 'name', value: 'Vähälä' }]);
    expect(parseCallerIdLine(asBytes('NAME = Vähälä', 'latin1'))).toEqual([{ kind: 'name', value: 'Vähälä' }]);
    expect(parseCallerIdLine(asBytes('CALLER NAME: Müller', 'utf8'))).toEqual([{ kind: 'name', value: 'Müller' }]);
  });
});
