/**
 * CSV for exports that a person opens in Excel/WPS. A cell starting with = + - @ (or tab / CR) would
 * run as a formula there (CSV injection), so it is prefixed with an apostrophe, as OWASP advises.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const line = (cells: (string | number | null)[]) => cells.map((c) => quote(neutraliseCell(c === null ? '' : String(c)))).join(',');
  // BOM so Excel reads UTF-8 Chinese text correctly.
  return '\uFEFF' + [line(header), ...rows.map(line)].join('\r\n') + '\r\n';
}
