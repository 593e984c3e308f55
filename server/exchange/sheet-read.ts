import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { cellText, clip, unsafeCsvText, type CellValue } from './sheet.js';

/** What an import reads at most: the file, its rows, one cell, and an XLSX file's unpacked parts (a small file may unpack to gigabytes). */
export const SHEET_LIMITS = { bytes: 5 * 1024 * 1024, rows: 5_000, cellCharacters: 10_000, unpackedBytes: 60 * 1024 * 1024 };

export type SheetFormat = 'CSV' | 'XLSX';

/** A sheet as rows of cells under the first row's headers; `row` is the sheet's own row number. */
export interface Sheet {
  headers: { index: number; text: string }[];
  rows: { row: number; cells: CellValue[] }[];
}

/** A file the hub cannot read as a sheet: the Danish message says why and what to do. */
export class SheetError extends Error {}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;

/** Reads a file of either format; throws SheetError for a file that is not a sheet the hub can read. */
export async function readSheet(format: SheetFormat, content: string): Promise<Sheet> {
  const sheet = format === 'CSV' ? readCsv(content) : await readXlsx(content);
  const dataRows = sheet.rows.length;
  if (dataRows > SHEET_LIMITS.rows) {
    throw new SheetError(
      `Filen har ${dataRows.toLocaleString('da-DK')} rækker; der kan højst importeres ${SHEET_LIMITS.rows.toLocaleString('da-DK')} ad gangen. Del den op.`,
    );
  }
  return sheet;
}

function toSheet(grid: { row: number; cells: CellValue[] }[]): Sheet {
  const first = grid.find((r) => r.cells.some((c) => cellText(c) !== ''));
  if (!first) throw new SheetError('Filen er tom: første række skal have kolonnernes navne (Titel, Målgrupper, Områder, Startdato …).');
  const headers = first.cells.map((cell, index) => ({ index, text: cellText(cell) })).filter((h) => h.text !== '');
  const rows = grid.filter((r) => r.row > first.row && r.cells.some((c) => c !== null && (typeof c === 'object' || cellText(c) !== '')));
  return { headers, rows };
}

/** CSV separated by ";" or "," (whichever the header line uses), with or without a BOM. */
export function readCsv(content: string): Sheet {
  if (Buffer.byteLength(content, 'utf8') > SHEET_LIMITS.bytes) throw new SheetError(`Filen fylder mere end ${MB(SHEET_LIMITS.bytes)}; del den op.`);
  const text = content.replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw new SheetError('Filen indeholder tegn, der ikke kunne læses (�): gem den som CSV i UTF-8 eller Windows-1252, og vælg den igen.');
  }
  const headerLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => headerLine.split(char).length - 1;
  const delimiter = count(';') >= count(',') && count(';') > 0 ? ';' : count('\t') > count(',') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, max_record_size: SHEET_LIMITS.cellCharacters * 40 });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new SheetError(`CSV-filen kan ikke læses${line ? ` (ved linje ${line})` : ''}: ${danishCsvProblem(error)}`);
  }
  return toSheet(records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === '' ? null : unsafeCsvText(c))) })));
}

function danishCsvProblem(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'et anførselstegn (") lukkes aldrig';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'et anførselstegn (") står midt i en celle';
  if (code === 'CSV_MAX_RECORD_SIZE') return 'en række er alt for lang';
  return 'filen er ikke en CSV-fil';
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The first worksheet of an XLSX workbook (base64); refuses encrypted, macro-enabled, old and broken files. */
export async function readXlsx(base64: string): Promise<Sheet> {
  const clean = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new SheetError('Excel-filen skal sendes base64-kodet; indholdet er ikke base64.');
  if ((clean.length * 3) / 4 > SHEET_LIMITS.bytes + 3) throw new SheetError(`Filen fylder mere end ${MB(SHEET_LIMITS.bytes)}; del den op.`);
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    throw new SheetError(
      'Filen er beskyttet med en adgangskode, eller den er i det gamle Excel-format (.xls). Gem den i Excel som "Excel-projektmappe (.xlsx)" uden adgangskode, og vælg den igen.',
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch {
    throw new SheetError('Filen er ikke en Excel-fil (.xlsx), eller den er beskadiget. Åbn den i Excel, gem den som .xlsx, og vælg den igen.');
  }
  const types = await zip.file('[Content_Types].xml')?.async('string');
  if (!types || !zip.file(/^xl\/workbook\.xml$/).length) {
    throw new SheetError('Filen er ikke en Excel-projektmappe (.xlsx). Gem den i Excel som .xlsx, og vælg den igen.');
  }
  if (/macroEnabled/i.test(types) || zip.file(/vbaProject\.bin$/).length) {
    throw new SheetError('Projektmappen indeholder makroer (.xlsm). Gem den som "Excel-projektmappe (.xlsx)" uden makroer, og vælg den igen.');
  }
  // The sizes the archive declares for its parts, before anything is unpacked.
  const unpacked = Object.values(zip.files).reduce(
    (sum, file) => sum + ((file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > SHEET_LIMITS.unpackedBytes) throw new SheetError(`Projektmappen fylder ${MB(unpacked)} udpakket; del den op.`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetError('Excel-filen er beskadiget og kan ikke læses. Åbn den i Excel, gem den igen som .xlsx, og vælg den igen.');
  }
  const sheet = workbook.worksheets.find((w) => /aktivitet/i.test(w.name)) ?? workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) throw new SheetError('Projektmappen har intet regneark.');
  const grid: { row: number; cells: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellValue(cell);
    });
    grid.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return toSheet(grid);
}

function cellValue(cell: ExcelJS.Cell): CellValue {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '';
      return { formula: clip(`=${formula}`) };
    }
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return { formula: String(value.error) };
  }
  return cell.text ?? null;
}
