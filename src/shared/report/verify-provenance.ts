/**
 * Checks a saved report against the provenance written beside it (provenance.ts): the report's
 * bytes against the manifest and the `.sha256` line, a JSON report's findings against its own
 * findings hash, and the inputs against their recorded hashes. Pure: the host reads the files and
 * hashes the inputs; this module parses, validates and compares.
 */
import * as v from 'valibot';
import { sha256Hex } from '../import/digest';
import { parseJson } from '../import/parse';
import { baseName } from './provenance';
import { findingsSha256 } from './report-model';
import type { ScanDocument } from './scan-document';

/** A manifest, checksum or report that cannot be read as what it claims to be: the message names the file and the place. */
export class ProvenanceFormatError extends Error {}

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lowercase hex'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const format = v.picklist(['json', 'csv', 'pdf']);
const text = v.string();

/** What buildProvenanceFiles writes (manifestVersion 1.x); extra members of a newer minor version are ignored. */
const manifestSchema = v.object({
  manifestVersion: v.pipe(
    text,
    v.regex(/^1\.\d+\.\d+$/, 'a 1.x.y manifest version (this build reads manifest version 1)'),
  ),
  report: v.object({ file: text, format, bytes: count, sha256: hex64 }),
  tool: v.object({ name: text, version: text }),
  catalogueVersion: text,
  schemaVersion: text,
  generatedAt: text,
  options: v.object({
    format,
    language: v.picklist(['en', 'zh']),
    disabledChecks: v.array(text),
    audit: v.object({ name: text, client: text, engagement: text, auditor: text, date: text }),
  }),
  inputs: v.array(
    v.object({
      path: text,
      // Empty for a zip entry refused before it was read: it has no bytes to hash.
      sha256: v.union([hex64, v.literal('')]),
      bytes: count,
      kind: text,
      records: count,
      container: v.optional(text),
    }),
  ),
  findingsSha256: hex64,
});

/**
 * A manifest as read back: ReadManifest's shape, but an input's `kind` is any string (a newer
 * build may know kinds this one does not; verifying does not depend on it).
 */
export type ReadManifest = v.InferOutput<typeof manifestSchema>;

/** The parts of a JSON report the findings hash is computed from (findingsDigestInput). */
const findingsSchema = v.object({
  catalogueVersion: text,
  findingsSha256: hex64,
  checks: v.array(
    v.object({
      id: text,
      risk: text,
      enabled: v.boolean(),
      status: text,
      securityGroups: v.array(text),
      instances: v.array(text),
      gaps: v.array(v.unknown()),
      findings: v.array(v.unknown()),
    }),
  ),
});

/** `$.inputs[3].sha256`: where in the document valibot's first issue is. */
function jsonPath(issue: v.BaseIssue<unknown>): string {
  const steps = (issue.path ?? []).map((item) =>
    typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`,
  );
  return `$${steps.join('')}`;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  // A missing member: valibot's "expected" is then the key's own schema name, which says little.
  if (issue.received === 'undefined') return 'is missing';
  // A pattern's own words (its `message`) say more than the regular expression.
  const wanted = issue.type === 'regex' ? issue.message : issue.expected?.replaceAll('"', '');
  return `${wanted === undefined || wanted === null ? '' : `should be ${wanted}, `}found ${issue.received}`;
}

function parseDocument(textOfFile: string, fileName: string, what: string): unknown {
  const parsed = parseJson(textOfFile);
  if (parsed.ok) return parsed.value;
  // The detail says where: "not valid JSON at line 3, column 7: …".
  throw new ProvenanceFormatError(`${fileName}: ${what} is ${parsed.detail}`);
}

/** Parses and validates `<report>.manifest.json` into a fresh object. */
export function parseManifest(textOfFile: string, fileName: string): ReadManifest {
  const value = parseDocument(textOfFile, fileName, 'the manifest');
  const result = v.safeParse(manifestSchema, value, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new ProvenanceFormatError(
    `${fileName}: not a valid report manifest at ${jsonPath(issue)}: ${describeIssue(issue)}`,
  );
}

export interface ChecksumLine {
  sha256: string;
  fileName: string;
}

function unescapeName(name: string): string {
  return name.replace(/\\(\\|n|r)/g, (_match, code: string) =>
    code === 'n' ? '\n' : code === 'r' ? '\r' : '\\',
  );
}

/**
 * Reads a sha256sum file (`<hex>  <name>`, `<hex> *<name>`, or the escaped `\<hex>  <name>`).
 * Of several lines, the one naming `reportName` is used; a single line is used whatever it names.
 */
export function parseChecksumFile(
  textOfFile: string,
  fileName: string,
  reportName: string,
): ChecksumLine {
  const lines = textOfFile.split('\n').map((line) => line.replace(/\r$/, ''));
  const entries: ChecksumLine[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = /^(\\?)([0-9a-fA-F]{64}) [ *](.*)$/.exec(line);
    if (match === null) {
      throw new ProvenanceFormatError(
        `${fileName}: line ${index + 1} is not a sha256sum line ("<sha256>  <file name>")`,
      );
    }
    const [, escaped, hex, name] = match as unknown as [string, string, string, string];
    entries.push({
      sha256: hex.toLowerCase(),
      fileName: escaped === '\\' ? unescapeName(name) : name,
    });
  }
  const named = entries.find((entry) => entry.fileName === reportName);
  const chosen = named ?? (entries.length === 1 ? entries[0] : undefined);
  if (chosen === undefined) {
    throw new ProvenanceFormatError(
      entries.length === 0
        ? `${fileName}: the file is empty`
        : `${fileName}: no line names ${reportName}`,
    );
  }
  return chosen;
}

export type VerificationStatus = 'ok' | 'changed' | 'missing' | 'not-checked';
export type VerificationSubject = 'report' | 'checksum' | 'findings' | 'input';

export interface VerificationItem {
  subject: VerificationSubject;
  /** The file (or, for findings, the report) the line is about. */
  name: string;
  status: VerificationStatus;
  /** One clause saying what was compared and what was found. */
  detail: string;
  expected?: string;
  found?: string;
}

/** One input of the manifest as the host found it on disk, or not. */
export interface ObservedInput {
  /** The input's path as the manifest records it. */
  path: string;
  found: { location: string; sha256: string; bytes: number } | null;
}

export interface ProvenanceEvidence {
  report: { name: string; bytes: Uint8Array };
  manifest: ReadManifest;
  /** The `.sha256` file beside the report, when there is one. */
  checksum: { name: string; line: ChecksumLine } | null;
  /** What the host found for each manifest input it looked for (see `inputsToLocate`). */
  inputs: ObservedInput[];
  /**
   * True when the caller said where the inputs are: then an input not found is a mismatch.
   * Otherwise inputs count only if at least one was found (the export is there, so a file gone
   * from it is a change); a report checked without its export has its inputs "not checked".
   */
  inputsExpected: boolean;
}

export interface ProvenanceVerification {
  verdict: 'verified' | 'tampered';
  items: VerificationItem[];
}

/** The manifest's inputs that are files of their own: zip entries are covered by their archive's hash. */
export function inputsToLocate(manifest: ReadManifest): ReadManifest['inputs'] {
  return manifest.inputs.filter((input) => input.container === undefined && input.sha256 !== '');
}

function short(hex: string): string {
  return `${hex.slice(0, 12)}…`;
}

async function reportItem(evidence: ProvenanceEvidence, actual: string): Promise<VerificationItem> {
  const { manifest, report } = evidence;
  const renamed =
    manifest.report.file === baseName(report.name)
      ? ''
      : ` (the manifest names it ${manifest.report.file})`;
  const size = report.bytes.byteLength;
  if (actual === manifest.report.sha256 && size === manifest.report.bytes) {
    return {
      subject: 'report',
      name: report.name,
      status: 'ok',
      detail: `SHA-256 ${short(actual)}, ${size} bytes, as the manifest records${renamed}`,
      expected: actual,
      found: actual,
    };
  }
  const sizes =
    size === manifest.report.bytes
      ? ''
      : `; ${size} bytes where the manifest records ${manifest.report.bytes}`;
  return {
    subject: 'report',
    name: report.name,
    status: 'changed',
    detail: `SHA-256 ${short(actual)} where the manifest records ${short(manifest.report.sha256)}${sizes}${renamed}`,
    expected: manifest.report.sha256,
    found: actual,
  };
}

function checksumItem(evidence: ProvenanceEvidence, actual: string): VerificationItem | null {
  if (evidence.checksum === null) return null;
  const { name, line } = evidence.checksum;
  if (line.sha256 === actual) {
    return {
      subject: 'checksum',
      name,
      status: 'ok',
      detail: `records the report's SHA-256`,
      expected: line.sha256,
      found: actual,
    };
  }
  return {
    subject: 'checksum',
    name,
    status: 'changed',
    detail: `records SHA-256 ${short(line.sha256)}, the report has ${short(actual)}`,
    expected: line.sha256,
    found: actual,
  };
}

/** A JSON report carries its findings and their hash: recompute it and compare with both records. */
async function findingsItem(evidence: ProvenanceEvidence): Promise<VerificationItem> {
  const name = evidence.report.name;
  const recorded = evidence.manifest.findingsSha256;
  if (evidence.manifest.report.format !== 'json') {
    return {
      subject: 'findings',
      name,
      status: 'not-checked',
      detail: `a ${evidence.manifest.report.format.toUpperCase()} report cannot be read back into its findings; the report's own hash covers it`,
    };
  }
  let document: v.InferOutput<typeof findingsSchema>;
  try {
    const textOfReport = new TextDecoder('utf-8', { fatal: true }).decode(evidence.report.bytes);
    const result = v.safeParse(findingsSchema, parseDocument(textOfReport, name, 'the report'), {
      abortEarly: true,
    });
    if (!result.success) {
      const issue = result.issues[0];
      return {
        subject: 'findings',
        name,
        status: 'changed',
        detail: `the findings cannot be recomputed: ${jsonPath(issue)} ${describeIssue(issue)}`,
      };
    }
    document = result.output;
  } catch (error) {
    const reason =
      error instanceof ProvenanceFormatError
        ? error.message
        : `${name}: the report is not UTF-8 text`;
    return {
      subject: 'findings',
      name,
      status: 'changed',
      detail: `the findings cannot be recomputed: ${reason}`,
    };
  }
  const recomputed = await findingsSha256(document as unknown as ScanDocument);
  const problems: string[] = [];
  if (document.findingsSha256 !== recomputed)
    problems.push(`the report records ${short(document.findingsSha256)}`);
  if (recorded !== recomputed) problems.push(`the manifest records ${short(recorded)}`);
  if (problems.length === 0) {
    return {
      subject: 'findings',
      name,
      status: 'ok',
      detail: `findings SHA-256 ${short(recomputed)} recomputed from the report matches the report and the manifest`,
      expected: recorded,
      found: recomputed,
    };
  }
  return {
    subject: 'findings',
    name,
    status: 'changed',
    detail: `findings SHA-256 recomputed from the report is ${short(recomputed)}, but ${problems.join(' and ')}`,
    expected: recorded,
    found: recomputed,
  };
}

function inputItems(evidence: ProvenanceEvidence): VerificationItem[] {
  const observed = new Map(evidence.inputs.map((input) => [input.path, input.found]));
  const counted = evidence.inputsExpected || evidence.inputs.some((input) => input.found !== null);
  return inputsToLocate(evidence.manifest).map((input) => {
    const found = observed.get(input.path) ?? null;
    if (found === null) {
      return counted
        ? {
            subject: 'input',
            name: input.path,
            status: 'missing',
            detail: 'not found',
            expected: input.sha256,
          }
        : {
            subject: 'input',
            name: input.path,
            status: 'not-checked',
            detail: 'not found, so not checked',
            expected: input.sha256,
          };
    }
    const at = found.location === input.path ? '' : ` (at ${found.location})`;
    if (found.sha256 === input.sha256 && found.bytes === input.bytes) {
      return {
        subject: 'input',
        name: input.path,
        status: 'ok',
        detail: `SHA-256 ${short(found.sha256)} as recorded${at}`,
        expected: input.sha256,
        found: found.sha256,
      };
    }
    return {
      subject: 'input',
      name: input.path,
      status: 'changed',
      detail: `SHA-256 ${short(found.sha256)} (${found.bytes} bytes) where the manifest records ${short(input.sha256)} (${input.bytes} bytes)${at}`,
      expected: input.sha256,
      found: found.sha256,
    };
  });
}

export async function verifyProvenance(
  evidence: ProvenanceEvidence,
): Promise<ProvenanceVerification> {
  const actual = await sha256Hex(evidence.report.bytes);
  const checksum = checksumItem(evidence, actual);
  const items: VerificationItem[] = [
    await reportItem(evidence, actual),
    ...(checksum === null ? [] : [checksum]),
    await findingsItem(evidence),
    ...inputItems(evidence),
  ];
  const tampered = items.some((item) => item.status === 'changed' || item.status === 'missing');
  return { verdict: tampered ? 'tampered' : 'verified', items };
}
