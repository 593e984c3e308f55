import { describe, expect, test } from 'vitest';
import { redactContacts } from './redact.js';

describe('contact data in free text is hidden from readers', () => {
  const emails = [
    'anna.holm@vollsmose.dk',
    'anna@example.dk',
    'ANNA.HOLM@KOMMUNE.DK',
    'a-h_1+nyhed@sub.kommune.dk',
    'anna＠example.dk',
    'anna(at)example.dk',
    'anna [at] example.dk',
    'anna (snabel-a) example (dot) dk',
    'søren.ærø@bolig-fyn.dk',
  ];
  const phones = [
    '65456565',
    '65 45 65 65',
    '6545 6565',
    '65-45-65-65',
    '65.45.65.65',
    '+4565456565',
    '+45 65 45 65 65',
    '+45 6545 6565',
    '+45-65-45-65-65',
    '0045 65 45 65 65',
    '(+45) 65 45 65 65',
    '65\u00A045\u00A065\u00A065',
    '+45\u00A065\u00A045\u00A065\u00A065',
    '65\u202F45\u202F65\u202F65',
    '６５４５６５６５',
    '＋45 65 45 65 65',
    '654 565 65',
    '6545 65 65',
  ];

  test.each(emails)('e-mail %s', (email) => {
    expect(redactContacts(`Skriv til ${email}, så kommer vi.`)).toBe('Skriv til [skjult], så kommer vi.');
  });

  test.each(phones)('phone %s', (phone) => {
    expect(redactContacts(`Ring på ${phone} efter kl. 16.`)).toBe('Ring på [skjult] efter kl. 16.');
    expect(redactContacts(`(${phone})`)).toBe('([skjult])');
  });

  test('years, periods, dates, times, amounts and counts are left as they are', () => {
    for (const text of [
      'Helhedsplanen løber 2027-2030.',
      'Perioden 2026–2027 og 1999 2000',
      'Mødet 01-02-2026 og 01.02.2026 kl. 15.30-17.00',
      'Budget 1.250.000 kr., 35 deltagere, 12 af 40 unge',
      'Version 2.0, postnummer 5220 Odense SØ',
      'Tlf. kommer senere; ingen nummer her',
      'Uge 12 34 deltagere',
    ]) {
      expect(redactContacts(text)).toBe(text);
    }
  });

  test('several in one text, and nothing else touched', () => {
    expect(redactContacts('Kontakt Anna (anna@x.dk, 65 45 65 65) eller Bo på +4520304050 i 2027-2030.')).toBe(
      'Kontakt Anna ([skjult], [skjult]) eller Bo på [skjult] i 2027-2030.',
    );
  });
});
