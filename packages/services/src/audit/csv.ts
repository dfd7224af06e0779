/**
 * CSV as RFC 4180 writes it: fields with a comma, quote, CR or LF are quoted, quotes doubled, rows ended
 * by CRLF. A cell that starts with = + - @ (or a tab or CR, which some spreadsheets skip before them) gets
 * a leading single quote, so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
