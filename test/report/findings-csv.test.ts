/** The findings CSV: one row per finding per rule, escaped against spreadsheet formulas. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Finding, RuleEvidence } from '../../src/shared/audit/result';
import { findingsCsv, findingsCsvBytes, findingsCsvHeader, writeFindingsCsv } from '../../src/shared/report/findings-csv';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { csvRecords, readStrictCsv } from '../support/csv-reader';
import { demoDocument } from './harness';

const triggers = ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠'];
const guarded = (value: string): string => (triggers.some((trigger) => value.startsWith(trigger)) ? `'${value}` : value);

/** The rows findingsCsv must write, derived from the document independently. */
function expectedRows(document: ScanDocument): string[][] {
  const rows: string[][] = [];
  for (const check of document.checks) {
    if (!check.enabled) continue;
    for (const finding of check.findings) {
      const rules: [string, RuleEvidence | null][] = [
        ...finding.accepts.map((rule): [string, RuleEvidence] => ['accept', rule]),
        ...finding.partialDrops.map((rule): [string, RuleEvidence] => ['partial-drop', rule]),
        ...finding.unresolved.map((rule): [string, RuleEvidence] => ['unresolved', rule]),
      ];
      if (rules.length === 0) rules.push(['', null]);
      for (const [role, rule] of rules) {
        rows.push([check.id, finding.level, finding.objectId, finding.publicIps.join(' '), role, rule?.ruleId ?? '', rule === null ? '' : String(rule.priority), rule?.description ?? '']);
      }
    }
  }
  return rows;
}

function pick(record: Record<string, string>): string[] {
  return [record.check_id, record.level, record.object_id, record.public_ip, record.rule_role, record.rule_id, record.priority, record.rule_description].map((cell) => cell ?? '');
}

describe('findings CSV of the demo export', () => {
  it('round-trips through a strict CSV reader: one row per finding per rule, in order', async () => {
    const document = await demoDocument();
    const text = findingsCsv(document, 'Q4 audit');
    const [header] = readStrictCsv(text);
    expect(header).toEqual([...findingsCsvHeader]);
    const records = csvRecords(text);
    expect(records.map(pick)).toEqual(expectedRows(document).map((row) => row.map(guarded)));
    for (const record of records) {
      expect(record.audit_name).toBe('Q4 audit');
      expect(record.generated_at).toBe('2026-01-01T00:00:00.000Z');
      expect(record.check_title).not.toBe('');
      expect(record.suggestion).not.toBe('');
    }
    expect(records.some((record) => record.object_name === 'legacy-遗留系统')).toBe(true);
  });

  it('leaves switched-off checks out', async () => {
    const records = csvRecords(findingsCsv(await demoDocument({ disabledChecks: ['exposed-ssh-22'] })));
    expect(records.some((record) => record.check_id === 'exposed-ssh-22')).toBe(false);
    expect(records.some((record) => record.check_id === 'exposed-rdp-3389')).toBe(true);
  });
});

describe('findings CSV escaping', () => {
  const hostile = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom("=cmd|' /C calc'!A0", '=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(1)', '\tx', '\rx', '\nx', '＝1+1', '＠x', '"quoted", comma', '安全组\r\n换行', '\u202Eevil'),
    fc.tuple(fc.constantFrom(...triggers), fc.string({ maxLength: 20 })).map(([trigger, rest]) => trigger + rest),
  );

  it('guards every string cell and round-trips it, whatever names and descriptions hold', async () => {
    const base = await demoDocument();
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, description, source, auditName) => {
        const document = structuredClone(base);
        const check = document.checks[0];
        const finding: Finding | undefined = check?.findings[0];
        const rule = finding?.accepts[0];
        if (check === undefined || finding === undefined || rule === undefined) throw new Error('demo has no SSH finding');
        finding.objectName = name;
        rule.description = description;
        rule.source = source;
        const records = csvRecords(findingsCsv(document, auditName));
        const row = records[0];
        expect(row?.object_name).toBe(guarded(name));
        expect(row?.rule_description).toBe(guarded(description));
        expect(row?.source).toBe(guarded(source));
        expect(row?.audit_name).toBe(guarded(auditName));
        for (const record of records) {
          for (const cell of Object.values(record)) expect(triggers.some((trigger) => cell.startsWith(trigger))).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('cuts a 100,000-character description to the spreadsheet limit with a marker', async () => {
    const document = await demoDocument();
    const rule = document.checks[0]?.findings[0]?.accepts[0];
    if (rule === undefined) throw new Error('demo has no SSH finding');
    rule.description = 'W'.repeat(100_000);
    const cell = csvRecords(findingsCsv(document))[0]?.rule_description ?? '';
    expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(cell.endsWith('…[truncated]')).toBe(true);
  });
});

/** writeFindingsCsv's chunks, joined. */
function streamed(document: ScanDocument, auditName: string, chunkBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeFindingsCsv(document, auditName, (chunk) => chunks.push(chunk.slice()), chunkBytes);
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** Where two byte arrays first differ (-1: equal), so that a failure says where without a slow deep diff. */
function firstDifference(actual: Uint8Array, expected: Uint8Array): number {
  const length = Math.min(actual.byteLength, expected.byteLength);
  for (let index = 0; index < length; index += 1) if (actual[index] !== expected[index]) return index;
  return actual.byteLength === expected.byteLength ? -1 : length;
}

describe('findings CSV as bytes and as a stream', () => {
  const encodeText = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('gives the bytes of the text, whole and streamed through chunks smaller and larger than a row', async () => {
    const document = await demoDocument();
    const expected = encodeText(findingsCsv(document, 'Q4 audit'));
    expect(firstDifference(findingsCsvBytes(document, 'Q4 audit'), expected)).toBe(-1);
    // 16 bytes: every piece is larger than the buffer; 1,000: pieces straddle chunk ends.
    for (const chunkBytes of [16, 1000, 1 << 20]) {
      expect(firstDifference(streamed(document, 'Q4 audit', chunkBytes), expected)).toBe(-1);
    }
  });

  it('agrees byte for byte with the text for any names: CJK, emoji, lone surrogates, quotes, triggers', async () => {
    const base = await demoDocument();
    const odd = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('安全组', '😀 emoji', '\uD800 lone', 'x\uDC00', '"q"', '=1+1', 'ملف'),
    );
    fc.assert(
      fc.property(odd, odd, fc.integer({ min: 8, max: 600 }), (name, description, chunkBytes) => {
        const document = structuredClone(base);
        const finding = document.checks[0]?.findings[0];
        const rule = finding?.accepts[0];
        if (finding === undefined || rule === undefined) throw new Error('demo has no SSH finding');
        finding.objectName = name;
        rule.description = description;
        const expected = encodeText(findingsCsv(document, name));
        expect(firstDifference(findingsCsvBytes(document, name), expected)).toBe(-1);
        expect(firstDifference(streamed(document, name, chunkBytes), expected)).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });
});
