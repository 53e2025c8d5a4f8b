/**
 * The snapshot as UTF-8 JSON. A 2,000-group snapshot is millions of small objects: structured-
 * cloning it (worker → page, page → IndexedDB, main → renderer) cost about a second each time,
 * while one buffer is transferred for free and stored as one Blob. JSON is enough: the model is
 * plain objects, arrays, strings, finite numbers and booleans. Rules are stored as rows
 * (rule-rows.ts); snapshots stored before rows existed are plain JSON and still read.
 */
import type { AuditResult } from '../audit/result';
import type { SecurityGroup, Snapshot } from '../model';
import { createRuleReader, FileTable, RuleRowError, toRuleRow } from './rule-rows';
import { headOf, type SnapshotHead } from './snapshot-head';

export interface EncodedSnapshot {
  json: Uint8Array;
  /** The counts the audits list and the activity log need, without decoding. */
  groups: number;
  instances: number;
  head: SnapshotHead;
}

export class SnapshotDecodeError extends Error {
  override name = 'SnapshotDecodeError';
}

/** Marks the row format; a stored snapshot without it is the plain JSON of the model. */
const FORMAT = 'sg-audit-snapshot/rule-rows';

export function encodeSnapshot(snapshot: Snapshot): EncodedSnapshot {
  const files = new FileTable();
  // Spread keeps each group's own key order, so a decoded group serialises exactly as before.
  const groups = snapshot.groups.map((group) => ({
    ...group,
    rules: group.rules.map((rule) => toRuleRow(rule, files)),
  }));
  const stored = {
    format: FORMAT,
    files: files.names,
    inputs: snapshot.inputs,
    groups,
    instances: snapshot.instances,
    networkInterfaces: snapshot.networkInterfaces,
    issues: snapshot.issues,
    gaps: snapshot.gaps,
  };
  return {
    json: utf8(JSON.stringify(stored)),
    groups: snapshot.groups.length,
    instances: snapshot.instances.length,
    head: headOf(snapshot),
  };
}

/**
 * encodeInto a buffer of the worst-case size, then one copy of the used part: in Chromium's workers
 * this is about twice as fast as TextEncoder.encode on tens of megabytes (equal in Node).
 */
function utf8(text: string): Uint8Array {
  const buffer = new Uint8Array(text.length * 3);
  const { written } = new TextEncoder().encodeInto(text, buffer);
  return buffer.slice(0, written);
}

const snapshotArrays = [
  'inputs',
  'groups',
  'instances',
  'networkInterfaces',
  'issues',
  'gaps',
] as const;

/** Throws SnapshotDecodeError (never a SyntaxError with a position in 50 MB) when the bytes are not a snapshot. */
export function decodeSnapshot(json: Uint8Array): Snapshot {
  const stored = parseStored(() => new TextDecoder('utf-8', { fatal: true }).decode(json));
  if (stored.format === undefined) return stored;
  const toGroup = groupReader(stored);
  return withGroups(stored, stored.groups.map(toGroup));
}

/**
 * decodeSnapshot in slices, awaiting `pause` between them, so that a UI thread decoding a large
 * snapshot keeps drawing: the text is decoded a megabyte at a time and the rules a few hundred
 * groups at a time; only JSON.parse itself (a tenth of the work) runs in one piece.
 */
export async function decodeSnapshotInSlices(
  json: Uint8Array,
  pause: () => Promise<void>,
  sliceBytes = 1 << 20,
): Promise<Snapshot> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  try {
    for (let offset = 0; offset < json.length; offset += sliceBytes) {
      parts.push(decoder.decode(json.subarray(offset, offset + sliceBytes), { stream: true }));
      await pause();
    }
    parts.push(decoder.decode());
  } catch (error) {
    throw notReadable(error);
  }
  const stored = parseStored(() => parts.join(''));
  if (stored.format === undefined) return stored;
  const toGroup = groupReader(stored);
  const groups: SecurityGroup[] = [];
  for (let index = 0; index < stored.groups.length; index += 1) {
    groups.push(toGroup(stored.groups[index] as SecurityGroup, index));
    if (index % GROUPS_PER_SLICE === GROUPS_PER_SLICE - 1) await pause();
  }
  return withGroups(stored, groups);
}

const GROUPS_PER_SLICE = 200;

type StoredSnapshot = Snapshot & { format?: unknown; files?: unknown };

function notReadable(error: unknown): SnapshotDecodeError {
  return new SnapshotDecodeError(
    `the stored snapshot is not readable JSON (${error instanceof Error ? error.message : String(error)})`,
  );
}

function parseStored(text: () => string): StoredSnapshot {
  let value: unknown;
  try {
    value = JSON.parse(text());
  } catch (error) {
    throw notReadable(error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotDecodeError('the stored snapshot is not an object');
  }
  const missing = snapshotArrays.filter(
    (key) => !Array.isArray((value as Record<string, unknown>)[key]),
  );
  if (missing.length > 0)
    throw new SnapshotDecodeError(`the stored snapshot has no ${missing.join(', ')} list`);
  return value as StoredSnapshot;
}

function withGroups(stored: StoredSnapshot, groups: SecurityGroup[]): Snapshot {
  return {
    inputs: stored.inputs,
    groups,
    instances: stored.instances,
    networkInterfaces: stored.networkInterfaces,
    issues: stored.issues,
    gaps: stored.gaps,
  };
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Builds each stored group's rules back from their rows. */
function groupReader(stored: StoredSnapshot): (group: SecurityGroup, groupIndex: number) => SecurityGroup {
  if (stored.format !== FORMAT || !isStringList(stored.files))
    throw new SnapshotDecodeError(`the stored snapshot is in an unknown format (${JSON.stringify(stored.format)})`);
  const toRule = createRuleReader(stored.files);
  return (group, groupIndex) => {
    if (!Array.isArray(group.rules))
      throw new SnapshotDecodeError(`the stored snapshot's group ${groupIndex} has no rules list`);
    const rows: unknown[] = group.rules;
    try {
      return { ...group, rules: rows.map((row) => toRule(row, group.id)) };
    } catch (error) {
      if (!(error instanceof RuleRowError)) throw error;
      throw new SnapshotDecodeError(
        `a rule of the stored snapshot's group ${groupIndex} cannot be read: ${error.message}`,
      );
    }
  };
}

/** An imported outcome with its snapshot decoded, as reports render it. */
export function decodeOutcome(outcome: { snapshot: EncodedSnapshot; result: AuditResult }): {
  snapshot: Snapshot;
  result: AuditResult;
} {
  return { snapshot: decodeSnapshot(outcome.snapshot.json), result: outcome.result };
}
