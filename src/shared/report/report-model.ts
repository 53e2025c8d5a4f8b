/**
 * The report model: everything a report (PDF, and the app's report view) says, derived from the
 * versioned JSON contract alone, so a report can be rebuilt from a `--format json` export. Pure
 * and deterministic: no clock, no locale, no randomness.
 */
import type { ActivitySummary } from '../activity/summary';
import type { CheckStatus, FindingLevel, OpenPort, RiskLevel, RuleEvidence } from '../audit/result';
import { checkCatalogue, findCheck } from '../checks/registry';
import type { CheckText, Language } from '../checks/types';
import type { EvidenceGap, ImportIssue } from '../model';
import { canonicalJson, sha256OfText } from './canonical-json';
import type { AssessedGroup, AssessedInstance, ScanDocument, ScanInput, ToolInfo } from './scan-document';

/** The engagement a report belongs to: cover page, running header, manifest. */
export interface AuditInfo {
  /** The audit's name in the app (CSV `audit_name`). */
  name: string;
  client: string;
  engagement: string;
  auditor: string;
  /** The report date, `YYYY-MM-DD`; defaults to the date part of `generatedAt`. */
  date: string;
}

export type RuleRole = 'accept' | 'partial-drop' | 'unresolved';

export interface ReportRule extends RuleEvidence {
  role: RuleRole;
}

export interface ReportObjectRef {
  id: string;
  name: string;
  publicIps: string[];
}

export interface ReportFinding {
  level: FindingLevel;
  id: string;
  name: string;
  regionId: string;
  status: 'at-risk' | 'incomplete';
  /** Instance level: its public addresses. Group level: empty. */
  publicIps: string[];
  open: OpenPort[];
  /** Accepts first, then partial Drops, then unresolved rules; each in the engine's order. */
  rules: ReportRule[];
  /** Group level: the instances using the group. Instance level: empty. */
  instances: ReportObjectRef[];
  /** Instance level: the groups whose merged rules were evaluated. Group level: the group itself. */
  securityGroups: { id: string; name: string }[];
  gaps: EvidenceGap[];
}

export interface ReportCheck {
  /** 1-based position in the catalogue (the results table's numbering). */
  number: number;
  id: string;
  risk: RiskLevel;
  enabled: boolean;
  status: CheckStatus;
  text: Record<Language, CheckText>;
  atRiskGroups: number;
  atRiskInstances: number;
  /** Findings that are `incomplete` (not shown at risk, but not provably passed). */
  incompleteFindings: number;
  groups: ReportFinding[];
  instances: ReportFinding[];
  gaps: EvidenceGap[];
}

export interface ExposedInstance {
  id: string;
  name: string;
  regionId: string;
  publicIps: string[];
  highestRisk: RiskLevel;
  /** Ids of the enabled checks that find the instance at risk, in catalogue order. */
  checks: string[];
  /** The ports open to all addresses on the instance, merged over its at-risk findings. */
  open: OpenPort[];
}

export interface RiskTally {
  /** Enabled checks of this risk level. */
  assessed: number;
  atRisk: number;
  incomplete: number;
  passed: number;
}

export interface ReportModel {
  audit: AuditInfo;
  tool: ToolInfo;
  catalogueVersion: string;
  schemaVersion: string;
  generatedAt: string;
  scope: {
    inputs: ScanInput[];
    counts: { securityGroups: number; rules: number; instances: number; networkInterfaces: number; regions: string[] };
    /** Import errors and warnings, in import order. */
    issues: ImportIssue[];
    /** Evidence the export lacks (missing pages, rules not exported, …). */
    gaps: EvidenceGap[];
    /** Checks switched off for this audit: listed as not assessed. */
    notAssessed: { id: string; risk: RiskLevel; text: Record<Language, CheckText> }[];
    assessedChecks: number;
  };
  summary: {
    byRisk: Record<RiskLevel, RiskTally>;
    statuses: Record<CheckStatus, number>;
    atRiskGroups: number;
    atRiskInstances: number;
    atRiskInstancesWithPublicIp: number;
    /** Every at-risk instance: public address first, then highest risk, then most checks, then id. */
    exposedInstances: ExposedInstance[];
  };
  /** Every check in catalogue order, disabled ones included. */
  checks: ReportCheck[];
  appendix: { securityGroups: AssessedGroup[]; instances: AssessedInstance[] };
  /** The audit's activity log, summarised (reports made by the app); null when there is none (CLI). */
  activity: ActivitySummary | null;
  /** SHA-256 of `findingsDigestInput(document)` (canonical JSON): ties the report to its findings data. */
  findingsSha256: string;
}

export const riskLevels: readonly RiskLevel[] = ['high', 'medium', 'low'];
const riskRank: Record<RiskLevel, number> = { high: 3, medium: 2, low: 1 };

/**
 * The findings data a report is tied to: catalogue version and every check's outcome, without the
 * language-dependent texts, so the English and Chinese reports of one audit carry the same hash.
 */
export function findingsDigestInput(document: ScanDocument): string {
  return canonicalJson({
    catalogueVersion: document.catalogueVersion,
    checks: document.checks.map((check) => ({
      id: check.id,
      risk: check.risk,
      enabled: check.enabled,
      status: check.status,
      securityGroups: check.securityGroups,
      instances: check.instances,
      gaps: check.gaps,
      findings: check.findings,
    })),
  });
}

export function findingsSha256(document: ScanDocument): Promise<string> {
  return sha256OfText(findingsDigestInput(document));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkTexts(check: ScanDocument['checks'][number]): Record<Language, CheckText> {
  const known = findCheck(check.id)?.text;
  if (known !== undefined) return known;
  // A check this build does not know (a newer catalogue's JSON): keep the export's own words.
  const own = { title: check.title, risk: check.riskText, suggestion: check.suggestion };
  return { en: own, zh: own };
}

function mergePorts(into: OpenPort[], ports: readonly OpenPort[]): void {
  for (const port of ports) {
    const same = into.find((item) => item.protocol === port.protocol && item.from === port.from && item.to === port.to);
    if (same === undefined) into.push({ ...port, families: [...port.families] });
    else for (const family of port.families) if (!same.families.includes(family)) same.families.push(family);
  }
}

/** Drops ports that another entry of the same protocol already covers (TCP 22 under TCP 1–65535). */
function withoutCovered(ports: readonly OpenPort[]): OpenPort[] {
  return ports.filter(
    (port, index) =>
      !ports.some(
        (other, otherIndex) =>
          otherIndex !== index &&
          other.protocol === port.protocol &&
          other.from <= port.from &&
          other.to >= port.to &&
          port.families.every((family) => other.families.includes(family)) &&
          // Of two identical entries keep the first.
          (other.from !== port.from || other.to !== port.to || otherIndex < index),
      ),
  );
}

function comparePorts(a: OpenPort, b: OpenPort): number {
  return compareText(a.protocol, b.protocol) || a.from - b.from || a.to - b.to;
}

export async function buildReportModel(document: ScanDocument, audit: Partial<AuditInfo> = {}): Promise<ReportModel> {
  const groupNames = new Map(document.assessed.securityGroups.map((group) => [group.id, group.name]));
  const instancesById = new Map(document.assessed.instances.map((instance) => [instance.id, instance]));
  const catalogueOrder = new Map(checkCatalogue.map((check, index) => [check.id, index]));
  const ordered = document.checks
    .map((check, index) => ({ check, order: catalogueOrder.get(check.id) ?? checkCatalogue.length + index }))
    .sort((a, b) => a.order - b.order)
    .map(({ check }) => check);

  const instanceRef = (id: string): ReportObjectRef => {
    const instance = instancesById.get(id);
    return { id, name: instance?.name ?? '', publicIps: instance?.publicIps ?? [] };
  };

  const checks = ordered.map((check, index): ReportCheck => {
    const findings = check.findings.map((finding): ReportFinding => ({
      level: finding.level,
      id: finding.objectId,
      name: finding.objectName,
      regionId: finding.regionId,
      status: finding.status,
      publicIps: finding.publicIps,
      open: finding.open,
      rules: [
        ...finding.accepts.map((rule): ReportRule => ({ ...rule, role: 'accept' })),
        ...finding.partialDrops.map((rule): ReportRule => ({ ...rule, role: 'partial-drop' })),
        ...finding.unresolved.map((rule): ReportRule => ({ ...rule, role: 'unresolved' })),
      ],
      instances: finding.level === 'security-group' ? finding.instanceIds.map(instanceRef) : [],
      securityGroups: finding.securityGroupIds.map((id) => ({ id, name: groupNames.get(id) ?? '' })),
      gaps: finding.gaps,
    }));
    return {
      number: index + 1,
      id: check.id,
      risk: check.risk,
      enabled: check.enabled,
      status: check.status,
      text: checkTexts(check),
      atRiskGroups: check.securityGroups.length,
      atRiskInstances: check.instances.length,
      incompleteFindings: findings.filter((finding) => finding.status === 'incomplete').length,
      groups: findings.filter((finding) => finding.level === 'security-group'),
      instances: findings.filter((finding) => finding.level === 'instance'),
      gaps: check.gaps,
    };
  });

  const byRisk: Record<RiskLevel, RiskTally> = {
    high: { assessed: 0, atRisk: 0, incomplete: 0, passed: 0 },
    medium: { assessed: 0, atRisk: 0, incomplete: 0, passed: 0 },
    low: { assessed: 0, atRisk: 0, incomplete: 0, passed: 0 },
  };
  const statuses: Record<CheckStatus, number> = { 'at-risk': 0, passed: 0, incomplete: 0, disabled: 0 };
  const atRiskGroups = new Set<string>();
  const exposed = new Map<string, ExposedInstance>();
  for (const check of checks) {
    statuses[check.status] += 1;
    if (!check.enabled) continue;
    const tally = byRisk[check.risk];
    tally.assessed += 1;
    if (check.status === 'at-risk') tally.atRisk += 1;
    else if (check.status === 'incomplete') tally.incomplete += 1;
    else if (check.status === 'passed') tally.passed += 1;
    for (const group of check.groups) if (group.status === 'at-risk') atRiskGroups.add(group.id);
    for (const finding of check.instances) {
      if (finding.status !== 'at-risk') continue;
      let entry = exposed.get(finding.id);
      if (entry === undefined) {
        const known = instancesById.get(finding.id);
        entry = {
          id: finding.id,
          name: finding.name || known?.name || '',
          regionId: finding.regionId || known?.regionId || '',
          publicIps: known?.publicIps ?? finding.publicIps,
          highestRisk: check.risk,
          checks: [],
          open: [],
        };
        exposed.set(finding.id, entry);
      }
      if (riskRank[check.risk] > riskRank[entry.highestRisk]) entry.highestRisk = check.risk;
      entry.checks.push(check.id);
      mergePorts(entry.open, finding.open);
    }
  }
  const exposedInstances = [...exposed.values()]
    .map((entry) => ({ ...entry, open: withoutCovered(entry.open).sort(comparePorts) }))
    .sort(
      (a, b) =>
        Number(b.publicIps.length > 0) - Number(a.publicIps.length > 0) ||
        riskRank[b.highestRisk] - riskRank[a.highestRisk] ||
        b.checks.length - a.checks.length ||
        compareText(a.id, b.id),
    );

  const generatedAt = document.generatedAt;
  return {
    audit: {
      name: audit.name ?? '',
      client: audit.client ?? '',
      engagement: audit.engagement ?? '',
      auditor: audit.auditor ?? '',
      date: audit.date !== undefined && audit.date !== '' ? audit.date : generatedAt.slice(0, 10),
    },
    tool: document.tool,
    catalogueVersion: document.catalogueVersion,
    schemaVersion: document.schemaVersion,
    generatedAt,
    scope: {
      inputs: document.inputs,
      counts: {
        securityGroups: document.summary.securityGroups,
        rules: document.summary.rules,
        instances: document.summary.instances,
        networkInterfaces: document.summary.networkInterfaces,
        regions: document.summary.regions,
      },
      issues: document.warnings,
      gaps: document.gaps,
      notAssessed: checks
        .filter((check) => !check.enabled)
        .map((check) => ({ id: check.id, risk: check.risk, text: check.text })),
      assessedChecks: checks.filter((check) => check.enabled).length,
    },
    summary: {
      byRisk,
      statuses,
      atRiskGroups: atRiskGroups.size,
      atRiskInstances: exposedInstances.length,
      atRiskInstancesWithPublicIp: exposedInstances.filter((entry) => entry.publicIps.length > 0).length,
      exposedInstances,
    },
    checks,
    appendix: document.assessed,
    activity: document.activity ?? null,
    findingsSha256: await findingsSha256(document),
  };
}
