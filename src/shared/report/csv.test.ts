import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStrictCsv } from '../../../test/support/csv-reader';
import { csvDocument, escapeCsvCell, maxCellLength } from './csv';

/** Reads a CSV fragment written without the document's byte order mark. */
const parseQuotedCsv = (text: string): string[][] => readStrictCsv(`\uFEFF${text}`);

const triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];

/** What a spreadsheet would see, after unquoting, for a string cell. */
function expectedCell(value: string): string {
  return triggers.some((trigger) => value.startsWith(trigger)) ? `'${value}` : value;
}

describe('CSV escaping', () => {
  it('round-trips any string through a strict CSV reader, guarding formula triggers', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const text = csvDocument(['a'], rows);
        expect(text.startsWith('\uFEFF')).toBe(true);
        const parsed = readStrictCsv(text);
        expect(parsed[0]).toEqual(['a']);
        expect(parsed.slice(1)).toEqual(rows.map((row) => row.map(expectedCell)));
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a cell start with a formula trigger once unquoted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...triggers), fc.string(), (trigger, rest) => {
        const cell = parseQuotedCsv(`${escapeCsvCell(trigger + rest)}\r\n`)[0]?.[0] ?? '';
        expect(triggers.some((t) => cell.startsWith(t))).toBe(false);
        expect(cell).toBe(`'${trigger}${rest}`);
      }),
    );
  });

  it('guards the classic injection payloads', () => {
    for (const payload of ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(1)', '\tx', '\rx', '\nx', '＝1+1']) {
      expect(escapeCsvCell(payload).startsWith(`"'`)).toBe(true);
    }
    expect(escapeCsvCell('sg-abc')).toBe('"sg-abc"');
    expect(escapeCsvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('leaves numbers unguarded and writes empty cells for null', () => {
    expect(escapeCsvCell(-1)).toBe('"-1"');
    expect(escapeCsvCell(null)).toBe('""');
  });

  it('truncates cells over the spreadsheet limit with a marker, never splitting a surrogate pair', () => {
    const long = 'a'.repeat(maxCellLength - 13) + '😀'.repeat(10);
    const cell = parseQuotedCsv(`${escapeCsvCell(long)}\r\n`)[0]?.[0] ?? '';
    expect(cell.length).toBeLessThanOrEqual(maxCellLength);
    expect(cell.endsWith('…[truncated]')).toBe(true);
    expect(cell).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('uses CRLF between rows and a UTF-8 BOM', () => {
    expect(csvDocument(['x', 'y'], [['安全组', '1']])).toBe('\uFEFF"x","y"\r\n"安全组","1"\r\n');
  });
});
