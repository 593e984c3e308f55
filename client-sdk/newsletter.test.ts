import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FULL_PER_SECTION, newsletterSections, redact, type NewsletterItem } from './newsletter.js';

const item = (kind: NewsletterItem['kind'], title: string, summary: string): NewsletterItem => ({
  kind,
  title,
  summary,
  occurredAt: '2026-11-01T00:00:00Z',
  score: 1,
  subject: null,
});

describe('redaction', () => {
  test("the newsletter tools redact with the hub's own rules: client-sdk/redact.ts is a copy of server/access/redact.ts", () => {
    expect(readFileSync(new URL('./redact.ts', import.meta.url), 'utf8')).toBe(readFileSync(new URL('../server/access/redact.ts', import.meta.url), 'utf8'));
    expect(redact('＋45 65 45 65 65 eller anna＠example.dk, 65-45-65-65, +4565456565, 65\u00A045\u00A065\u00A065')).toBe(
      '[skjult] eller [skjult], [skjult], [skjult], [skjult]',
    );
  });

  test('e-mail addresses and Danish phone numbers are blanked', () => {
    expect(redact('Skriv til anna@example.dk')).toBe('Skriv til [skjult]');
    for (const phone of ['12345678', '12 34 56 78', '1234 5678', '+45 12345678', '+45 12 34 56 78']) expect(redact(`ring ${phone}.`)).toBe('ring [skjult].');
  });

  test('years, ranges of years and other numbers are left alone', () => {
    for (const text of ['Korsløkken 2027-2030', 'Sommerskole 2027', 'fra 2026 til 2030', '34 deltagere (målet var 34)', 'CVR 1234-5678-90']) {
      expect(redact(text)).toBe(text);
    }
  });
});

describe('sections', () => {
  test('in reading order, items of one sentence as one entry naming them all', () => {
    const sections = newsletterSections([
      item('EVALUATION', 'Evaluering: Ungeklub fortsætter', 'Godt fremmøde.'),
      item('NEW_ACTIVITY', 'Nyt tilbud: Lektiecafé', 'Registreret.'),
      item('EVALUATION', 'Evaluering: Jobcafé fortsætter', 'Godt fremmøde.'),
      item('EVALUATION', 'Evaluering: Legestue justeres', 'Færre børn end ventet.'),
    ]);
    expect(sections.map((s) => s.kind)).toEqual(['NEW_ACTIVITY', 'EVALUATION']);
    expect(sections[1]!.entries).toEqual([
      { title: 'Samme vurdering af 2 tilbud', summary: 'Godt fremmøde.', names: ['Ungeklub fortsætter', 'Jobcafé fortsætter'] },
      { title: 'Evaluering: Legestue justeres', summary: 'Færre børn end ventet.', names: [] },
    ]);
  });

  test(`at most ${FULL_PER_SECTION} entries in full; the rest by name`, () => {
    const many = Array.from({ length: FULL_PER_SECTION + 2 }, (_, i) => item('NEW_ACTIVITY', `Nyt tilbud: Tilbud ${i + 1}`, `Tekst ${i + 1}.`));
    const [section] = newsletterSections(many);
    expect(section!.entries).toHaveLength(FULL_PER_SECTION);
    expect(section!.more).toEqual([`Tilbud ${FULL_PER_SECTION + 1}`, `Tilbud ${FULL_PER_SECTION + 2}`]);
  });
});
