/** The findings CSV: one row per finding per rule that decides or bears on it. */
import type { RuleEvidence } from '../audit/result';
import { csvLine, escapeCsvCell, type CsvCell } from './csv';
import type { ScanDocument } from './scan-document';

export const findingsCsvHeader = [
  'check_id',
  'check_title',
  'risk',
  'status',
  'level',
  'object_id',
  'object_name',
  'region',
  'public_ip',
  'rule_role',
  'rule_id',
  'rule_group_id',
  'priority',
  'policy',
  'protocol',
  'port_range',
  'source',
  'rule_description',
  'suggestion',
  'audit_name',
  'generated_at',
] as const;

type RuleRole = 'accept' | 'partial-drop' | 'unresolved';

function ruleCells(role: RuleRole, rule: RuleEvidence): CsvCell[] {
  return [
    role,
    rule.ruleId,
    rule.groupId,
    rule.priority,
    rule.action,
    rule.protocol,
    rule.portRange,
    rule.source,
    rule.description,
  ];
}

const noRuleCells: CsvCell[] = ['', '', '', '', '', '', '', '', ''];

function* findingRows(document: ScanDocument, auditName: string): Generator<CsvCell[]> {
  for (const check of document.checks) {
    if (!check.enabled) continue;
    for (const finding of check.findings) {
      const lead: CsvCell[] = [
        check.id,
        check.title,
        check.risk,
        finding.status,
        finding.level,
        finding.objectId,
        finding.objectName,
        finding.regionId,
        finding.publicIps.join(' '),
      ];
      const tail: CsvCell[] = [check.suggestion, auditName, document.generatedAt];
      const rules: [RuleRole, RuleEvidence][] = [
        ...finding.accepts.map((rule): [RuleRole, RuleEvidence] => ['accept', rule]),
        ...finding.partialDrops.map((rule): [RuleRole, RuleEvidence] => ['partial-drop', rule]),
        ...finding.unresolved.map((rule): [RuleRole, RuleEvidence] => ['unresolved', rule]),
      ];
      if (rules.length === 0) yield [...lead, ...noRuleCells, ...tail];
      for (const [role, rule] of rules) yield [...lead, ...ruleCells(role, rule), ...tail];
    }
  }
}

/** The rows as cells, unescaped: what a CSV reader must give back (tests, other writers). */
export function findingsCsvRows(document: ScanDocument, auditName = ''): CsvCell[][] {
  return [...findingRows(document, auditName)];
}

const cellSeparator = ',';

function escapedRule(role: RuleRole, rule: RuleEvidence): string {
  return ruleCells(role, rule).map(escapeCsvCell).join(cellSeparator);
}

/**
 * Walks the rows as already escaped pieces (lead, rule, tail), so that cells shared by many rows
 * (a check's title and long suggestion, the audit name, the time) are escaped once per check.
 */
function writeRows(document: ScanDocument, auditName: string, write: (lead: string, rule: string, tail: string) => void): void {
  const shared = [auditName, document.generatedAt].map(escapeCsvCell).join(cellSeparator);
  const noRule = noRuleCells.map(escapeCsvCell).join(cellSeparator);
  for (const check of document.checks) {
    if (!check.enabled) continue;
    const checkLead = [check.id, check.title, check.risk].map(escapeCsvCell).join(cellSeparator);
    const tail = `${cellSeparator}${escapeCsvCell(check.suggestion)}${cellSeparator}${shared}\r\n`;
    for (const finding of check.findings) {
      const lead =
        checkLead +
        cellSeparator +
        [finding.status, finding.level, finding.objectId, finding.objectName, finding.regionId, finding.publicIps.join(' ')]
          .map(escapeCsvCell)
          .join(cellSeparator) +
        cellSeparator;
      for (const rule of finding.accepts) write(lead, escapedRule('accept', rule), tail);
      for (const rule of finding.partialDrops) write(lead, escapedRule('partial-drop', rule), tail);
      for (const rule of finding.unresolved) write(lead, escapedRule('unresolved', rule), tail);
      if (finding.accepts.length + finding.partialDrops.length + finding.unresolved.length === 0) write(lead, noRule, tail);
    }
  }
}

/** The findings CSV as text: the same as csvDocument(findingsCsvHeader, findingsCsvRows(…)). */
export function findingsCsv(document: ScanDocument, auditName = ''): string {
  const parts: string[] = ['\uFEFF', csvLine(findingsCsvHeader)];
  writeRows(document, auditName, (lead, rule, tail) => parts.push(lead, rule, tail));
  return parts.join('');
}

/** UTF-8 length of a string, as TextEncoder would encode it (lone surrogates: 3 bytes). */
function utf8Length(value: string): number {
  let length = value.length;
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(index + 1);
      // A pair: 4 bytes for 2 code units. A lone high surrogate: 3 bytes, as U+FFFD.
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 2;
        index += 1;
      } else length += 2;
    } else length += 2;
  }
  return length;
}

/** Encodes `value` into `out` at `at` as TextEncoder does (lone surrogates become U+FFFD); returns the end. */
function writeUtf8(out: Uint8Array, at: number, value: string): number {
  for (let index = 0; index < value.length; index += 1) {
    let code = value.charCodeAt(index);
    if (code < 0x80) {
      out[at++] = code;
      continue;
    }
    if (code < 0x800) {
      out[at++] = 0xc0 | (code >> 6);
      out[at++] = 0x80 | (code & 63);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = value.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index += 1;
        out[at++] = 0xf0 | (code >> 18);
        out[at++] = 0x80 | ((code >> 12) & 63);
        out[at++] = 0x80 | ((code >> 6) & 63);
        out[at++] = 0x80 | (code & 63);
        continue;
      }
      code = 0xfffd;
    }
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 63);
    out[at++] = 0x80 | (code & 63);
  }
  return at;
}

/**
 * The findings CSV as UTF-8 bytes (BOM first), what a file holds: the same content as
 * findingsCsv, built without one huge string (100,000 findings make over 100 MB of CSV, and
 * joining that as UTF-16 text alone takes seconds). The rows are escaped once, measured, then
 * written into a single buffer of the exact size; a check's long shared tail is encoded once.
 */
export function findingsCsvBytes(document: ScanDocument, auditName = ''): Uint8Array {
  const encoder = new TextEncoder();
  const head = encoder.encode(`\uFEFF${csvLine(findingsCsvHeader)}`);
  /** Per row: lead, rule (strings) and the index of its tail in `tails`. */
  const leads: string[] = [];
  const rules: string[] = [];
  const rowTails: number[] = [];
  const tails: Uint8Array[] = [];
  let lastTail = '';
  let lastLead = '';
  let lastLeadLength = 0;
  let total = head.byteLength;
  writeRows(document, auditName, (lead, rule, tail) => {
    if (tail !== lastTail || tails.length === 0) {
      lastTail = tail;
      tails.push(encoder.encode(tail));
    }
    // Consecutive rows of one finding share the lead string: measure it once.
    if (lead !== lastLead) {
      lastLead = lead;
      lastLeadLength = utf8Length(lead);
    }
    leads.push(lead);
    rules.push(rule);
    rowTails.push(tails.length - 1);
    total += lastLeadLength + utf8Length(rule) + (tails[tails.length - 1] as Uint8Array).byteLength;
  });
  const out = new Uint8Array(total);
  out.set(head, 0);
  let at = head.byteLength;
  for (let row = 0; row < leads.length; row += 1) {
    at = writeUtf8(out, at, leads[row] as string);
    at = writeUtf8(out, at, rules[row] as string);
    const tail = tails[rowTails[row] as number] as Uint8Array;
    out.set(tail, at);
    at += tail.byteLength;
  }
  return out;
}

/**
 * The same bytes as findingsCsvBytes, streamed through one reused buffer of `chunkBytes` to
 * `sink`, which must consume each chunk before it returns (write it out, hash it): 100,000
 * findings make over 100 MB of CSV, and first-touching that much fresh memory costs more than
 * encoding it. The CLI writes CSV reports this way.
 */
export function writeFindingsCsv(
  document: ScanDocument,
  auditName: string,
  sink: (chunk: Uint8Array) => void,
  chunkBytes = 1 << 20,
): void {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(chunkBytes);
  let at = 0;
  const flush = (): void => {
    if (at > 0) sink(buffer.subarray(0, at));
    at = 0;
  };
  const put = (bytes: Uint8Array): void => {
    if (at + bytes.byteLength > buffer.byteLength) flush();
    if (bytes.byteLength > buffer.byteLength) return sink(bytes);
    buffer.set(bytes, at);
    at += bytes.byteLength;
  };
  const putText = (text: string): void => {
    // 3 bytes per UTF-16 unit is the most UTF-8 can need.
    if (at + text.length * 3 > buffer.byteLength) flush();
    if (text.length * 3 > buffer.byteLength) return sink(encoder.encode(text));
    at = writeUtf8(buffer, at, text);
  };
  put(encoder.encode(`\uFEFF${csvLine(findingsCsvHeader)}`));
  let lastTail = '';
  let lastTailBytes: Uint8Array = new Uint8Array(0);
  writeRows(document, auditName, (lead, rule, tail) => {
    if (tail !== lastTail) {
      lastTail = tail;
      lastTailBytes = encoder.encode(tail);
    }
    putText(lead);
    putText(rule);
    put(lastTailBytes);
  });
  flush();
}
