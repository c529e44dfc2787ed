/** Caller ID of an incoming INVITE: P-Asserted-Identity, then Remote-Party-ID, then From; withheld is 'private'. */
import { sipCallerId } from '../../../src/telephony/sip/signalling/sip-caller-id';

const headers = (h: Record<string, string>) => ({
  get: (name: string) =>
    Object.entries(h)
      .filter(([k]) => k.toLowerCase() === name.toLowerCase())
      .map(([, v]) => v),
});

test('P-Asserted-Identity wins over From; the display name comes with it', () => {
  const cid = sipCallerId(headers({ From: '"Front" <sip:200@pbx.local>;tag=1', 'P-Asserted-Identity': '"Reza Ahmadi" <sip:+982188776655@pbx.local>' }));
  expect(cid).toMatchObject({ number: '+982188776655', name: 'Reza Ahmadi', absence: null, extras: { source: 'P-Asserted-Identity', from: '200' } });
});

test('a tel: URI and a PAI without a name: the name is taken from From', () => {
  const cid = sipCallerId(headers({ From: 'Sara <sip:09121234567@pbx>;tag=x', 'P-Asserted-Identity': '<tel:09121234567>' }));
  expect(cid).toMatchObject({ number: '09121234567', name: 'Sara', absence: null });
});

test('Remote-Party-ID when there is no PAI; privacy=full withholds it', () => {
  expect(sipCallerId(headers({ From: '<sip:1@x>;tag=1', 'Remote-Party-ID': '"Ali" <sip:02155556666@x>;party=calling;screen=yes' }))).toMatchObject({
    number: '02155556666',
    name: 'Ali',
    extras: { source: 'Remote-Party-ID' },
  });
  expect(sipCallerId(headers({ From: '<sip:anonymous@anonymous.invalid>;tag=1', 'Remote-Party-ID': '<sip:0215@x>;privacy=full' }))).toMatchObject({
    number: null,
    name: null,
    absence: 'private',
  });
});

test('From only, with a quoted name holding an escaped quote', () => {
  const cid = sipCallerId(headers({ From: '"Dr \\"K\\"" <sip:1001@127.0.0.1>;tag=abc' }));
  expect(cid).toMatchObject({ number: '1001', name: 'Dr "K"', extras: { source: 'From' } });
});

test('withheld: an anonymous From, or Privacy: id even when the PBX asserts the number', () => {
  expect(sipCallerId(headers({ From: '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1' }))).toMatchObject({ number: null, name: null, absence: 'private' });
  const asserted = sipCallerId(headers({ From: '<sip:1001@x>;tag=1', 'P-Asserted-Identity': '<sip:1001@x>', Privacy: 'id' }));
  expect(asserted).toMatchObject({ number: null, absence: 'private' });
});
