/**
 * Helpers for evaluator tests: judge a list of rule specs as one group, and read answers as rule ids.
 */
import type { ExposureQuery } from '../../src/shared/audit/context';
import type { RuleSetExposure } from '../../src/shared/evaluate/exposure';
import { evaluateQuery } from '../../src/shared/evaluate/query';
import { compileRuleSet, type CompiledRule } from '../../src/shared/evaluate/rule-set';
import { group, type RuleSpec } from './builders';

export const tcp = (port: number): ExposureQuery => ({ protocol: 'tcp', port });
export const udp = (port: number): ExposureQuery => ({ protocol: 'udp', port });
export const allTcp: ExposureQuery = { protocol: 'tcp', allPorts: true };
export const allUdp: ExposureQuery = { protocol: 'udp', allPorts: true };

/** Rule specs get ids `r1`, `r2`, … in order unless they name their own. */
export function judge(specs: RuleSpec[], query: ExposureQuery): RuleSetExposure {
  const rules = group(
    'sg-test',
    specs.map((spec, i) => ({ id: `r${i + 1}`, ...spec })),
  ).rules;
  return evaluateQuery(compileRuleSet(rules), query);
}

export function ids(rules: readonly CompiledRule[]): string[] {
  return rules.map((compiled) => compiled.rule.id);
}

/** Cancelled Accepts as `accept<-drop,drop`. */
export function cancelledIds(answer: RuleSetExposure): string[] {
  return answer.cancelled.map((entry) => `${entry.accept.rule.id}<-${ids(entry.by).join(',')}`);
}
