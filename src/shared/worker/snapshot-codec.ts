/**
 * The snapshot as UTF-8 JSON. A 2,000-group snapshot is millions of small objects: structured-
 * cloning it (worker → page, page → IndexedDB, main → renderer) cost about a second each time,
 * while one buffer is transferred for free and stored as one Blob. JSON is enough: the model is
 * plain objects, arrays, strings, finite numbers and booleans.
 */
import type { AuditResult } from '../audit/result';
import type { Snapshot } from '../model';

export interface EncodedSnapshot {
  json: Uint8Array;
  /** The counts the audits list and the activity log need, without decoding. */
  groups: number;
  instances: number;
}

export class SnapshotDecodeError extends Error {
  override name = 'SnapshotDecodeError';
}

export function encodeSnapshot(snapshot: Snapshot): EncodedSnapshot {
  return {
    json: new TextEncoder().encode(JSON.stringify(snapshot)),
    groups: snapshot.groups.length,
    instances: snapshot.instances.length,
  };
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
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (error) {
    throw new SnapshotDecodeError(
      `the stored snapshot is not readable JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SnapshotDecodeError('the stored snapshot is not an object');
  }
  const missing = snapshotArrays.filter(
    (key) => !Array.isArray((value as Record<string, unknown>)[key]),
  );
  if (missing.length > 0)
    throw new SnapshotDecodeError(`the stored snapshot has no ${missing.join(', ')} list`);
  return value as Snapshot;
}

/** An imported outcome with its snapshot decoded, as reports render it. */
export function decodeOutcome(outcome: { snapshot: EncodedSnapshot; result: AuditResult }): {
  snapshot: Snapshot;
  result: AuditResult;
} {
  return { snapshot: decodeSnapshot(outcome.snapshot.json), result: outcome.result };
}
