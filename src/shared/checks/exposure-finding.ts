/**
 * The one place where exposure answers become findings, shared by every port item and by
 * `exposed-all-ports`, so "at risk" and "incomplete" mean the same thing in every item.
 */
import type { AuditTarget, CheckContext, ExposureQuery, TargetExposure } from '../audit/context';
import type { EvidenceGap } from '../model';
import { mergeOpenPorts, uniqueRules } from './evidence';
import type { CheckFinding } from './types';

/** The part of a finding that only depends on the object, not on what was found. */
export type TargetDescription = Pick<
  CheckFinding,
  | 'level'
  | 'objectId'
  | 'objectName'
  | 'regionId'
  | 'publicIps'
  | 'instanceIds'
  | 'securityGroupIds'
>;

export function describeTarget(target: AuditTarget): TargetDescription {
  if (target.level === 'security-group') {
    const { group } = target;
    return {
      level: 'security-group',
      objectId: group.id,
      objectName: group.name,
      regionId: group.regionId,
      // Group level is about rules, not hosts: reachability is shown on the instance findings.
      publicIps: [],
      instanceIds: [...target.instanceIds],
      securityGroupIds: [group.id],
    };
  }
  const { instance } = target;
  return {
    level: 'instance',
    objectId: instance.id,
    objectName: instance.name,
    regionId: instance.regionId,
    publicIps: [...target.publicIps],
    instanceIds: [],
    securityGroupIds: [...new Set(target.interfaces.flatMap((nic) => nic.securityGroupIds))],
  };
}

/**
 * Whether a gap can hide a rule that bears on this target's verdict. Missing or skipped rules, and
 * unread pages of rules or interfaces, can all hide an Accept. Unread pages of the group or instance
 * lists are about the whole check, which the engine reports on the check result, not per target.
 */
export function bearsOnRules(gap: EvidenceGap): boolean {
  if (gap.kind === 'missing-rules' || gap.kind === 'skipped-rules') return true;
  return gap.collection === 'rules' || gap.collection === 'network-interfaces';
}

/**
 * At risk when any answer is open; otherwise incomplete when an answer is unresolved or a gap could
 * hide a rule (missing evidence is never a pass); otherwise nothing to report.
 */
export function findingFor(
  target: AuditTarget,
  exposures: readonly TargetExposure[],
): CheckFinding | null {
  const opened = exposures.filter((exposure) => exposure.verdict === 'open');
  const undecided = exposures.filter((exposure) => exposure.verdict === 'unresolved');
  const atRisk = opened.length > 0;
  if (!atRisk && undecided.length === 0 && !target.gaps.some(bearsOnRules)) return null;
  // The Accepts and partial Drops worth showing are those of the answers that decided the status.
  const deciding = atRisk ? opened : undecided;
  return {
    ...describeTarget(target),
    status: atRisk ? 'at-risk' : 'incomplete',
    open: mergeOpenPorts(opened.flatMap((exposure) => exposure.open)),
    accepts: uniqueRules(deciding.flatMap((exposure) => exposure.accepts)),
    partialDrops: uniqueRules(deciding.flatMap((exposure) => exposure.partialDrops)),
    // Undecidable rules bear on the object whatever the status: the auditor reviews them either way.
    unresolved: uniqueRules(exposures.flatMap((exposure) => exposure.unresolved)),
    gaps: [...target.gaps],
  };
}

/** Asks every query of every group and instance target; one finding per target worth reporting. */
export function exposureFindings(
  context: CheckContext,
  queries: readonly ExposureQuery[],
): CheckFinding[] {
  const targets: readonly AuditTarget[] = [...context.groups, ...context.instances];
  const findings: CheckFinding[] = [];
  for (const target of targets) {
    const finding = findingFor(
      target,
      queries.map((query) => context.exposure(target, query)),
    );
    if (finding !== null) findings.push(finding);
  }
  return findings;
}
