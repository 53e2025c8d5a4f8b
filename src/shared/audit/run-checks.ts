/**
 * Runs the whole catalogue over one snapshot. Every check is always evaluated, so switching an item
 * off or on is a view over the result (withDisabledChecks), never a re-run.
 */
import type { CheckDefinition, CheckFinding } from '../checks/types';
import type { EvidenceGap, Snapshot } from '../model';
import { buildCheckContext } from './build-context';
import type { AuditResult, CheckResult, CheckStatus, Finding } from './result';

export interface RunChecksOptions {
  catalogueVersion?: string;
  /** Called after each check with the number done so far. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Gaps no single group explains: missing or unread pages of groups, instances or interfaces (and a
 * rules page that names no group). Any object could be among the missing ones, so every check is
 * affected.
 */
export function checkLevelGaps(gaps: readonly EvidenceGap[]): EvidenceGap[] {
  return gaps.filter(
    (gap) =>
      gap.kind === 'missing-pages' || (gap.kind === 'more-pages' && gap.groupId === undefined),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** At-risk first, then instances reachable through a public address, then by id. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.status !== b.status) return a.status === 'at-risk' ? -1 : 1;
  const aPublic = a.publicIps.length > 0;
  if (aPublic !== b.publicIps.length > 0) return aPublic ? -1 : 1;
  return compareText(a.objectId, b.objectId) || compareText(a.key, b.key);
}

function toFinding(checkId: string, finding: CheckFinding): Finding {
  return { ...finding, key: `${checkId}|${finding.level}|${finding.objectId}`, checkId };
}

function statusOf(findings: readonly Finding[], gaps: readonly EvidenceGap[]): CheckStatus {
  if (findings.some((finding) => finding.status === 'at-risk')) return 'at-risk';
  if (findings.length > 0 || gaps.length > 0) return 'incomplete';
  return 'passed';
}

function uniqueIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.objectId))];
}

export function runChecks(
  snapshot: Snapshot,
  checks: readonly CheckDefinition[],
  options: RunChecksOptions = {},
): AuditResult {
  const context = buildCheckContext(snapshot);
  const gaps = checkLevelGaps(snapshot.gaps);
  const results = checks.map((check, index): CheckResult => {
    const findings = check.evaluate(context).map((finding) => toFinding(check.id, finding));
    findings.sort(compareFindings);
    const atRisk = findings.filter((finding) => finding.status === 'at-risk');
    const result: CheckResult = {
      id: check.id,
      risk: check.risk,
      enabled: true,
      status: statusOf(findings, gaps),
      securityGroups: uniqueIds(
        atRisk.filter((finding) => finding.level === 'security-group'),
      ).sort(compareText),
      // Findings are already ordered public-address first, then by id.
      instances: uniqueIds(atRisk.filter((finding) => finding.level === 'instance')),
      findings,
      gaps: [...gaps],
    };
    options.onProgress?.(index + 1, checks.length);
    return result;
  });
  return { catalogueVersion: options.catalogueVersion ?? '', checks: results };
}

/** The same result with some items switched off: a pure view, the full result stays intact. */
export function withDisabledChecks(
  result: AuditResult,
  disabledIds: readonly string[],
): AuditResult {
  const disabled = new Set(disabledIds);
  return {
    ...result,
    checks: result.checks.map((check) =>
      disabled.has(check.id)
        ? {
            ...check,
            enabled: false,
            status: 'disabled',
            securityGroups: [],
            instances: [],
            findings: [],
            gaps: [],
          }
        : check,
    ),
  };
}
