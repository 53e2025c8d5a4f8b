/** One row shape for rules, whether they come from a finding's evidence or from a group. */
import type { RuleEvidence } from '../../shared/audit/result';
import type { Direction, Rule, RuleAction, RuleSource } from '../../shared/model';

export interface RuleRow {
  key: string;
  ruleId: string;
  groupId: string;
  groupName: string;
  direction: Direction | null;
  action: RuleAction;
  priority: number;
  protocol: string;
  ports: string;
  /** Source for ingress, destination for egress, as written. */
  peer: string;
  description: string;
  unresolved: string | null;
  networkInterfaceId: string;
}

export function describeSource(source: RuleSource): string {
  switch (source.kind) {
    case 'cidr':
      return source.cidr;
    case 'security-group':
      return source.groupName === '' ? source.groupId : `${source.groupId} (${source.groupName})`;
    case 'prefix-list':
      return source.prefixListName === '' ? source.prefixListId : `${source.prefixListId} (${source.prefixListName})`;
    case 'none':
      return '—';
  }
}

export function ruleRowFromEvidence(evidence: RuleEvidence, index: number): RuleRow {
  return {
    key: `${evidence.ruleId}#${index}`,
    ruleId: evidence.ruleId,
    groupId: evidence.groupId,
    groupName: evidence.groupName,
    direction: 'ingress',
    action: evidence.action,
    priority: evidence.priority,
    protocol: evidence.protocol.toUpperCase(),
    ports: evidence.portRange,
    peer: evidence.source,
    description: evidence.description,
    unresolved: evidence.unresolved,
    networkInterfaceId: evidence.networkInterfaceId ?? '',
  };
}

export function ruleRowFromRule(rule: Rule, groupName: string, index: number): RuleRow {
  return {
    key: `${rule.id}#${index}`,
    ruleId: rule.id,
    groupId: rule.groupId,
    groupName,
    direction: rule.direction,
    action: rule.action,
    priority: rule.priority,
    protocol: rule.protocol.toUpperCase(),
    ports: rule.portRangeText,
    peer: describeSource(rule.source),
    description: rule.description,
    unresolved: rule.unresolved,
    networkInterfaceId: '',
  };
}

/** Evaluation order: inbound first, then by priority, Drop before Accept at the same priority. */
export function compareRuleRows(a: RuleRow, b: RuleRow): number {
  if (a.direction !== b.direction) return a.direction === 'ingress' ? -1 : 1;
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.action !== b.action) return a.action === 'drop' ? -1 : 1;
  return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
}
