/**
 * The demo line's far fax machine (src/main/fax/demo-fax-machine.ts) with fax calls on lines
 * (fax-lines.ts): the real voice-modem driver over the simulator's Class 1, our T.30 on both ends.
 * A fax sent to the demo's fax number is received by the far end (it counts the pages), and a demo
 * call from a fax machine, answered as fax, brings in the sample page.
 */
import { createDemoLine } from '../../src/telephony';
import { attachDemoFaxMachine, DEMO_FAX_NUMBER } from '../../src/main/fax/demo-fax-machine';
import { createFaxLines } from '../../src/main/fax/fax-lines';
import { textPage } from '../helpers/fax-pages';
import { waitFor } from '../helpers/wait';

jest.setTimeout(60_000);

const log = { info: () => undefined, error: () => undefined };

it('sends to the demo fax number (the far end gets the pages) and receives the demo fax machine’s sample page', async () => {
  const { line, sim } = createDemoLine('line-1');
  const far = attachDemoFaxMachine(sim, (e) => {
    throw e;
  });
  await line.start();
  await waitFor(() => line.info().status === 'idle' || undefined, { timeoutMs: 20_000 });
  const fax = createFaxLines({ lines: () => [{ id: 1, name: 'Demo', line }], now: () => Date.now(), localId: () => 'OFFICE', log });
  try {
    expect(fax.available()).toEqual([{ lineId: '1', name: 'Demo', busy: false }]);
    const pages = [textPage(1728, 200, 61), textPage(1728, 150, 62)].map((bitmap) => ({ bitmap, fine: false }));
    const sent = await fax.send({ lineId: '1', dial: DEMO_FAX_NUMBER, pages, localId: 'OFFICE', ecm: false });
    expect(sent).toMatchObject({ ok: true, pages: 2, remoteId: DEMO_FAX_NUMBER });
    await waitFor(() => far.receivedPages === 2 || undefined);
    expect(far.receivedFaxes).toBe(1);

    await waitFor(() => line.info().status === 'idle' || undefined, { timeoutMs: 20_000 });
    sim.ring({ number: '02155550100', fax: true, rings: 0 });
    await waitFor(() => line.info().status === 'ringing' || undefined, { timeoutMs: 20_000 });
    const got = await fax.receiveOn(1, 'answer', { callId: null, callerNumber: '02155550100' });
    expect(got!.report).toMatchObject({ ok: true, pages: 1, remoteId: DEMO_FAX_NUMBER });
    expect(got!.pages[0]!.bitmap.width).toBe(1728);
    // The sample page has ink on it (the drawn cover page), not a blank.
    expect(got!.pages[0]!.bitmap.data.some((b) => b !== 0)).toBe(true);
  } finally {
    await line.close();
  }
});
