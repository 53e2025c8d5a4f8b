/**
 * Pure view models over a snapshot and a result: the rows the tables show, each with a search key
 * lowercased once, so filtering 100,000 rows is one `includes` per row and no allocation.
 */
import type { HTMLAttributes } from 'vue';
import type { AuditResult, CheckResult, CheckStatus, Finding, RiskLevel } from '../../shared/audit/result';
import { findCheck } from '../../shared/checks/registry';
import type { Language } from '../../shared/checks/types';
import type { Instance, SecurityGroup, Snapshot } from '../../shared/model';
import type { SnapshotHead } from '../../shared/worker/snapshot-head';

export const riskOrder: Record<RiskLevel, number> = { high: 0, medium: 1, low: 2 };
export const statusOrder: Record<CheckStatus, number> = { 'at-risk': 0, incomplete: 1, passed: 2, disabled: 3 };

export interface CheckRow {
  id: string;
  risk: RiskLevel;
  status: CheckStatus;
  enabled: boolean;
  securityGroups: number;
  instances: number;
  incompleteFindings: number;
  check: CheckResult;
  /** Id and both languages' titles: the search works whatever the UI language. */
  searchKey: string;
}

export function checkTitle(id: string, language: Language): string {
  return findCheck(id)?.text[language].title ?? id;
}

export function buildCheckRows(result: AuditResult): CheckRow[] {
  return result.checks.map((check) => ({
    id: check.id,
    risk: check.risk,
    status: check.status,
    enabled: check.enabled,
    securityGroups: check.securityGroups.length,
    instances: check.instances.length,
    incompleteFindings: check.findings.filter((finding) => finding.status === 'incomplete').length,
    check,
    searchKey: [check.id, checkTitle(check.id, 'en'), checkTitle(check.id, 'zh')].join('\n').toLowerCase(),
  }));
}

export interface CheckFilter {
  text: string;
  risks: RiskLevel[];
  statuses: CheckStatus[];
}

export function filterCheckRows(rows: readonly CheckRow[], filter: CheckFilter): CheckRow[] {
  const text = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.risks.length === 0 || filter.risks.includes(row.risk)) &&
      (filter.statuses.length === 0 || filter.statuses.includes(row.status)) &&
      (text === '' || row.searchKey.includes(text)),
  );
}

export interface AuditOverview {
  atRiskChecksByRisk: Record<RiskLevel, number>;
  atRiskSecurityGroups: number;
  atRiskInstances: number;
  atRiskInstancesWithPublicIp: number;
  incompleteChecks: number;
  disabledChecks: number;
  securityGroups: number;
  rules: number;
  instances: number;
}

export function buildOverview(head: SnapshotHead, result: AuditResult): AuditOverview {
  const byRisk: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0 };
  const groups = new Set<string>();
  const instances = new Set<string>();
  let incompleteChecks = 0;
  let disabledChecks = 0;
  for (const check of result.checks) {
    if (check.status === 'at-risk') byRisk[check.risk] += 1;
    if (check.status === 'incomplete') incompleteChecks += 1;
    if (check.status === 'disabled') disabledChecks += 1;
    check.securityGroups.forEach((id) => groups.add(id));
    check.instances.forEach((id) => instances.add(id));
  }
  let publicInstances = 0;
  for (const id of head.publicInstanceIds) if (instances.has(id)) publicInstances += 1;
  return {
    atRiskChecksByRisk: byRisk,
    atRiskSecurityGroups: groups.size,
    atRiskInstances: instances.size,
    atRiskInstancesWithPublicIp: publicInstances,
    incompleteChecks,
    disabledChecks,
    securityGroups: head.counts.groups,
    rules: head.counts.rules,
    instances: head.counts.instances,
  };
}

/** Every finding of every enabled check, by the id of the group or instance it is about. */
export function findingsByObject(result: AuditResult): Map<string, Finding[]> {
  const index = new Map<string, Finding[]>();
  for (const check of result.checks) {
    for (const finding of check.findings) {
      const list = index.get(finding.objectId);
      if (list === undefined) index.set(finding.objectId, [finding]);
      else list.push(finding);
    }
  }
  return index;
}

export interface GroupRow {
  id: string;
  group: SecurityGroup;
  ingressRules: number;
  egressRules: number;
  instanceIds: string[];
  findings: Finding[];
  atRisk: number;
  searchKey: string;
}

export interface InstanceRow {
  id: string;
  instance: Instance;
  findings: Finding[];
  atRisk: number;
  searchKey: string;
}

export function buildGroupRows(snapshot: Snapshot, findings: Map<string, Finding[]>): GroupRow[] {
  const users = new Map<string, string[]>();
  for (const instance of snapshot.instances) {
    for (const groupId of new Set(instance.securityGroupIds)) {
      const list = users.get(groupId);
      if (list === undefined) users.set(groupId, [instance.id]);
      else list.push(instance.id);
    }
  }
  return snapshot.groups.map((group) => {
    let ingress = 0;
    for (const rule of group.rules) if (rule.direction === 'ingress') ingress += 1;
    const own = (findings.get(group.id) ?? []).filter((finding) => finding.level === 'security-group');
    return {
      id: group.id,
      group,
      ingressRules: ingress,
      egressRules: group.rules.length - ingress,
      instanceIds: users.get(group.id) ?? [],
      findings: own,
      atRisk: own.filter((finding) => finding.status === 'at-risk').length,
      searchKey: [group.id, group.name, group.description, group.vpcId, group.regionId, group.type]
        .join('\n')
        .toLowerCase(),
    };
  });
}

export function buildInstanceRows(snapshot: Snapshot, findings: Map<string, Finding[]>): InstanceRow[] {
  return snapshot.instances.map((instance) => {
    const own = (findings.get(instance.id) ?? []).filter((finding) => finding.level === 'instance');
    return {
      id: instance.id,
      instance,
      findings: own,
      atRisk: own.filter((finding) => finding.status === 'at-risk').length,
      searchKey: [
        instance.id,
        instance.name,
        instance.hostName,
        instance.description,
        instance.regionId,
        instance.vpcId,
        ...instance.publicIps,
        ...instance.privateIps,
        ...instance.securityGroupIds,
      ]
        .join('\n')
        .toLowerCase(),
    };
  });
}

/** Rows whose search key contains the text; every row when the text is blank. */
export function filterBySearchKey<Row extends { searchKey: string }>(rows: readonly Row[], text: string): readonly Row[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return rows;
  return rows.filter((row) => row.searchKey.includes(needle));
}

export interface FindingRow {
  key: string;
  finding: Finding;
  searchKey: string;
}

export function buildFindingRows(findings: readonly Finding[]): FindingRow[] {
  return findings.map((finding) => ({
    key: finding.key,
    finding,
    searchKey: [finding.objectId, finding.objectName, finding.regionId, ...finding.publicIps, ...finding.securityGroupIds]
      .join('\n')
      .toLowerCase(),
  }));
}

/** Human text for one open port entry: `TCP 22 (IPv4, IPv6)`. */
export function describeOpenPort(open: Finding['open'][number]): string {
  const ports = open.from === open.to ? String(open.from) : `${open.from}-${open.to}`;
  const families = open.families.map((family) => (family === 'ipv4' ? 'IPv4' : 'IPv6')).join(', ');
  return `${open.protocol.toUpperCase()} ${ports} (${families})`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/**
 * Extra attributes for a table row (test ids, data-*). Naive UI types row props as
 * HTMLAttributes, which has no data-* members.
 */
export function rowAttributes(attributes: Record<string, string>): HTMLAttributes {
  return attributes as HTMLAttributes;
}
