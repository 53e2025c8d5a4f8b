/**
 * Minimal check definitions for engine tests, standing in for the real catalogue: a port item is at
 * risk where any watched port is open, incomplete where it is unresolved or evidence is missing.
 */
import type {
  AuditTarget,
  CheckContext,
  ExposureQuery,
  TargetExposure,
} from '../../src/shared/audit/context';
import type { CheckDefinition, CheckFinding } from '../../src/shared/checks/types';
import type { RiskLevel } from '../../src/shared/audit/result';

const text = { title: 't', risk: 'r', suggestion: 's' };

function findingFor(target: AuditTarget, answers: TargetExposure[]): CheckFinding | null {
  const open = answers.filter((answer) => answer.verdict === 'open');
  const unresolved = answers.some((answer) => answer.verdict === 'unresolved');
  if (open.length === 0 && !unresolved && target.gaps.length === 0) return null;
  const isGroup = target.level === 'security-group';
  return {
    level: target.level,
    objectId: isGroup ? target.group.id : target.instance.id,
    objectName: isGroup ? target.group.name : target.instance.name,
    regionId: isGroup ? target.group.regionId : target.instance.regionId,
    status: open.length > 0 ? 'at-risk' : 'incomplete',
    publicIps: isGroup ? [] : target.publicIps,
    open: open.flatMap((answer) => answer.open),
    accepts: open.flatMap((answer) => answer.accepts),
    partialDrops: open.flatMap((answer) => answer.partialDrops),
    unresolved: answers.flatMap((answer) => answer.unresolved),
    instanceIds: isGroup ? target.instanceIds : [],
    securityGroupIds: isGroup
      ? [target.group.id]
      : [...new Set(target.interfaces.flatMap((nic) => nic.securityGroupIds))],
    gaps: target.gaps,
  };
}

export function queriesCheck(
  id: string,
  queries: ExposureQuery[],
  risk: RiskLevel = 'medium',
): CheckDefinition {
  return {
    id,
    risk,
    ports: queries.flatMap((query) =>
      'port' in query ? [{ protocol: query.protocol, port: query.port }] : [],
    ),
    text: { en: text, zh: text },
    evaluate(context: CheckContext): CheckFinding[] {
      const targets: AuditTarget[] = [...context.groups, ...context.instances];
      return targets.flatMap((target) => {
        const finding = findingFor(
          target,
          queries.map((query) => context.exposure(target, query)),
        );
        return finding === null ? [] : [finding];
      });
    },
  };
}

export function tcpCheck(id: string, ports: number[]): CheckDefinition {
  return queriesCheck(
    id,
    ports.map((port) => ({ protocol: 'tcp', port })),
  );
}
