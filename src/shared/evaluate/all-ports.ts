/**
 * "Every port open to all IPs": the rules' port boundaries cut 1–65535 into elementary intervals
 * inside which every port gets the same answer, so one representative port per interval decides it.
 * Work grows with the number of rules, never with the 65,535 ports.
 */
import type { OpenPort } from '../audit/result';
import {
  closedExposure,
  type CancelledAccept,
  type RuleSetExposure,
} from './exposure';
import { evaluatePort } from './port-exposure';
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

/** Whether Accepts (decidable or not) reach every port at all: cheap, and false for most sets. */
function acceptsSpanAllPorts(rules: readonly CompiledRule[]): boolean {
  const spans = rules
    .filter((rule) => rule.action === 'accept')
    .map((rule) => ({ from: rule.from, to: rule.to }))
    .sort((a, b) => a.from - b.from);
  let nextUncovered = FIRST_PORT;
  for (const span of spans) {
    if (span.from > nextUncovered) return false;
    nextUncovered = Math.max(nextUncovered, span.to + 1);
    if (nextUncovered > LAST_PORT) return true;
  }
  return false;
}

function elementaryIntervals(rules: readonly CompiledRule[]): PortInterval[] {
  const starts = new Set<number>([FIRST_PORT]);
  for (const rule of rules) {
    starts.add(rule.from);
    if (rule.to < LAST_PORT) starts.add(rule.to + 1);
  }
  const sorted = [...starts].filter((port) => port >= FIRST_PORT && port <= LAST_PORT).sort((a, b) => a - b);
  return sorted.map((from, i) => ({ from, to: (sorted[i + 1] ?? LAST_PORT + 1) - 1 }));
}

/** Adjacent intervals open to the same families read as one span. */
function appendOpen(spans: OpenPort[], next: OpenPort): void {
  const last = spans[spans.length - 1];
  if (last !== undefined && last.to + 1 === next.from && last.families.join() === next.families.join()) {
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
  const rules = rulesOf(set, protocol);
  if (!acceptsSpanAllPorts(rules)) return closedExposure();
  const open: OpenPort[] = [];
  const accepts: CompiledRule[] = [];
  const partialDrops: CompiledRule[] = [];
  const unresolved: CompiledRule[] = [];
  const cancelled: CancelledAccept[] = [];
  let undecided = false;
  for (const interval of elementaryIntervals(rules)) {
    const answer = evaluatePort(set, protocol, interval.from);
    // One closed port is enough: the first one found explains why the item is not flagged.
    if (answer.verdict === 'closed') return closedExposure(answer.cancelled);
    cancelled.push(...answer.cancelled);
    unresolved.push(...answer.unresolved);
    if (answer.verdict === 'unresolved') {
      undecided = true;
      continue;
    }
    for (const span of answer.open) appendOpen(open, { ...span, from: interval.from, to: interval.to });
    accepts.push(...answer.accepts);
    partialDrops.push(...answer.partialDrops);
  }
  if (undecided) {
    const couldOpen = unresolved.filter((rule) => rule.action === 'accept');
    return { ...closedExposure(uniqueCancelled(cancelled)), verdict: 'unresolved', unresolved: inEvaluationOrder(couldOpen) };
  }
  return {
    verdict: 'open',
    open,
    accepts: inEvaluationOrder(accepts),
    partialDrops: inEvaluationOrder(partialDrops),
    unresolved: inEvaluationOrder(unresolved),
    cancelled: uniqueCancelled(cancelled),
  };
}
