import { describe, expect, test } from 'vitest';
import { columnOf, fold, listItems, NameIndex, parseCapacity, parseDate, parseSchedule, parseStatus, scheduleText } from './sheet.js';

describe('sheet cells as people write them', () => {
  test('headers match without regard to case, spaces or accents, in Danish and English', () => {
    for (const header of ['Målgrupper', 'MAALGRUPPER', 'malgrupper', ' Mål grupper ', 'Target groups']) expect(columnOf(header)).toBe('targetGroups');
    expect(columnOf('Indsatsområde')).toBe('themes');
    expect(columnOf('Omrader')).toBe('areas');
    expect(columnOf('Start date')).toBe('startDate');
    expect(columnOf('Bemærkning')).toBeUndefined();
    expect(fold('Bøgeparken')).toBe(fold('Boegeparken'));
    expect(fold('Skt. Klemens')).toBe(fold('skt klemens'));
  });

  test('dates: Excel dates and serials, Danish numeric forms, ISO, and Danish month names', () => {
    const date = (value: Parameters<typeof parseDate>[0]) => {
      const parsed = parseDate(value);
      return parsed.ok ? parsed.value : parsed.message;
    };
    expect(date('1.2.2026')).toBe('2026-02-01');
    expect(date('01-02-2026')).toBe('2026-02-01');
    expect(date('1/2/26')).toBe('2026-02-01');
    expect(date('2026-02-01')).toBe('2026-02-01');
    expect(date('1. februar 2026')).toBe('2026-02-01');
    expect(date('1 feb. 2026')).toBe('2026-02-01');
    expect(date(new Date(Date.UTC(2026, 1, 1)))).toBe('2026-02-01');
    expect(date(46054)).toBe('2026-02-01');
    expect(date(null)).toBeNull();
    expect(date('30.2.2026')).toMatch(/ikke en dato i kalenderen/);
    expect(date('snart')).toMatch(/"snart" er ikke en dato; skriv fx/);
  });

  test('weekly schedules: several slots, several days, "kl.", and a clear message for what cannot be read', () => {
    const slots = parseSchedule('tirsdag 15.30-17.00; torsdag 15.30-17.00');
    expect(slots).toEqual({
      ok: true,
      value: [
        { weekday: 'TUESDAY', startTime: '15:30', endTime: '17:00' },
        { weekday: 'THURSDAY', startTime: '15:30', endTime: '17:00' },
      ],
    });
    expect(parseSchedule('man og ons kl. 10-12')).toEqual({
      ok: true,
      value: [
        { weekday: 'MONDAY', startTime: '10:00', endTime: '12:00' },
        { weekday: 'WEDNESDAY', startTime: '10:00', endTime: '12:00' },
      ],
    });
    expect(parseSchedule('Lørdag 9:00 - 13:00\nsøndag 9-13')).toMatchObject({ ok: true, value: [{ weekday: 'SATURDAY' }, { weekday: 'SUNDAY' }] });
    expect(parseSchedule('hver anden uge')).toMatchObject({ ok: false, message: expect.stringMatching(/kan ikke læses som ugedag og tidsrum/) });
    expect(parseSchedule('mandag 10-12; mandag 11-13')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/overlapper: 10\.00-12\.00 og 11\.00-13\.00/),
    });
    const written = scheduleText([{ weekday: 'TUESDAY' as never, startTime: '15:30:00', endTime: '17:00:00' }]);
    expect(written).toBe('tirsdag 15.30-17.00');
    expect(parseSchedule(written)).toMatchObject({ ok: true, value: [{ weekday: 'TUESDAY', startTime: '15:30', endTime: '17:00' }] });
  });

  test('status, capacity and lists', () => {
    expect(parseStatus('I gang')).toEqual({ ok: true, value: 'RUNNING' });
    expect(parseStatus('sat på pause')).toEqual({ ok: true, value: 'PAUSED' });
    expect(parseStatus('CANCELLED')).toEqual({ ok: true, value: 'CANCELLED' });
    expect(parseCapacity('1.200 pladser', 100_000)).toEqual({ ok: true, value: 1200 });
    expect(parseCapacity(12.5, 100)).toMatchObject({ ok: false });
    expect(listItems('Unge 13-17; Seniorer')).toEqual(['Unge 13-17', 'Seniorer']);
    expect(listItems('Unge 13-17, Seniorer')).toEqual(['Unge 13-17', 'Seniorer']);
    expect(listItems('Børn, Unge og Familie', (whole) => whole === 'Børn, Unge og Familie')).toEqual(['Børn, Unge og Familie']);
  });

  test('names by code or name, accents aside; an unknown one gets the closest names', () => {
    const index = new NameIndex(
      [
        { id: 1, code: 'unge', name: 'Unge 13-17' },
        { id: 2, code: 'unge-18-29', name: 'Unge 18-29 uden uddannelse' },
        { id: 3, code: 'seniorer', name: 'Seniorer' },
      ],
      'målgruppe',
    );
    expect(index.find('UNGE')).toMatchObject({ ok: true, value: { id: 1 } });
    expect(index.find('unge 13-17')).toMatchObject({ ok: true, value: { id: 1 } });
    expect(index.find('Senior')).toEqual({ ok: false, message: 'Ukendt målgruppe "Senior"; mente du "Seniorer"?' });
    expect(index.find('Cyklister')).toEqual({ ok: false, message: 'Ukendt målgruppe "Cyklister"' });
  });
});
