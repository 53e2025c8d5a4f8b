/**
 * "Every port open to all IPs": the rules' port boundaries cut 1–65535 into elementary intervals
 * inside which every port gets the same answer. A sweep over the intervals keeps the rules active
 * in the current one, so each interval is judged on its own few rules: work grows with the rules and
 * their overlap, never with the 65,535 ports.
 */
import type { OpenPort } from '../audit/result';
import {
  closedExposure,
  NOTHING_OPEN,
  type CancelledAccept,
  type RuleSetExposure,
} from './exposure';
import { acceptProfile, everyPortMayOpen } from './accept-profile';
import { judgeApplying } from './port-exposure';
import {
  compareCompiled,
  inEvaluationOrder,
  FIRST_PORT,
  LAST_PORT,
  type CompiledRule,
  type CompiledRuleSet,
  type PortProtocol,
} from './rule-set';

interface PortInterval {
  from: number;
  to: number;
}

function rulesOf(set: CompiledRuleSet, protocol: PortProtocol): CompiledRule[] {
  return [...set.resolved[protocol], ...set.unresolved[protocol]];
}

/** The rules of an evaluation-ordered list active at the sweep's port, kept in that order. */
class ActiveRules<T extends CompiledRule> {
  private readonly active: number[] = [];
  private readonly startingAt = new Map<number, number[]>();
  private readonly endingBefore = new Map<number, number[]>();

  constructor(private readonly rules: readonly T[]) {
    rules.forEach((rule, index) => {
      ActiveRules.note(this.startingAt, rule.from, index);
      if (rule.to < LAST_PORT) ActiveRules.note(this.endingBefore, rule.to + 1, index);
    });
  }

  /** Moves to an interval starting at `port`; every rule boundary is an interval start. */
  moveTo(port: number): T[] {
    for (const index of this.endingBefore.get(port) ?? [])
      this.active.splice(this.position(index), 1);
    for (const index of this.startingAt.get(port) ?? [])
      this.active.splice(this.position(index), 0, index);
    return this.active.map((index) => this.rules[index] as T);
  }

  private position(index: number): number {
    let low = 0;
    let high = this.active.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.active[middle] as number) < index) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private static note(map: Map<number, number[]>, port: number, index: number): void {
    const list = map.get(port);
    if (list === undefined) map.set(port, [index]);
    else list.push(index);
  }
}

function elementaryIntervals(rules: readonly CompiledRule[]): PortInterval[] {
  const starts = new Set<number>([FIRST_PORT]);
  for (const rule of rules) {
    starts.add(rule.from);
    if (rule.to < LAST_PORT) starts.add(rule.to + 1);
  }
  const sorted = [...starts]
    .filter((port) => port >= FIRST_PORT && port <= LAST_PORT)
    .sort((a, b) => a - b);
  return sorted.map((from, i) => ({ from, to: (sorted[i + 1] ?? LAST_PORT + 1) - 1 }));
}

/** Adjacent intervals open to the same families read as one span. */
function appendOpen(spans: OpenPort[], next: OpenPort): void {
  const last = spans[spans.length - 1];
  if (
    last !== undefined &&
    last.to + 1 === next.from &&
    last.families.join() === next.families.join()
  ) {
    last.to = next.to;
  } else {
    spans.push({ ...next, families: [...next.families] });
  }
}

function uniqueCancelled(entries: readonly CancelledAccept[]): CancelledAccept[] {
  const byAccept = new Map<CompiledRule, CancelledAccept>();
  for (const entry of entries) if (!byAccept.has(entry.accept)) byAccept.set(entry.accept, entry);
  return [...byAccept.values()].sort((a, b) => compareCompiled(a.accept, b.accept));
}

export function evaluateAllPorts(set: CompiledRuleSet, protocol: PortProtocol): RuleSetExposure {
  if (!everyPortMayOpen(acceptProfile(set, protocol))) return NOTHING_OPEN;
  const rules = rulesOf(set, protocol);
  const open: OpenPort[] = [];
  const accepts: CompiledRule[] = [];
  const partialDrops: CompiledRule[] = [];
  const unresolved: CompiledRule[] = [];
  const cancelled: CancelledAccept[] = [];
  let undecided = false;
  const activeResolved = new ActiveRules(set.resolved[protocol]);
  const activeUndecided = new ActiveRules(set.unresolved[protocol]);
  for (const interval of elementaryIntervals(rules)) {
    const answer = judgeApplying({
      protocol,
      ...interval,
      resolved: activeResolved.moveTo(interval.from),
      undecided: activeUndecided.moveTo(interval.from),
    });
    // One closed port is enough: the first one found explains why the item is not flagged.
    if (answer.verdict === 'closed') return closedExposure(answer.cancelled);
    unresolved.push(...answer.unresolved);
    if (answer.verdict === 'unresolved') {
      cancelled.push(...answer.cancelled);
      undecided = true;
      continue;
    }
    for (const span of answer.open) appendOpen(open, span);
    accepts.push(...answer.accepts);
    partialDrops.push(...answer.partialDrops);
  }
  if (undecided) {
    const couldOpen = unresolved.filter((rule) => rule.action === 'accept');
    return {
      ...closedExposure(uniqueCancelled(cancelled)),
      verdict: 'unresolved',
      unresolved: inEvaluationOrder(couldOpen),
    };
  }
  return {
    verdict: 'open',
    open,
    accepts: inEvaluationOrder(accepts),
    partialDrops: inEvaluationOrder(partialDrops),
    unresolved: inEvaluationOrder(unresolved),
    cancelled: [],
  };
}
