/**
 * The versioned JSON contract of a scan (CLI `--format json`, the app's JSON export): complete
 * enough to rebuild every report from it. Field names never change within a major schemaVersion.
 */
import type { ActivitySummary } from '../activity/summary';
import type { AuditResult, CheckStatus, Finding, RiskLevel } from '../audit/result';
import { findCheck } from '../checks/registry';
import type { Language } from '../checks/types';
import type { EvidenceGap, ImportIssue, InputKind, Snapshot } from '../model';
import type { AuditInfo } from './report-model';

/** 1.1.0 added `audit` and `findingsSha256`; 1.2.0 `activity` (reports made by the app). */
export const scanDocumentSchemaVersion = '1.2.0';

export interface ToolInfo {
  name: string;
  version: string;
}

export interface ScanMeta {
  tool: ToolInfo;
  /** ISO 8601; fixed by the caller for reproducible output. */
  generatedAt: string;
  language: Language;
  disabledChecks: readonly string[];
}

export interface ScanInput {
  path: string;
  sha256: string;
  bytes: number;
  kind: InputKind;
  records: number;
  container?: string;
}

export interface ScanCheck {
  id: string;
  title: string;
  risk: RiskLevel;
  riskText: string;
  suggestion: string;
  enabled: boolean;
  status: CheckStatus;
  securityGroups: string[];
  instances: string[];
  gaps: EvidenceGap[];
  findings: Finding[];
}

export interface AssessedGroup {
  id: string;
  name: string;
  regionId: string;
  vpcId: string;
  type: string;
  rulesImported: boolean;
  ingressRules: number;
  instanceCount: number;
}

export interface AssessedInstance {
  id: string;
  name: string;
  regionId: string;
  publicIps: string[];
  securityGroupIds: string[];
}

export interface ScanSummary {
  securityGroups: number;
  rules: number;
  instances: number;
  networkInterfaces: number;
  regions: string[];
  checks: Record<CheckStatus, number>;
  /** Enabled checks at risk, by their risk level. */
  atRiskChecksByRisk: Record<RiskLevel, number>;
  atRiskSecurityGroups: number;
  atRiskInstances: number;
  atRiskInstancesWithPublicIp: number;
}

export interface ScanDocument {
  schemaVersion: string;
  tool: ToolInfo;
  catalogueVersion: string;
  generatedAt: string;
  language: Language;
  options: { disabledChecks: string[] };
  /** The engagement (client, auditor, …): set by renderReport, absent from buildScanDocument's output. */
  audit?: AuditInfo;
  /** SHA-256 of the findings data (see findingsDigestInput): set by renderReport. */
  findingsSha256?: string;
  /** The audit's activity log, summarised (the app's reports only: the CLI keeps no log). */
  activity?: ActivitySummary;
  inputs: ScanInput[];
  summary: ScanSummary;
  warnings: ImportIssue[];
  gaps: EvidenceGap[];
  checks: ScanCheck[];
  assessed: { securityGroups: AssessedGroup[]; instances: AssessedInstance[] };
}

function toScanCheck(check: AuditResult['checks'][number], language: Language): ScanCheck {
  const text = findCheck(check.id)?.text[language];
  return {
    id: check.id,
    title: text?.title ?? check.id,
    risk: check.risk,
    riskText: text?.risk ?? '',
    suggestion: text?.suggestion ?? '',
    enabled: check.enabled,
    status: check.status,
    securityGroups: check.securityGroups,
    instances: check.instances,
    gaps: check.gaps,
    findings: check.findings,
  };
}

function assessedGroups(snapshot: Snapshot): AssessedGroup[] {
  const instanceCount = new Map<string, number>();
  for (const instance of snapshot.instances) {
    for (const groupId of new Set(instance.securityGroupIds)) {
      instanceCount.set(groupId, (instanceCount.get(groupId) ?? 0) + 1);
    }
  }
  return snapshot.groups.map((group) => ({
    id: group.id,
    name: group.name,
    regionId: group.regionId,
    vpcId: group.vpcId,
    type: group.type,
    rulesImported: group.rulesImported,
    ingressRules: group.rules.filter((rule) => rule.direction === 'ingress').length,
    instanceCount: instanceCount.get(group.id) ?? 0,
  }));
}

function summarise(snapshot: Snapshot, checks: readonly ScanCheck[]): ScanSummary {
  const statuses: Record<CheckStatus, number> = { 'at-risk': 0, passed: 0, incomplete: 0, disabled: 0 };
  const byRisk: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0 };
  const groups = new Set<string>();
  const instances = new Set<string>();
  for (const check of checks) {
    statuses[check.status] += 1;
    if (check.status === 'at-risk') byRisk[check.risk] += 1;
    check.securityGroups.forEach((id) => groups.add(id));
    check.instances.forEach((id) => instances.add(id));
  }
  const publicInstances = snapshot.instances.filter(
    (instance) => instances.has(instance.id) && instance.publicIps.length > 0,
  );
  const regions = new Set([...snapshot.groups, ...snapshot.instances].map((item) => item.regionId));
  regions.delete('');
  return {
    securityGroups: snapshot.groups.length,
    rules: snapshot.groups.reduce((sum, group) => sum + group.rules.length, 0),
    instances: snapshot.instances.length,
    networkInterfaces: snapshot.networkInterfaces.length,
    regions: [...regions].sort(),
    checks: statuses,
    atRiskChecksByRisk: byRisk,
    atRiskSecurityGroups: groups.size,
    atRiskInstances: instances.size,
    atRiskInstancesWithPublicIp: publicInstances.length,
  };
}

export function buildScanDocument(snapshot: Snapshot, result: AuditResult, meta: ScanMeta): ScanDocument {
  const checks = result.checks.map((check) => toScanCheck(check, meta.language));
  return {
    schemaVersion: scanDocumentSchemaVersion,
    tool: meta.tool,
    catalogueVersion: result.catalogueVersion,
    generatedAt: meta.generatedAt,
    language: meta.language,
    options: { disabledChecks: [...meta.disabledChecks].sort() },
    inputs: snapshot.inputs.map((input) => ({
      path: input.name,
      sha256: input.sha256,
      bytes: input.bytes,
      kind: input.kind,
      records: input.records,
      ...(input.container === undefined ? {} : { container: input.container }),
    })),
    summary: summarise(snapshot, checks),
    warnings: snapshot.issues,
    gaps: snapshot.gaps,
    checks,
    assessed: {
      securityGroups: assessedGroups(snapshot),
      instances: snapshot.instances.map((instance) => ({
        id: instance.id,
        name: instance.name,
        regionId: instance.regionId,
        publicIps: instance.publicIps,
        securityGroupIds: instance.securityGroupIds,
      })),
    },
  };
}
