/** What a spreadsheet reads as the start of a formula (ASCII and full-width), and the tab and carriage return it skips before one. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** One cell: quoted, and text that a spreadsheet would run as a formula kept as text by a leading apostrophe. */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows as CSV text, as Danish Excel opens it (semicolons, a byte-order mark, CRLF). */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n');
}

/** Rows as a CSV file to download. */
export function downloadCsv(filename: string, rows: readonly (readonly (string | number)[])[]): void {
  const url = URL.createObjectURL(new Blob([csvText(rows)], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}
