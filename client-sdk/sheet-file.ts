/** A spreadsheet file as importActivities takes it, in Node or a browser: CSV as text, XLSX base64-encoded. */
export interface SheetFile {
  format: 'CSV' | 'XLSX';
  content: string;
}

/** Thrown for a file that is neither CSV nor an Excel workbook the hub can read; the message is Danish, for the person who chose it. */
export class SheetFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetFileError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a chosen file: .xlsx (or any zip) is sent base64-encoded; .csv and .txt are decoded as UTF-8, or as Windows-1252 (what
 * Danish Excel saves as "CSV (semikolonsepareret)") when they are not valid UTF-8. Old .xls and encrypted workbooks are left to the hub,
 * which says what to do about them.
 */
export function sheetFile(name: string, bytes: Uint8Array): SheetFile {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const zip = ZIP.every((byte, i) => bytes[i] === byte);
  if (zip || ['xlsx', 'xlsm', 'xls'].includes(extension)) return { format: 'XLSX', content: base64(bytes) };
  if (extension && !['csv', 'txt', 'tsv'].includes(extension)) {
    throw new SheetFileError(`"${name}" er hverken en CSV-fil eller en Excel-projektmappe (.xlsx)`);
  }
  return { format: 'CSV', content: decodeText(bytes) };
}

/** UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
