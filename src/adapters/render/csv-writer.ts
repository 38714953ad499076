/**
 * RFC 4180 CSV for spreadsheet programs: UTF-8 with BOM, CRLF line ends, quotes where needed; a cell that a
 * spreadsheet would run as a formula (= + - @) is quoted with a leading ' so it stays text.
 */
const esc = (v: string): string =>
  /[",\n\r]/.test(v) || /^[=+\-@]/.test(v)
    ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`
    : v;

export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n';
}
