/**
 * Table-driven cases for one check item, run through the real engine (runChecks): a group `sg-a`
 * holding the case's rules, and an instance `i-a` in `sg-a` plus any other groups of the case.
 */
import { runChecks } from '../../src/shared/audit/run-checks';
import type { CheckResult, Finding, FindingLevel } from '../../src/shared/audit/result';
import type { CheckDefinition } from '../../src/shared/checks/types';
import type { SecurityGroup, Snapshot } from '../../src/shared/model';
import { group, instance, snapshot, type RuleSpec } from './builders';

export type Outcome = 'at-risk' | 'incomplete' | 'passed';

export interface Verdicts {
  group: Outcome;
  instance: Outcome;
}

export interface CheckCase {
  name: string;
  /** Rules of `sg-a`. */
  rules: RuleSpec[];
  /** Overrides for `sg-a`, e.g. `{ rulesImported: false }`. */
  groupExtra?: Partial<SecurityGroup>;
  /** Further groups of `i-a` (judged at instance level with `sg-a`). */
  others?: SecurityGroup[];
  /** One outcome for both levels, or one per level when they differ. */
  expect: Outcome | Verdicts;
}

export function verdicts(expected: Outcome | Verdicts): Verdicts {
  return typeof expected === 'string' ? { group: expected, instance: expected } : expected;
}

export function runOne(check: CheckDefinition, parts: Partial<Snapshot>): CheckResult {
  const [result] = runChecks(snapshot(parts), [check]).checks;
  if (result === undefined) throw new Error(`no result for ${check.id}`);
  return result;
}

export function findingOf(
  result: CheckResult,
  level: FindingLevel,
  objectId: string,
): Finding | undefined {
  return result.findings.find(
    (finding) => finding.level === level && finding.objectId === objectId,
  );
}

/** An object without a finding passed. */
export function outcomeOf(result: CheckResult, level: FindingLevel, objectId: string): Outcome {
  return findingOf(result, level, objectId)?.status ?? 'passed';
}

export function caseSnapshot(c: CheckCase): Partial<Snapshot> {
  const groups = [group('sg-a', c.rules, c.groupExtra), ...(c.others ?? [])];
  return {
    groups,
    instances: [
      instance(
        'i-a',
        groups.map((g) => g.id),
      ),
    ],
  };
}

/** The outcome of `sg-a` and of `i-a` for the case. */
export function judge(check: CheckDefinition, c: CheckCase): Verdicts {
  const result = runOne(check, caseSnapshot(c));
  return {
    group: outcomeOf(result, 'security-group', 'sg-a'),
    instance: outcomeOf(result, 'instance', 'i-a'),
  };
}
