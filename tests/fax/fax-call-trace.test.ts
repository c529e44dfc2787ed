/**
 * The live progress a fax call shows, read from the T.30 engine's own words (the texts below are the
 * ones src/fax/t30 logs): the page and the rate, including a rate lowered by CTC in ECM, both ways.
 */
import { faxCallTrace } from '../../src/main/fax/fax-call-trace';
import type { FaxProgress } from '../../src/main/fax/fax-calls';

const run = (texts: string[]) => {
  const seen: FaxProgress[] = [];
  const t = faxCallTrace(
    0,
    () => 0,
    2,
    (p) => seen.push(p),
  );
  for (const text of texts) t.event({ dir: 'info', text });
  return seen.map((p) => `${p.stage} ${p.page} ${p.bps}`);
};

it('sending with ECM: each block shows its page and rate; after CTC the lower rate shows at once', () => {
  expect(
    run([
      'training at 14400 (v17)',
      'page 1 block 0: 256 of 256 frames at 14400',
      'page 1 block 0: 3 of 256 frames at 14400',
      'page 1 block 0: 3 of 256 frames still bad after 4 PPRs: CTC, on at 12000',
      'page 1 block 0: 3 of 256 frames at 12000',
      'page 2 block 0: 200 of 200 frames at 12000',
    ]),
  ).toEqual(['handshake 0 14400', 'page 1 14400', 'page 1 14400', 'page 1 12000', 'page 2 12000']);
});

it('sending without ECM, and receiving: the page and rate as trained, then the CTC rate', () => {
  expect(run(['training at 9600 (v29)', 'page 1/2 at 9600', 'page 2/2 at 7200'])).toEqual(['handshake 0 9600', 'page 1 9600', 'page 2 7200']);
  expect(run(['TCF at 14400: good', 'ECM: CTC, the transmitter goes on at 12000'])).toEqual(['page 1 14400', 'page 1 12000']);
});
