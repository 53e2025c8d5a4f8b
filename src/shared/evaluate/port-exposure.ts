/**
 * One protocol and port against one rule set, in a single pass over the rules in evaluation order:
 * when an Accept is reached, exactly the Drops that outrank it (priority ≤, Drop first at equal
 * priority) have been seen.
 */
import type { AddressFamily } from '../model';
import {
  coversFamily,
  mergedCovers,
  mergeRanges,
  overlaps,
  sameRange,
  type AddressRange,
} from './address-range';
import { closedExposure, type CancelledAccept, type RuleSetExposure } from './exposure';
import {
  compareCompiled,
  inEvaluationOrder,
  type CompiledRule,
  type CompiledRuleSet,
  type PortProtocol,
  type ResolvedRule,
} from './rule-set';

const FAMILIES: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/** An Accept together with how many Drops of its family outrank it. */
interface RankedAccept {
  accept: ResolvedRule;
  dropsBefore: number;
}

class FamilyState {
  readonly drops: ResolvedRule[] = [];
  readonly live: RankedAccept[] = [];
  readonly cancelled: RankedAccept[] = [];
  private mergedDrops: AddressRange[] = [];
  private mergedCount = 0;

  addDrop(drop: ResolvedRule): void {
    this.drops.push(drop);
  }

  addAccept(accept: ResolvedRule): void {
    const ranked = { accept, dropsBefore: this.drops.length };
    if (ranked.dropsBefore > 0 && mergedCovers(this.dropUnion(), accept.range)) {
      this.cancelled.push(ranked);
    } else {
      this.live.push(ranked);
    }
  }

  coversFamily(family: AddressFamily): boolean {
    return this.live.length > 0 && coversFamily(this.live.map((ranked) => ranked.accept.range), family);
  }

  /** The Drops seen before `ranked` that touch its source. */
  dropsTouching(ranked: RankedAccept): ResolvedRule[] {
    return this.drops
      .slice(0, ranked.dropsBefore)
      .filter((drop) => overlaps(drop.range, ranked.accept.range));
  }

  private dropUnion(): AddressRange[] {
    if (this.mergedCount !== this.drops.length) {
      this.mergedDrops = mergeRanges(this.drops.map((drop) => drop.range));
      this.mergedCount = this.drops.length;
    }
    return this.mergedDrops;
  }
}

function applies(rule: CompiledRule, port: number): boolean {
  return rule.from <= port && port <= rule.to;
}

/**
 * The Accepts that carry the reach: an Accept whose source lies strictly inside another live
 * Accept's source adds nothing internet-wide (10.0.0.0/8 next to 0.0.0.0/0), so it is not named.
 * Identical sources are all named: each one alone keeps the port open.
 */
function widestAccepts(live: readonly RankedAccept[]): RankedAccept[] {
  const sorted = [...live].sort((a, b) => {
    const x = a.accept.range;
    const y = b.accept.range;
    if (x.start !== y.start) return x.start < y.start ? -1 : 1;
    if (x.end !== y.end) return x.end > y.end ? -1 : 1;
    return 0;
  });
  const widest: RankedAccept[] = [];
  let reachedEnd = -1n;
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i] as RankedAccept;
    let j = i;
    while (j < sorted.length && sameRange((sorted[j] as RankedAccept).accept.range, first.accept.range)) j += 1;
    if (first.accept.range.end > reachedEnd) {
      widest.push(...sorted.slice(i, j));
      reachedEnd = first.accept.range.end;
    }
    i = j;
  }
  return widest;
}

function cancelledAccepts(states: Record<AddressFamily, FamilyState>): CancelledAccept[] {
  return FAMILIES.flatMap((family) =>
    states[family].cancelled.map((ranked) => ({
      accept: ranked.accept,
      by: states[family].dropsTouching(ranked),
    })),
  ).sort((a, b) => compareCompiled(a.accept, b.accept));
}

export function evaluatePort(
  set: CompiledRuleSet,
  protocol: PortProtocol,
  port: number,
): RuleSetExposure {
  const states: Record<AddressFamily, FamilyState> = { ipv4: new FamilyState(), ipv6: new FamilyState() };
  for (const rule of set.resolved[protocol]) {
    if (!applies(rule, port)) continue;
    const state = states[rule.range.family];
    if (rule.action === 'drop') state.addDrop(rule);
    else state.addAccept(rule);
  }
  const openFamilies = FAMILIES.filter((family) => states[family].coversFamily(family));
  const undecided = set.unresolved[protocol].filter((rule) => applies(rule, port));
  const cancelled = cancelledAccepts(states);

  if (openFamilies.length === 0) {
    const couldOpen = undecided.filter((rule) => rule.action === 'accept');
    if (couldOpen.length === 0) return closedExposure(cancelled);
    return { ...closedExposure(cancelled), verdict: 'unresolved', unresolved: couldOpen };
  }

  const deciding = openFamilies.flatMap((family) =>
    widestAccepts(states[family].live).map((ranked) => ({ ranked, state: states[family] })),
  );
  const partialDrops = deciding.flatMap(({ ranked, state }) => state.dropsTouching(ranked));
  const weakestPriority = Math.max(...deciding.map(({ ranked }) => ranked.accept.priority));
  return {
    verdict: 'open',
    open: [{ protocol, from: port, to: port, families: openFamilies }],
    accepts: inEvaluationOrder(deciding.map(({ ranked }) => ranked.accept)),
    partialDrops: inEvaluationOrder(partialDrops),
    // A prefix-list Drop is usually a partial blocklist: named for review, the port stays open.
    unresolved: undecided.filter((rule) => rule.action === 'drop' && rule.priority <= weakestPriority),
    cancelled,
  };
}
