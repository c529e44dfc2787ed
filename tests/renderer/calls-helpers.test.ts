/**
 * The pure parts of the Calls screens: report ranges (Iranian weeks, Jalali months and years),
 * chart axes, durations, and the call bar's store that must never step a call back to 'dialing'.
 */
import type { CallRow } from '../../src/shared/contract/calls';
import { forgetCall, isTracked, trackCall, trackedCalls } from '../../src/renderer/calls/active-calls.store';
import { formatDuration, isInProgress, isUnreturnedMiss, toneOf } from '../../src/renderer/calls/call-format';
import { labelEvery, niceStep, ticksFor } from '../../src/renderer/calls/chart-scale';
import { addDays, presetRange, weekStart } from '../../src/renderer/lib/date-ranges';

// Local noon, so the local calendar day is the intended one in any time zone.
const at = (iso: string) => new Date(`${iso}T12:00:00`);

describe('report ranges', () => {
  it('starts the week on Saturday and ends it on Friday', () => {
    // 2025-03-20 was a Thursday (the eve of Nowruz 1404).
    expect(weekStart('2025-03-20')).toBe('2025-03-15');
    expect(weekStart('2025-03-15')).toBe('2025-03-15'); // a Saturday is its own week's start
    expect(weekStart('2025-03-21')).toBe('2025-03-15'); // Friday closes the week
    expect(weekStart('2025-03-22')).toBe('2025-03-22');
    expect(presetRange('week', at('2025-03-20'), 'jalali')).toEqual({ from: '2025-03-15', to: '2025-03-21' });
  });

  it('takes Jalali months and years with the Jalali calendar', () => {
    // 1 Farvardin 1404 = 2025-03-21; Esfand 1403 has 30 days (1403 is a leap year).
    expect(presetRange('month', at('2025-04-01'), 'jalali')).toEqual({ from: '2025-03-21', to: '2025-04-20' });
    expect(presetRange('lastMonth', at('2025-04-01'), 'jalali')).toEqual({ from: '2025-02-19', to: '2025-03-20' });
    expect(presetRange('year', at('2025-04-01'), 'jalali')).toEqual({ from: '2025-03-21', to: '2026-03-20' });
    // Mehr has 30 days, Shahrivar 31.
    expect(presetRange('month', at('2025-10-05'), 'jalali')).toEqual({ from: '2025-09-23', to: '2025-10-22' });
  });

  it('takes Gregorian months and years with the Gregorian calendar', () => {
    expect(presetRange('month', at('2024-02-10'), 'gregorian')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('lastMonth', at('2024-01-10'), 'gregorian')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
    expect(presetRange('year', at('2024-06-01'), 'gregorian')).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(presetRange('today', at('2024-06-01'), 'gregorian')).toEqual({ from: '2024-06-01', to: '2024-06-01' });
  });

  it('counts days in UTC, so a daylight-saving change never loses one', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addDays('2024-10-26', 1)).toBe('2024-10-27');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('chart axes', () => {
  it('steps by 1, 2 or 5 × 10ⁿ and tops the axis at or above the maximum', () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(180)).toBe(50);
    expect(ticksFor(0)).toEqual([0, 1]);
    expect(ticksFor(3)).toEqual([0, 1, 2, 3]);
    expect(ticksFor(7)).toEqual([0, 2, 4, 6, 8]);
    expect(ticksFor(180)).toEqual([0, 50, 100, 150, 200]);
  });

  it('labels every n-th bar so labels never overlap', () => {
    expect(labelEvery(40, 34)).toBe(1);
    expect(labelEvery(20, 34)).toBe(2);
    expect(labelEvery(2, 34)).toBe(30); // a year of days: one label a month
  });
});

describe('call display', () => {
  it('formats durations as m:ss or h:mm:ss and never negative', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65.9)).toBe('01:05');
    expect(formatDuration(3600 + 62)).toBe('1:01:02');
    expect(formatDuration(-5)).toBe('00:00');
  });

  it('tells calls in progress, unreturned misses and tones apart', () => {
    expect(isInProgress({ outcome: 'answered', endedAt: null })).toBe(true);
    expect(isInProgress({ outcome: 'answered', endedAt: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(isInProgress({ outcome: 'missed', endedAt: null })).toBe(false);
    expect(isUnreturnedMiss({ direction: 'in', outcome: 'missed', returnedAt: null })).toBe(true);
    expect(isUnreturnedMiss({ direction: 'in', outcome: 'missed', returnedAt: '2025-01-01T00:00:00Z' })).toBe(false);
    expect(toneOf('out', 'busy')).toBe('failed');
    expect(toneOf('in', 'ivr')).toBe('in');
    expect(toneOf('out', 'dialing')).toBe('live');
  });
});

describe('the call bar store', () => {
  const call = (patch: Partial<CallRow>): CallRow => ({
    id: 7,
    lineId: 1,
    lineName: 'demo',
    direction: 'out',
    outcome: 'dialing',
    startedAt: '2025-01-01T10:00:00.000Z',
    ringMs: 0,
    answeredAt: null,
    endedAt: null,
    durationS: 0,
    numberRaw: '09121234567',
    numberKey: '989121234567',
    numberDisplay: '0912 123 4567',
    callerName: '',
    absence: null,
    contactId: null,
    contactName: null,
    returnedAt: null,
    returnDismissed: false,
    recordingId: null,
    ...patch,
  });

  it('keeps the later stage when a dial answer arrives after the connected event', () => {
    trackCall(call({ outcome: 'connected', answeredAt: '2025-01-01T10:00:03.000Z' }));
    trackCall(call({ outcome: 'dialing' }));
    expect(trackedCalls().map((c) => c.outcome)).toEqual(['connected']);
    trackCall(call({ outcome: 'answered', endedAt: '2025-01-01T10:01:00.000Z', durationS: 57 }));
    trackCall(call({ outcome: 'connected' })); // a late, older update
    expect(trackedCalls().map((c) => [c.outcome, c.durationS])).toEqual([['answered', 57]]);
    trackCall(call({ id: 8 }));
    expect(trackedCalls().map((c) => c.id)).toEqual([7, 8]);
    forgetCall(8);
    forgetCall(7);
    expect(isTracked(7)).toBe(false);
  });
});
