/**
 * CSV that opens safely in Excel and LibreOffice: every field quoted, CRLF, UTF-8 BOM, and string
 * cells that a spreadsheet would read as a formula neutralised with a leading apostrophe.
 */

/** Excel's hard limit for one cell. */
export const maxCellLength = 32_767;
const truncationMarker = '…[truncated]';

/** Characters that make a spreadsheet treat a cell as a formula or split it (incl. full-width forms). */
const formulaTriggers = new Set(['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠']);

export type CsvCell = string | number | boolean | null | undefined;

export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number' || typeof value === 'boolean') return `"${String(value)}"`;
  let text = value;
  if (text.length > 0 && formulaTriggers.has(text[0] as string)) text = `'${text}`;
  if (text.length > maxCellLength) {
    let end = maxCellLength - truncationMarker.length;
    // Never split a surrogate pair: half a character is invalid UTF-16 and breaks the encoder.
    if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    text = text.slice(0, end) + truncationMarker;
  }
  return `"${text.replaceAll('"', '""')}"`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(escapeCsvCell).join(',') + '\r\n';
}

/** A whole CSV document: BOM, header, rows. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const parts = ['\uFEFF', csvLine(header)];
  for (const row of rows) parts.push(csvLine(row));
  return parts.join('');
}
