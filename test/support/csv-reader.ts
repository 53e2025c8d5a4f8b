/** A strict reader for the CSV the app writes: BOM, every field quoted, CRLF after every row. */
export function readStrictCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('no UTF-8 byte order mark');
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 1;
  while (index < text.length) {
    if (text[index] !== '"') throw new Error(`unquoted field at ${index}`);
    let value = '';
    index += 1;
    for (;;) {
      const quote = text.indexOf('"', index);
      if (quote < 0) throw new Error('unterminated field');
      value += text.slice(index, quote);
      if (text[quote + 1] === '"') {
        value += '"';
        index = quote + 2;
      } else {
        index = quote + 1;
        break;
      }
    }
    row.push(value);
    if (text[index] === ',') index += 1;
    else if (text.startsWith('\r\n', index)) {
      rows.push(row);
      row = [];
      index += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[index])} at ${index}`);
  }
  if (row.length > 0) throw new Error('last row not ended by CRLF');
  return rows;
}

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = readStrictCsv(text);
  if (header === undefined) return [];
  return rows.map((row) => {
    if (row.length !== header.length) throw new Error(`row of ${row.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((name, index) => [name, row[index] ?? '']));
  });
}
