import { describe, expect, test } from 'vitest';
import { DateInputError, parseCommandDate } from './dates.js';

describe('dates on the command line', () => {
  test('Danish dates are day first, in every usual spelling, from the start of the day in Copenhagen', () => {
    for (const spelling of ['1.11.2026', '01.11.2026', '01-11-2026', '1-11-2026', '1/11/2026', '2026-11-01', ' 2026-11-01 ']) {
      expect(parseCommandDate(spelling)).toBe('2026-10-31T23:00:00.000Z');
    }
    // Summer time: midnight is 22:00 UTC.
    expect(parseCommandDate('1.7.2026')).toBe('2026-06-30T22:00:00.000Z');
    // The day summer time ends begins at +02:00.
    expect(parseCommandDate('25.10.2026')).toBe('2026-10-24T22:00:00.000Z');
  });

  test('"til og med": the last millisecond of the day', () => {
    expect(parseCommandDate('30.11.2026', { endOfDay: true })).toBe('2026-11-30T22:59:59.999Z');
    expect(parseCommandDate('31.12.2026', { endOfDay: true })).toBe('2026-12-31T22:59:59.999Z');
    expect(parseCommandDate('24.10.2026', { endOfDay: true })).toBe('2026-10-24T21:59:59.999Z');
  });

  test('a full ISO instant is taken as it is', () => {
    expect(parseCommandDate('2026-11-01T08:30:00+01:00')).toBe('2026-11-01T07:30:00.000Z');
    expect(parseCommandDate('2026-11-01T08:30Z')).toBe('2026-11-01T08:30:00.000Z');
  });

  test('impossible, ambiguous and unknown spellings are refused in Danish, never guessed', () => {
    const refused = (value: string) => {
      try {
        parseCommandDate(value);
      } catch (error) {
        expect(error).toBeInstanceOf(DateInputError);
        return (error as Error).message;
      }
      throw new Error(`${value} was accepted`);
    };
    expect(refused('31.2.2026')).toMatch(/ikke en dato, der findes/);
    expect(refused('2026-13-01')).toMatch(/ikke en dato, der findes/);
    expect(refused('1.11.26')).toMatch(/året med fire cifre/);
    expect(refused('1. november 2026')).toMatch(/ikke en dato: skriv fx 1\.11\.2026/);
    expect(refused('1.11-2026')).toMatch(/ikke en dato/);
    expect(refused('november')).toMatch(/ikke en dato/);
    expect(refused('')).toMatch(/ikke en dato/);
  });
});
