/**
 * The normalised, cloud-neutral model every importer produces and the evaluator reads.
 * Plain JSON-friendly data only: it crosses worker boundaries, is stored in IndexedDB and
 * written into reports, so no classes, Maps or bigints here.
 */

export type AddressFamily = 'ipv4' | 'ipv6';

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'gre' | 'all';

export type Direction = 'ingress' | 'egress';

export type RuleAction = 'accept' | 'drop';

/** Inclusive port range, 1 ≤ from ≤ to ≤ 65535. */
export interface PortRange {
  from: number;
  to: number;
}

/** Where a value came from: the input file's display name and the JSON path inside it. */
export interface Origin {
  file: string;
  path: string;
}

export type RuleSource =
  /** `cidr` is normalised: a bare address gets /32 or /128, IPv6 is lower-case compressed. */
  | { kind: 'cidr'; family: AddressFamily; cidr: string }
  | { kind: 'security-group'; groupId: string; groupName: string; ownerAccount: string }
  | { kind: 'prefix-list'; prefixListId: string; prefixListName: string }
  | { kind: 'none' };

export interface Rule {
  /** `SecurityGroupRuleId`, or `<groupId>#<index>` when the export has none. */
  id: string;
  groupId: string;
  direction: Direction;
  action: RuleAction;
  /** Smaller wins; user rules 1–100, system rules 110; any integer is accepted. */
  priority: number;
  protocol: Protocol;
  /**
   * The ports the rule covers. `all` always gets 1–65535; ICMP, ICMPv6 and GRE get null
   * (they never open a TCP or UDP port).
   */
  ports: PortRange | null;
  /** The original `PortRange` text, shown to the auditor as exported. */
  portRangeText: string;
  /** `PortRangeListId`, '' when none. */
  portListId: string;
  source: RuleSource;
  /**
   * Set when the rule cannot be decided offline (prefix-list source, port list without a usable
   * range): it is reported for review, never counted as safe or as open.
   */
  unresolved: string | null;
  nicType: string;
  description: string;
  createTime: string;
  origin: Origin;
}

export interface Tag {
  key: string;
  value: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  regionId: string;
  /** '' for classic-network groups. */
  vpcId: string;
  /** `normal` (basic) or `enterprise` (advanced), as exported; '' when unknown. */
  type: string;
  innerAccessPolicy: string;
  resourceGroupId: string;
  creationTime: string;
  serviceManaged: boolean;
  tags: Tag[];
  /** True once a DescribeSecurityGroupAttribute export for this group was imported. */
  rulesImported: boolean;
  rules: Rule[];
  /** Every file that contributed to this group. */
  origins: Origin[];
}

export interface Instance {
  id: string;
  name: string;
  hostName: string;
  description: string;
  regionId: string;
  zoneId: string;
  status: string;
  instanceType: string;
  /** `linux` / `windows` as exported, '' when unknown. */
  osType: string;
  osName: string;
  /** `vpc` / `classic`. */
  networkType: string;
  vpcId: string;
  /** The primary network interface's groups, in export order, duplicates removed. */
  securityGroupIds: string[];
  /** `PublicIpAddress.IpAddress[]` plus `EipAddress.IpAddress`, non-empty values only. */
  publicIps: string[];
  privateIps: string[];
  tags: Tag[];
  origin: Origin;
}

export interface NetworkInterface {
  id: string;
  instanceId: string;
  type: 'primary' | 'secondary';
  securityGroupIds: string[];
  publicIp: string;
  privateIps: string[];
  origin: Origin;
}

export type InputKind =
  | 'alibaba:DescribeSecurityGroups'
  | 'alibaba:DescribeSecurityGroupAttribute'
  | 'alibaba:DescribeInstances'
  | 'alibaba:DescribeNetworkInterfaces'
  | 'zip'
  | 'unreadable';

/** One input as received: the provenance an auditor must be able to show. */
export interface InputRecord {
  /** Display name: the path given, or `archive.zip!/inner/path.json` for zip entries. */
  name: string;
  bytes: number;
  /** Hex SHA-256 of the raw bytes, before any decoding. */
  sha256: string;
  kind: InputKind;
  /** For zip entries, the archive's name. */
  container?: string;
  /** How many records (groups, rules, instances, interfaces) the file contributed. */
  records: number;
}

export type IssueSeverity = 'error' | 'warning';

/**
 * A problem found while importing. `error` on a file: nothing of that file was used.
 * `error` on a record (path set below the top): that record was skipped, the rest imported.
 */
export interface ImportIssue {
  severity: IssueSeverity;
  /** Stable machine code, e.g. `json-syntax`, `not-an-export`, `invalid-port-range`. */
  code: string;
  /** One human sentence, English, naming what is wrong. */
  message: string;
  file: string;
  /** JSON path such as `$.Permissions.Permission[3].PortRange`. */
  path?: string;
  line?: number;
  column?: number;
}

/** Evidence the export lacks: results it touches are `incomplete`, never `passed`. */
export type EvidenceGap =
  | {
      kind: 'missing-pages';
      collection: 'security-groups' | 'instances' | 'network-interfaces';
      regionId: string;
      expected: number;
      present: number;
    }
  | { kind: 'more-pages'; collection: 'security-groups' | 'instances' | 'network-interfaces' | 'rules'; file: string; groupId?: string }
  | { kind: 'missing-rules'; groupId: string; referencedBy: string[] }
  | { kind: 'skipped-rules'; groupId: string; count: number };

export interface Snapshot {
  inputs: InputRecord[];
  groups: SecurityGroup[];
  instances: Instance[];
  networkInterfaces: NetworkInterface[];
  issues: ImportIssue[];
  gaps: EvidenceGap[];
}
