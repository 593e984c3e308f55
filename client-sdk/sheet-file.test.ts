import { describe, expect, test } from 'vitest';
import { decodeText, sheetFile, SheetFileError } from './sheet-file.js';

describe('a chosen sheet file as importActivities takes it', () => {
  test('CSV in UTF-8 (with a byte-order mark) or Windows-1252 reads as the same text', () => {
    const text = 'Titel;Målgrupper\nBørnefødselsdag;Småbørn 0-5\n';
    const utf8 = new TextEncoder().encode(`\uFEFF${text}`);
    // Windows-1252 writes æ, ø and å as single bytes, as Latin-1 does.
    const windows = Uint8Array.from(Buffer.from(text, 'latin1'));
    expect(decodeText(utf8).replace(/^\uFEFF/, '')).toBe(text);
    expect(decodeText(windows)).toBe(text);
    expect(sheetFile('aktiviteter.csv', windows)).toEqual({ format: 'CSV', content: text });
  });

  test('a workbook is sent base64-encoded, by its name or by its zip signature', () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect(sheetFile('ark.xlsx', zip)).toEqual({ format: 'XLSX', content: Buffer.from(zip).toString('base64') });
    expect(sheetFile('uden-endelse', zip).format).toBe('XLSX');
    expect(() => sheetFile('billede.png', Uint8Array.from([1, 2]))).toThrow(SheetFileError);
  });
});
