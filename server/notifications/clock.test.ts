import { expect, test } from 'vitest';
import { addDays, instantOf, latestSlot, localTime, nextSlot } from './clock.js';

test('Copenhagen wall-clock times in winter and summer, and across the changeovers', () => {
  expect(instantOf('2026-12-07', 7).toISOString()).toBe('2026-12-07T06:00:00.000Z');
  expect(instantOf('2026-06-01', 7).toISOString()).toBe('2026-06-01T05:00:00.000Z');
  // 29 March 2026 02:00 became 03:00; 25 October 2026 03:00 became 02:00.
  expect(instantOf('2026-03-29', 7).toISOString()).toBe('2026-03-29T05:00:00.000Z');
  expect(instantOf('2026-10-25', 7).toISOString()).toBe('2026-10-25T06:00:00.000Z');
  expect(localTime(new Date('2026-12-06T23:30:00Z'))).toMatchObject({ date: '2026-12-07', weekday: 1, hour: 0, minute: 30 });
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
});

test('the daily and weekly sending times: 07:00, Mondays for weekly', () => {
  // Saturday 5 December 2026, 10:00 Copenhagen.
  const saturday = new Date('2026-12-05T09:00:00Z');
  expect(latestSlot(saturday, 'DAILY').toISOString()).toBe('2026-12-05T06:00:00.000Z');
  expect(latestSlot(saturday, 'WEEKLY').toISOString()).toBe('2026-11-30T06:00:00.000Z');
  expect(nextSlot(saturday, 'DAILY').toISOString()).toBe('2026-12-06T06:00:00.000Z');
  expect(nextSlot(saturday, 'WEEKLY').toISOString()).toBe('2026-12-07T06:00:00.000Z');
  // Monday before seven: last week's Monday is the latest, today's the next.
  const early = new Date('2026-12-07T05:59:00Z');
  expect(latestSlot(early, 'WEEKLY').toISOString()).toBe('2026-11-30T06:00:00.000Z');
  expect(nextSlot(early, 'WEEKLY').toISOString()).toBe('2026-12-07T06:00:00.000Z');
  expect(latestSlot(new Date('2026-12-07T06:00:00Z'), 'WEEKLY').toISOString()).toBe('2026-12-07T06:00:00.000Z');
});
