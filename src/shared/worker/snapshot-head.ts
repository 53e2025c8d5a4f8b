import type { EvidenceGap, ImportIssue, InputRecord, Snapshot } from '../model';

/**
 * The small part of a snapshot the results screen shows: with it the audit opens without decoding
 * tens of megabytes; the groups and instances are decoded when a view needs them.
 */
export interface SnapshotHead {
  inputs: InputRecord[];
  issues: ImportIssue[];
  gaps: EvidenceGap[];
  counts: { groups: number; instances: number; rules: number };
  /** Instances with a public address: the overview counts the at-risk ones among them. */
  publicInstanceIds: string[];
}

export function headOf(snapshot: Snapshot): SnapshotHead {
  let rules = 0;
  for (const group of snapshot.groups) rules += group.rules.length;
  return {
    inputs: snapshot.inputs,
    issues: snapshot.issues,
    gaps: snapshot.gaps,
    counts: { groups: snapshot.groups.length, instances: snapshot.instances.length, rules },
    publicInstanceIds: snapshot.instances
      .filter((instance) => instance.publicIps.length > 0)
      .map((instance) => instance.id),
  };
}
