/**
 * One protocol and port against one rule set, in a single pass over the applying rules in
 * evaluation order: when an Accept is reached, exactly the Drops that outrank it (priority ≤, Drop
 * first at equal priority) have been seen.
 */
import type { AddressFamily } from '../model';
import { acceptProfile, flagsAt, MAY_COVER, UNDECIDED_ACCEPT } from './accept-profile';
import { FamilyState, widestAccepts } from './family-state';
import { NOTHING_OPEN, type CancelledAccept, type RuleSetExposure } from './exposure';
import {
  compareCompiled,
  inEvaluationOrder,
  type CompiledRule,
  type CompiledRuleSet,
  type PortProtocol,
  type ResolvedRule,
  WHOLE,
} from './rule-set';

const FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

function applies(rule: CompiledRule, port: number): boolean {
  return rule.from <= port && port <= rule.to;
}

function cancelledAccepts(states: Record<AddressFamily, FamilyState>): CancelledAccept[] {
  return FAMILIES.flatMap((family) =>
    states[family].cancelled.map((ranked) => ({
      accept: ranked.accept,
      by: states[family].dropsTouching(ranked),
    })),
  ).sort((a, b) => compareCompiled(a.accept, b.accept));
}

/**
 * Whether the applying Accepts, before any Drop, hold as many addresses as a whole family: when they
 * do not, nothing can be open and no Drop needs explaining. Most questions end here, on floats.
 */
function acceptsMayCoverAFamily(rules: readonly ResolvedRule[]): boolean {
  let ipv4 = 0;
  let ipv6 = 0;
  for (const rule of rules) {
    if (rule.action !== 'accept') continue;
    if (rule.range.family === 'ipv4') ipv4 += rule.share;
    else ipv6 += rule.share;
  }
  return ipv4 >= WHOLE || ipv6 >= WHOLE;
}

/** A stretch of ports of one protocol, and the rules that apply to every port in it. */
export interface ApplyingRules {
  protocol: PortProtocol;
  from: number;
  to: number;
  /** In evaluation order. */
  resolved: readonly ResolvedRule[];
  /** In evaluation order. */
  undecided: readonly CompiledRule[];
}

/** The answer for ports that all share the same applying rules. */
export function judgeApplying(applying: ApplyingRules): RuleSetExposure {
  if (!acceptsMayCoverAFamily(applying.resolved)) return withoutOpenAccepts(applying.undecided);
  return judgeFully(applying);
}

/** No Accept set reaches a whole family: only an undecidable Accept could still open it. */
function withoutOpenAccepts(undecided: readonly CompiledRule[]): RuleSetExposure {
  const couldOpen = undecided.filter((rule) => rule.action === 'accept');
  if (couldOpen.length === 0) return NOTHING_OPEN;
  return { ...NOTHING_OPEN, verdict: 'unresolved', unresolved: couldOpen };
}

function judgeFully({ protocol, from, to, resolved, undecided }: ApplyingRules): RuleSetExposure {
  const states: Record<AddressFamily, FamilyState> = {
    ipv4: new FamilyState(),
    ipv6: new FamilyState(),
  };
  for (const rule of resolved) {
    const state = states[rule.range.family];
    if (rule.action === 'drop') state.addDrop(rule);
    else state.addAccept(rule);
  }
  const openFamilies = FAMILIES.filter((family) => states[family].coversFamily(family));

  if (openFamilies.length === 0) {
    const answer = withoutOpenAccepts(undecided);
    // Cancelled Accepts explain a port the Accepts alone would open; otherwise they explain nothing.
    const closedByDrops = FAMILIES.some((family) => states[family].acceptsAloneCover(family));
    return closedByDrops ? { ...answer, cancelled: cancelledAccepts(states) } : answer;
  }

  const deciding = openFamilies.flatMap((family) =>
    widestAccepts(states[family].live).map((ranked) => ({ ranked, state: states[family] })),
  );
  const partialDrops = deciding.flatMap(({ ranked, state }) => state.dropsTouching(ranked));
  const weakestPriority = Math.max(...deciding.map(({ ranked }) => ranked.accept.priority));
  return {
    verdict: 'open',
    open: [{ protocol, from, to, families: openFamilies }],
    accepts: inEvaluationOrder(deciding.map(({ ranked }) => ranked.accept)),
    partialDrops: inEvaluationOrder(partialDrops),
    // A prefix-list Drop is usually a partial blocklist: named for review, the port stays open.
    unresolved: undecided.filter(
      (rule) => rule.action === 'drop' && rule.priority <= weakestPriority,
    ),
    // Accepts and partial Drops explain an open answer; cancelled Accepts explain a closed one.
    cancelled: [],
  };
}

export function evaluatePort(
  set: CompiledRuleSet,
  protocol: PortProtocol,
  port: number,
): RuleSetExposure {
  const flags = flagsAt(acceptProfile(set, protocol), port);
  if ((flags & MAY_COVER) === 0) {
    // Most sets have no Accept from everywhere for most ports: settled without looking at a rule.
    if ((flags & UNDECIDED_ACCEPT) === 0) return NOTHING_OPEN;
    return withoutOpenAccepts(set.unresolved[protocol].filter((rule) => applies(rule, port)));
  }
  const undecided = set.unresolved[protocol].filter((rule) => applies(rule, port));
  const resolved = set.resolved[protocol].filter((rule) => applies(rule, port));
  return judgeFully({ protocol, from: port, to: port, resolved, undecided });
}
