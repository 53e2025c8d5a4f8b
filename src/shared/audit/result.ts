import type { AddressFamily, EvidenceGap, Protocol, RuleAction } from '../model';

export type RiskLevel = 'high' | 'medium' | 'low';

export type FindingLevel = 'security-group' | 'instance';

export type CheckStatus = 'at-risk' | 'passed' | 'incomplete' | 'disabled';

/** A rule as shown in a finding: enough to answer "why is this flagged?" without the snapshot. */
export interface RuleEvidence {
  ruleId: string;
  groupId: string;
  groupName: string;
  priority: number;
  action: RuleAction;
  protocol: Protocol;
  portRange: string;
  /** The source as written: a CIDR, `sg-…` or `pl-…`. */
  source: string;
  description: string;
  /** Why the rule could not be decided offline, when it could not. */
  unresolved: string | null;
  /** Set at instance level when the rule reached the instance through a secondary interface. */
  networkInterfaceId?: string;
}

/** One protocol/port (or range) that is open to all addresses of the listed families. */
export interface OpenPort {
  protocol: 'tcp' | 'udp';
  from: number;
  to: number;
  families: AddressFamily[];
}

export interface Finding {
  /** Stable across runs: `<checkId>|<level>|<objectId>`. */
  key: string;
  checkId: string;
  level: FindingLevel;
  objectId: string;
  objectName: string;
  regionId: string;
  /** `incomplete`: not shown to be at risk, but the evidence to say "passed" is missing or unresolved. */
  status: 'at-risk' | 'incomplete';
  /** Instance level: the instance's public addresses (empty: none known). Group level: empty. */
  publicIps: string[];
  open: OpenPort[];
  /** The Accept rules that decide the exposure (applying, not cancelled). */
  accepts: RuleEvidence[];
  /** Drop rules that restrict those Accepts only in part. */
  partialDrops: RuleEvidence[];
  /** Rules that could not be decided offline and bear on this object. */
  unresolved: RuleEvidence[];
  /** Group level: ids of the instances using the group. Instance level: empty. */
  instanceIds: string[];
  /** Instance level: the group ids whose merged rules were evaluated. Group level: [objectId]. */
  securityGroupIds: string[];
  gaps: EvidenceGap[];
}

export interface CheckResult {
  id: string;
  risk: RiskLevel;
  enabled: boolean;
  status: CheckStatus;
  /** At-risk security group ids (group level), sorted. */
  securityGroups: string[];
  /** At-risk instance ids (instance level), public-IP instances first, then by id. */
  instances: string[];
  findings: Finding[];
  /** Gaps that bear on the whole check (e.g. missing pages of instances): no `passed` with these. */
  gaps: EvidenceGap[];
}

export interface AuditResult {
  catalogueVersion: string;
  checks: CheckResult[];
}
