/**
 * CSV as RFC 4180 describes it: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled. A field starting with =, +, - or @ gets a leading
 * apostrophe so that spreadsheets do not run it as a formula.
 */
export function csvLine(fields: ReadonlyArray<string | number | null>): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
