/**
 * Rules as an auditor sees them in a finding, and the per-interface answers of one instance
 * combined into one.
 */
import type { RuleSource } from '../model';
import { NOTHING_OPEN, type RuleSetExposure } from '../evaluate/exposure';
import type { CompiledRule } from '../evaluate/rule-set';
import type { CancelledEvidence, TargetExposure } from './context';
import type { OpenPort, RuleEvidence } from './result';

function sourceText(source: RuleSource): string {
  switch (source.kind) {
    case 'cidr':
      return source.cidr;
    case 'security-group':
      return source.groupId;
    case 'prefix-list':
      return source.prefixListId;
    case 'none':
      return '';
  }
}

/** The evidence form of the evaluator's shared "nothing open" answer: shared and frozen alike. */
const NOTHING_OPEN_EVIDENCE: TargetExposure = Object.freeze<TargetExposure>({
  verdict: 'closed',
  open: frozenEmpty(),
  accepts: frozenEmpty(),
  partialDrops: frozenEmpty(),
  unresolved: frozenEmpty(),
  cancelled: frozenEmpty(),
});

function frozenEmpty<T>(): T[] {
  return Object.freeze([]) as unknown as T[];
}

export type GroupNames = ReadonlyMap<string, string>;

/** Builds evidence once per rule: the same rule appears in the answers of many sets and queries. */
export class EvidenceBuilder {
  // A Map, not a WeakMap: it lives as long as the context, and ephemerons slow the collector.
  private readonly built = new Map<CompiledRule, RuleEvidence>();

  constructor(private readonly groupNames: GroupNames) {}

  rule(compiled: CompiledRule): RuleEvidence {
    let evidence = this.built.get(compiled);
    if (evidence === undefined) {
      const { rule } = compiled;
      evidence = {
        ruleId: rule.id,
        groupId: rule.groupId,
        groupName: this.groupNames.get(rule.groupId) ?? '',
        priority: rule.priority,
        action: rule.action,
        protocol: rule.protocol,
        portRange: rule.portRangeText,
        source: sourceText(rule.source),
        description: rule.description,
        unresolved: compiled.unresolved,
      };
      this.built.set(compiled, evidence);
    }
    return evidence;
  }

  exposure(answer: RuleSetExposure): TargetExposure {
    if (answer === NOTHING_OPEN) return NOTHING_OPEN_EVIDENCE;
    const list = (rules: readonly CompiledRule[]): RuleEvidence[] =>
      rules.length === 0 ? frozenEmpty() : rules.map((rule) => this.rule(rule));
    return {
      verdict: answer.verdict,
      open: answer.open,
      accepts: list(answer.accepts),
      partialDrops: list(answer.partialDrops),
      unresolved: list(answer.unresolved),
      cancelled:
        answer.cancelled.length === 0
          ? frozenEmpty()
          : answer.cancelled.map((entry) => ({
              accept: this.rule(entry.accept),
              by: list(entry.by),
            })),
    };
  }
}

/** The answer of a set of groups as reached through one secondary interface. */
export function tagInterface(answer: TargetExposure, networkInterfaceId: string): TargetExposure {
  if (answer === NOTHING_OPEN_EVIDENCE) return answer;
  const tag = (list: readonly RuleEvidence[]): RuleEvidence[] =>
    list.map((evidence) => ({ ...evidence, networkInterfaceId }));
  return {
    ...answer,
    accepts: tag(answer.accepts),
    partialDrops: tag(answer.partialDrops),
    unresolved: tag(answer.unresolved),
    cancelled: answer.cancelled?.map((entry) => ({
      accept: { ...entry.accept, networkInterfaceId },
      by: tag(entry.by),
    })),
  };
}

function evidenceKey(evidence: RuleEvidence): string {
  return `${evidence.ruleId}@${evidence.networkInterfaceId ?? ''}`;
}

function uniqueEvidence(lists: readonly RuleEvidence[][]): RuleEvidence[] {
  const byKey = new Map<string, RuleEvidence>();
  for (const evidence of lists.flat())
    if (!byKey.has(evidenceKey(evidence))) byKey.set(evidenceKey(evidence), evidence);
  return [...byKey.values()];
}

/** Spans of several interfaces: the same span open on two interfaces lists the union of families. */
function mergeOpen(lists: readonly OpenPort[][]): OpenPort[] {
  const bySpan = new Map<string, OpenPort>();
  for (const span of lists.flat()) {
    const key = `${span.protocol}:${span.from}-${span.to}`;
    const known = bySpan.get(key);
    if (known === undefined) bySpan.set(key, { ...span, families: [...span.families] });
    else
      for (const family of span.families)
        if (!known.families.includes(family)) known.families.push(family);
  }
  for (const span of bySpan.values()) span.families.sort();
  return [...bySpan.values()].sort(
    (a, b) => a.protocol.localeCompare(b.protocol) || a.from - b.from || a.to - b.to,
  );
}

/**
 * An instance is open when any of its interfaces is (each is its own path from the internet); it
 * is unresolved when none is open and one is unresolved. Evidence comes from the interfaces that
 * carry the verdict; cancelled Accepts from all of them.
 */
export function mergeInterfaceExposures(answers: readonly TargetExposure[]): TargetExposure {
  if (answers.length === 1 && answers[0] !== undefined) return answers[0];
  if (answers.every((answer) => answer === NOTHING_OPEN_EVIDENCE)) return NOTHING_OPEN_EVIDENCE;
  const open = answers.filter((answer) => answer.verdict === 'open');
  const undecided = answers.filter((answer) => answer.verdict === 'unresolved');
  const carrying = open.length > 0 ? open : undecided;
  const cancelled: CancelledEvidence[] = answers.flatMap((answer) => answer.cancelled ?? []);
  return {
    verdict: open.length > 0 ? 'open' : undecided.length > 0 ? 'unresolved' : 'closed',
    open: mergeOpen(carrying.map((answer) => answer.open)),
    accepts: uniqueEvidence(carrying.map((answer) => answer.accepts)),
    partialDrops: uniqueEvidence(carrying.map((answer) => answer.partialDrops)),
    unresolved: uniqueEvidence(carrying.map((answer) => answer.unresolved)),
    cancelled,
  };
}
