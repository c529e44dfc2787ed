/**
 * The demo line's far fax machine: our own T.30 engine on the simulator's far end (sim.onFaxMachine),
 * so a user without a modem can try fax. A fax we send to one of the demo's fax numbers is received
 * there and counted (kept in memory only: the demo office has no far desk to file it); a demo call
 * "from a fax machine" (the demo panel) sends a sample page — a cover page drawn by the fax pages code;
 * a demo caller who presses Start to receive (the demo panel, fax-on-demand) receives and counts too.
 */
import type { ModemSimulator } from '../../telephony';
import { receiveFax } from '../../fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../fax/t30/t30-transmit';
import { renderCover } from './pages/cover-page';

/** The number a demo line's fax calls reach a fax machine at (shown in the demo panel). */
export const DEMO_FAX_NUMBER = '5550100';

export type DemoFaxMachine = { readonly receivedPages: number; readonly receivedFaxes: number };

const clock = { now: () => Date.now() };
type SimFaxFarEnd = Parameters<Parameters<ModemSimulator['onFaxMachine']>[0]>[0];

async function samplePages(): Promise<SendPage[]> {
  const page = await renderCover(
    { to: 'Monshi', from: 'Demo fax machine', subject: 'A sample fax', note: 'This page was sent by the demo line’s simulated fax machine.' },
    { lang: 'en', calendar: 'gregorian', when: new Date(), pages: 1, format: { paper: 'a4', resolution: 'standard' } },
  );
  return [{ bitmap: page.bitmap, fine: false }];
}

export function attachDemoFaxMachine(sim: ModemSimulator, onError: (e: unknown) => void): DemoFaxMachine {
  const state = { receivedPages: 0, receivedFaxes: 0 };
  sim.addFaxNumber(DEMO_FAX_NUMBER);
  const run = async (end: SimFaxFarEnd) => {
    // The called machine, or a caller who pressed Start to receive (fax-on-demand), takes pages.
    if (end.receives) {
      const got = await receiveFax({ port: end, clock, localId: DEMO_FAX_NUMBER, capabilities: { ecm: true } });
      state.receivedFaxes++;
      state.receivedPages += got.pages;
    } else {
      await transmitFax({ port: end, clock, localId: DEMO_FAX_NUMBER, pages: await samplePages() });
    }
    end.hangUp();
  };
  sim.onFaxMachine((end) => {
    run(end).catch((e: unknown) => {
      end.hangUp();
      onError(e);
    });
  });
  return state;
}
