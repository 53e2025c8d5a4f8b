import type { ImportIssue, InputRecord, Snapshot } from '../model';
import {
  contributionRecordCount,
  emptyContribution,
  type FileContribution,
} from './alibaba/contribution';
import { normaliseSecurityGroupsResponse } from './alibaba/normalise-groups';
import { normaliseInstancesResponse } from './alibaba/normalise-instances';
import { normaliseNetworkInterfacesResponse } from './alibaba/normalise-interfaces';
import { normaliseAttributeResponse } from './alibaba/normalise-rules';
import { completeness } from './completeness';
import { detect, type AlibabaKind, type DetectedResponse } from './detect';
import { sha256Hex } from './digest';
import { FileIssues } from './file-issues';
import { resolveLimits, type ImportLimits } from './limits';
import { mergeContributions } from './merge';
import { readJsonDocument, type JsonDocument } from './read-json';
import { sniff, type SniffResult } from './sniff';
import { compareText, formatBytes, formatLimit } from './text';
import { checkZipLimits, listZip, officeDocumentKind, readZipEntry } from './zip';

export { defaultImportLimits, type ImportLimits } from './limits';

export interface RawInput {
  /** Display name: the path as given. */
  name: string;
  bytes: Uint8Array;
  /**
   * Optional hex SHA-256 of `bytes`, when the host already computed it on another thread (Node's
   * Web Crypto digest runs on the calling thread, so hashing in the host keeps it off the
   * worker's critical path). Anything but 64 hex digits is ignored and the hash is computed here.
   */
  sha256?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** What one add() produced: a zip yields one record for the zip and one per entry. */
export interface AddedInput {
  records: InputRecord[];
  issues: ImportIssue[];
}

export interface SnapshotBuilder {
  /**
   * Reads one file (or zip) and keeps only its normalised records. Never throws for bad input:
   * every problem becomes an issue.
   */
  add(input: RawInput): Promise<AddedInput>;
  /** Merges everything added so far; can be called again after more add() calls. */
  build(): Snapshot;
}

const NORMALISERS: Record<
  AlibabaKind,
  (
    response: DetectedResponse['response'],
    path: string,
    out: FileContribution,
    issues: FileIssues,
  ) => void
> = {
  'alibaba:DescribeSecurityGroups': normaliseSecurityGroupsResponse,
  'alibaba:DescribeSecurityGroupAttribute': normaliseAttributeResponse,
  'alibaba:DescribeInstances': normaliseInstancesResponse,
  'alibaba:DescribeNetworkInterfaces': normaliseNetworkInterfacesResponse,
};

export function createSnapshotBuilder(limits: Partial<ImportLimits> = {}): SnapshotBuilder {
  const resolvedLimits = resolveLimits(limits);
  const inputs: InputRecord[] = [];
  const issues: ImportIssue[] = [];
  const contributions: FileContribution[] = [];
  /** First input seen with each SHA-256, to ignore exact duplicates. */
  const inputsByHash = new Map<string, InputRecord>();

  /** Reads one file or zip entry; pushes its record (and, for a zip, its entries' records) and issues into `added`. */
  async function readInput(
    name: string,
    bytes: Uint8Array,
    container: string | undefined,
    added: AddedInput,
    knownSha256?: string,
  ): Promise<InputRecord> {
    const record: InputRecord = {
      name,
      bytes: bytes.length,
      sha256: '',
      kind: 'unreadable',
      records: 0,
    };
    if (container !== undefined) record.container = container;
    added.records.push(record);
    const fileIssues = new FileIssues(name);
    let document: JsonDocument | null = null;
    try {
      document = await interpret(record, bytes, container, fileIssues, added, knownSha256);
    } catch (error) {
      // A bug must not abort an import of thousands of files: report it on this file only, without a stack.
      fileIssues.fileError(
        'internal-error',
        `the file could not be read because of an internal error (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const locate =
      document?.ok === true && fileIssues.hasPaths
        ? document.locator(fileIssues.pending.flatMap((issue) => issue.path ?? []))
        : undefined;
    added.issues.push(...fileIssues.toImportIssues(locate));
    return record;
  }

  /**
   * Returns the parsed document when the file got that far (to locate record issues), else null.
   * The SHA-256 is started first: where Web Crypto hashes off-thread (browsers) it overlaps
   * decoding and parsing. A duplicate is recognised once both are done, and its results dropped.
   */
  async function interpret(
    record: InputRecord,
    bytes: Uint8Array,
    container: string | undefined,
    fileIssues: FileIssues,
    added: AddedInput,
    knownSha256: string | undefined,
  ): Promise<JsonDocument | null> {
    // A digest that fails (some engines refuse multi-gigabyte buffers) leaves the hash empty, not the file unread.
    const hashing =
      knownSha256 !== undefined && SHA256_HEX.test(knownSha256)
        ? Promise.resolve(knownSha256)
        : sha256Hex(bytes).catch(() => '');
    if (bytes.length > resolvedLimits.maxFileBytes) {
      record.sha256 = await hashing;
      fileIssues.fileError(
        'too-large',
        `the file is ${formatBytes(bytes.length)}, above the ${formatLimit(resolvedLimits.maxFileBytes)} limit for one file, so it was not read`,
      );
      return null;
    }
    const sniffed = sniff(bytes);
    if (sniffed.type === 'zip') {
      record.sha256 = await hashing;
      if (isDuplicate(record, fileIssues)) return null;
      if (container !== undefined) {
        fileIssues.fileError(
          'nested-archive',
          'this is a zip archive inside another archive; nested archives are not unpacked, add it separately',
        );
        return null;
      }
      await readZip(record, bytes, fileIssues, added);
      return null;
    }
    const contribution = emptyContribution(record.name);
    const document = interpretText(record, bytes, sniffed, contribution, fileIssues);
    record.sha256 = await hashing;
    if (isDuplicate(record, fileIssues)) {
      record.records = 0;
      return null;
    }
    if (record.kind !== 'unreadable') contributions.push(contribution);
    return document;
  }

  /** Exact same bytes as an earlier input: everything found in this one is replaced by one warning. */
  function isDuplicate(record: InputRecord, fileIssues: FileIssues): boolean {
    // Empty files all share one hash; each is reported as empty rather than as a duplicate.
    if (record.bytes === 0 || record.sha256 === '') return false;
    const first = inputsByHash.get(record.sha256);
    if (first === undefined) {
      inputsByHash.set(record.sha256, record);
      return false;
    }
    record.kind = first.kind;
    fileIssues.clear();
    fileIssues.warning(
      'duplicate-file',
      `the file has exactly the same content as ${first.name} (SHA-256 ${record.sha256.slice(0, 12)}…), so it was ignored`,
    );
    return true;
  }

  /** Everything that is not a zip: decode, parse, detect, normalise into `contribution`. */
  function interpretText(
    record: InputRecord,
    bytes: Uint8Array,
    sniffed: SniffResult,
    contribution: FileContribution,
    fileIssues: FileIssues,
  ): JsonDocument | null {
    if (sniffed.type === 'binary') {
      fileIssues.fileError('not-json', `this is ${sniffed.label}, not a JSON export`);
      return null;
    }
    if (sniffed.type === 'mac-metadata') {
      fileIssues.warning(
        'skipped-metadata',
        'this is macOS Finder metadata, not an export, so it was skipped',
      );
      return null;
    }
    // Decoding, parsing and the JSON limits (src/shared/import/read-json.ts).
    const document = readJsonDocument(bytes, resolvedLimits);
    if (!document.ok) {
      fileIssues.fileError(document.code, document.detail, {
        line: document.line,
        column: document.column,
      });
      return null;
    }
    const detection = detect(document.value);
    if (detection.type === 'rejected') {
      fileIssues.fileError(detection.code, detection.detail);
      return document;
    }
    record.kind = detection.responses[0]!.kind;
    for (const rejected of detection.rejectedElements)
      fileIssues.recordError(
        rejected.code,
        rejected.path,
        `this element was skipped: ${rejected.detail}`,
      );
    for (const response of detection.responses)
      NORMALISERS[response.kind](response.response, response.path, contribution, fileIssues);
    record.records = contributionRecordCount(contribution);
    return document;
  }

  async function readZip(
    record: InputRecord,
    bytes: Uint8Array,
    fileIssues: FileIssues,
    added: AddedInput,
  ): Promise<void> {
    // An archive refused whole is unreadable: nothing of it may be stored as an import.
    record.kind = 'unreadable';
    const listing = listZip(bytes, resolvedLimits.maxZipEntries);
    if (!listing.ok) {
      fileIssues.fileError(listing.code, listing.detail);
      return;
    }
    const office = officeDocumentKind(listing.entries);
    if (office !== null) {
      fileIssues.fileError('not-json', `this is ${office}, not an export`);
      return;
    }
    const files = listing.entries.filter((entry) => !entry.isDirectory);
    const problem = checkZipLimits(files, bytes.length, resolvedLimits);
    if (problem !== null) {
      fileIssues.fileError(problem.code, `${problem.detail}, so it was not unpacked`);
      return;
    }
    record.kind = 'zip';
    if (files.length === 0) fileIssues.warning('empty-archive', 'the archive contains no files');
    for (const entry of files) {
      const entryName = `${record.name}!/${entry.name}`;
      if (entry.size > resolvedLimits.maxFileBytes) {
        unreadEntry(
          entryName,
          entry.size,
          record.name,
          added,
          'too-large',
          `the entry is ${formatBytes(entry.size)}, above the ${formatLimit(resolvedLimits.maxFileBytes)} limit for one file, so it was not read`,
        );
        continue;
      }
      const data = readZipEntry(bytes, entry);
      if (!data.ok) {
        unreadEntry(entryName, entry.size, record.name, added, data.code, data.detail);
        continue;
      }
      const entryRecord = await readInput(entryName, data.bytes, record.name, added);
      record.records += entryRecord.records;
    }
  }

  /** A zip entry refused before inflating: it has a record, but no hash since its bytes were never read. */
  function unreadEntry(
    name: string,
    size: number,
    container: string,
    added: AddedInput,
    code: string,
    detail: string,
  ): void {
    added.records.push({
      name,
      bytes: size,
      sha256: '',
      kind: 'unreadable',
      container,
      records: 0,
    });
    const entryIssues = new FileIssues(name);
    entryIssues.fileError(code, detail);
    added.issues.push(...entryIssues.toImportIssues());
  }

  return {
    async add(input: RawInput): Promise<AddedInput> {
      if (typeof input?.name !== 'string' || !(input.bytes instanceof Uint8Array)) {
        throw new TypeError('add() expects { name: string, bytes: Uint8Array }');
      }
      const added: AddedInput = { records: [], issues: [] };
      await readInput(input.name, input.bytes, undefined, added, input.sha256);
      inputs.push(...added.records);
      issues.push(...added.issues);
      return added;
    },

    build(): Snapshot {
      // File-name order, so the result (which duplicate is kept, rule order) does not depend on the order of add() calls.
      const ordered = contributions
        .map((contribution, index) => ({ contribution, index }))
        .sort(
          (left, right) =>
            compareText(left.contribution.file, right.contribution.file) ||
            left.index - right.index,
        )
        .map((entry) => entry.contribution);
      const merged = mergeContributions(ordered);
      const gaps = completeness(ordered, merged.groups, merged.instances, merged.networkInterfaces);
      return {
        inputs: inputs.map((record) => ({ ...record })),
        groups: merged.groups,
        instances: merged.instances,
        networkInterfaces: merged.networkInterfaces,
        issues: [...issues, ...merged.issues, ...gaps.issues],
        gaps: gaps.gaps,
      };
    },
  };
}

/** Convenience for tests and small callers: adds every input in order, then builds. */
export async function importInputs(inputs: readonly RawInput[]): Promise<Snapshot> {
  const builder = createSnapshotBuilder();
  for (const input of inputs) await builder.add(input);
  return builder.build();
}
