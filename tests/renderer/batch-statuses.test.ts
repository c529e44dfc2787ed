/** The statuses a selection of cheques can take together, and the counts that explain an empty choice. */
import { commonStatuses, statusCounts } from '../../src/renderer/cheques/batch-statuses';

describe('batch statuses', () => {
  test('received cheques on hand and deposited share cashed and bounced', () => {
    expect(
      commonStatuses([
        { direction: 'received', status: 'on_hand' },
        { direction: 'received', status: 'on_hand' },
      ]),
    ).toEqual(['deposited', 'cashed', 'endorsed', 'bounced', 'returned']);
    expect(
      commonStatuses([
        { direction: 'received', status: 'on_hand' },
        { direction: 'received', status: 'deposited' },
      ]),
    ).toEqual(['cashed', 'bounced']);
  });
  test('a final status, or received with paid cheques that share nothing, leaves no choice', () => {
    expect(
      commonStatuses([
        { direction: 'paid', status: 'issued' },
        { direction: 'paid', status: 'cleared' },
      ]),
    ).toEqual([]);
    expect(
      commonStatuses([
        { direction: 'received', status: 'deposited' },
        { direction: 'paid', status: 'returned' },
      ]),
    ).toEqual([]);
    expect(commonStatuses([])).toEqual([]);
  });
  test('counts per type and status, in the order met', () => {
    expect(
      statusCounts([
        { direction: 'paid', status: 'issued' },
        { direction: 'paid', status: 'cleared' },
        { direction: 'paid', status: 'issued' },
      ]),
    ).toEqual([
      { direction: 'paid', status: 'issued', count: 2 },
      { direction: 'paid', status: 'cleared', count: 1 },
    ]);
  });
});
