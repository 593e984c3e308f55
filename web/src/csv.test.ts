import { describe, expect, test } from 'vitest';
import { csvCell, csvText } from './csv.js';

describe('CSV exports are safe for spreadsheets', () => {
  test('text a spreadsheet would run as a formula is written as text', () => {
    for (const title of ['=1+1', '+45 65 45 65 65', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x","klik")', '＝1+1', '＠SUM(A1)']) {
      expect(csvCell(title)).toBe(`"'${title.replace(/"/g, '""')}"`);
    }
  });

  test('ordinary text and numbers are written as they are', () => {
    expect(csvCell('Lektiecafé i Bøgeparken')).toBe('"Lektiecafé i Bøgeparken"');
    expect(csvCell('Sagt "hej"; og gået')).toBe('"Sagt ""hej""; og gået"');
    expect(csvCell('2027-2030')).toBe('"2027-2030"');
    expect(csvCell(0.85)).toBe('"0.85"');
    expect(csvCell(-3)).toBe('"-3"');
  });

  test('a file as Danish Excel opens it: byte-order mark, semicolons, CRLF', () => {
    expect(
      csvText([
        ['Titel', 'Score'],
        ['=1+1', 0.9],
      ]),
    ).toBe('\ufeff"Titel";"Score"\r\n"\'=1+1";"0.9"');
  });
});
