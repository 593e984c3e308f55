/** Rows as a CSV file to download, as Danish Excel opens it (semicolons, a byte-order mark, CRLF). */
export function downloadCsv(filename: string, rows: readonly (readonly (string | number)[])[]): void {
  const cell = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  const text = '\ufeff' + rows.map((row) => row.map(cell).join(';')).join('\r\n');
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  URL.revokeObjectURL(url);
}
