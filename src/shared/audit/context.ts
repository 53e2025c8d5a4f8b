import type { EvidenceGap, Instance, SecurityGroup } from '../model';
import type { OpenPort, RuleEvidence } from './result';

/** A security group judged on its own rules (what a group-centred console shows). */
export interface GroupTarget {
  level: 'security-group';
  group: SecurityGroup;
  /** Instances (any interface) that use this group. */
  instanceIds: string[];
  /** Evidence this group's verdicts lack (rules not imported, rules skipped, more pages). */
  gaps: EvidenceGap[];
}

/** One network interface of an instance: its groups' rules are merged and judged together. */
export interface InterfaceTarget {
  /** null for the primary interface as described by DescribeInstances. */
  networkInterfaceId: string | null;
  securityGroupIds: string[];
}

/** An instance judged on the merged rules of each of its interfaces. */
export interface InstanceTarget {
  level: 'instance';
  instance: Instance;
  interfaces: InterfaceTarget[];
  /** Public addresses: the instance's own and any interface's associated public IP. */
  publicIps: string[];
  gaps: EvidenceGap[];
}

export type AuditTarget = GroupTarget | InstanceTarget;

export type ExposureQuery =
  | { protocol: 'tcp' | 'udp'; port: number }
  | { protocol: 'tcp' | 'udp'; allPorts: true };

/** An applying Accept that outranking Drops close completely: answers "why is this not flagged?". */
export interface CancelledEvidence {
  accept: RuleEvidence;
  /** The Drops (same family, priority ≤ the Accept's) that together cover its source. */
  by: RuleEvidence[];
}

/**
 * The answer for one target and one query.
 * `open`: open to all addresses of at least one family. `unresolved`: not shown open, but a rule
 * that cannot be decided offline could make it so (or could be what closes it).
 */
export interface TargetExposure {
  verdict: 'open' | 'closed' | 'unresolved';
  open: OpenPort[];
  accepts: RuleEvidence[];
  partialDrops: RuleEvidence[];
  unresolved: RuleEvidence[];
  /**
   * Not open although the applying Accepts alone would open it: the Accepts closed entirely by
   * Drops, with those Drops. Empty or absent otherwise.
   */
  cancelled?: CancelledEvidence[];
}

/** What a check function sees: the targets and a memoised exposure oracle. Pure and read-only. */
export interface CheckContext {
  readonly groups: readonly GroupTarget[];
  readonly instances: readonly InstanceTarget[];
  exposure(target: AuditTarget, query: ExposureQuery): TargetExposure;
}
