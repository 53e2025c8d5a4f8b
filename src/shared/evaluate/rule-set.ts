/**
 * A rule set prepared once for many port questions: ingress only, split by the port protocol it
 * bears on, sorted in the cloud's evaluation order, sources parsed to address ranges.
 */
import type { Rule, RuleAction } from '../model';
import type { AcceptProfile } from './accept-profile';
import { parseCidr, type AddressRange, type CidrRange } from './address-range';

export type PortProtocol = 'tcp' | 'udp';

export const PORT_PROTOCOLS: readonly PortProtocol[] = ['tcp', 'udp'];

/**
 * A sum of shares (see CompiledRule.share) this large holds a whole family. Shares are powers of
 * two, summed exactly in floating point; the margin only guards against rounding.
 */
export const WHOLE = 1 - 1e-9;

export const FIRST_PORT = 1;
export const LAST_PORT = 65535;

export interface CompiledRule {
  rule: Rule;
  action: RuleAction;
  priority: number;
  /** Inclusive ports; 1–65535 for an undecidable rule whose ports are unknown (it could be any). */
  from: number;
  to: number;
  /** The source as addresses; null exactly when `unresolved` is set. */
  range: AddressRange | null;
  /** Why the rule cannot be decided offline; null when it can. */
  unresolved: string | null;
  /**
   * The fraction of its family the source holds (0 when unresolved). Sources summing to less than
   * a whole family cannot cover it: a cheap test that settles most questions without ranges.
   */
  share: number;
  /** Priority and action as one number: smaller is evaluated first. */
  rank: number;
  groupId: string;
  /** Position in the input list: the last tie-break, so merged sets sort the same in any order. */
  index: number;
}

/** A rule the evaluator can decide: an address source and known ports. */
export interface ResolvedRule extends CompiledRule {
  range: AddressRange;
  unresolved: null;
}

export function isResolved(rule: CompiledRule): rule is ResolvedRule {
  return rule.unresolved === null && rule.range !== null;
}

export interface CompiledRuleSet {
  /** Decidable rules with an address source bearing on the protocol (its own or ALL), in order. */
  resolved: Record<PortProtocol, ResolvedRule[]>;
  /** Rules that cannot be decided offline bearing on the protocol, in order: they could matter. */
  unresolved: Record<PortProtocol, CompiledRule[]>;
  /** Filled on first use by acceptProfile: where Accepts could open anything at all. */
  profiles: Partial<Record<PortProtocol, AcceptProfile>>;
  /** For a merged set: the sets it merges (their profiles add up to its own). */
  parts?: readonly CompiledRuleSet[];
}

/** Evaluation order: smaller priority first, Drop before Accept at equal priority. */
export function compareCompiled(a: CompiledRule, b: CompiledRule): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.groupId !== b.groupId) return a.groupId < b.groupId ? -1 : 1;
  return a.index - b.index;
}

/** Distinct rules in evaluation order, for evidence lists. */
export function inEvaluationOrder<T extends CompiledRule>(rules: Iterable<T>): T[] {
  return [...new Set(rules)].sort(compareCompiled);
}

const BEARING: Record<Rule['protocol'], readonly PortProtocol[]> = {
  all: PORT_PROTOCOLS,
  tcp: ['tcp'],
  udp: ['udp'],
  // ICMP, ICMPv6 and GRE never open a TCP or UDP port.
  icmp: [],
  icmpv6: [],
  gre: [],
};

function compiled(
  rule: Rule,
  index: number,
  range: CidrRange | null,
  unresolved: string | null,
): CompiledRule {
  const ports = rule.ports ?? { from: FIRST_PORT, to: LAST_PORT };
  return {
    rule,
    action: rule.action,
    priority: rule.priority,
    from: ports.from,
    to: ports.to,
    range,
    unresolved,
    share: range === null ? 0 : range.share,
    // Drop before Accept at equal priority.
    rank: rule.priority * 2 + (rule.action === 'drop' ? 0 : 1),
    groupId: rule.groupId,
    index,
  };
}

function compile(rule: Rule, index: number): CompiledRule | null {
  const source = rule.source;
  // A group reference admits members of a group, never the internet; a rule without source admits no one.
  if (source.kind === 'security-group' || source.kind === 'none') return null;
  if (rule.unresolved !== null) return compiled(rule, index, null, rule.unresolved);
  if (source.kind !== 'cidr') return compiled(rule, index, null, source.kind);
  // A TCP/UDP rule without usable ports would be an importer slip: report it, never drop it silently.
  if (rule.ports === null) return compiled(rule, index, null, 'unknown-port-range');
  const range = parseCidr(source.cidr);
  if (range === null) return compiled(rule, index, null, 'unparseable-source');
  return compiled(rule, index, range, null);
}

function emptySet(): CompiledRuleSet {
  return { resolved: { tcp: [], udp: [] }, unresolved: { tcp: [], udp: [] }, profiles: {} };
}

export function compileRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  const set = emptySet();
  rules.forEach((rule, index) => {
    if (rule.direction !== 'ingress') return;
    const protocols = BEARING[rule.protocol] ?? [];
    if (protocols.length === 0) return;
    const prepared = compile(rule, index);
    if (prepared === null) return;
    for (const protocol of protocols) {
      if (isResolved(prepared)) set.resolved[protocol].push(prepared);
      else set.unresolved[protocol].push(prepared);
    }
  });
  for (const protocol of PORT_PROTOCOLS) {
    set.resolved[protocol].sort(compareCompiled);
    set.unresolved[protocol].sort(compareCompiled);
  }
  return set;
}

/**
 * The rules of several sets judged together (one network interface in several groups). The lists
 * are merged on first use only: most questions are settled by the parts' profiles alone. Each
 * input is already in evaluation order, so merging is linear.
 */
export function mergeRuleSets(sets: readonly CompiledRuleSet[]): CompiledRuleSet {
  if (sets.length === 0) return emptySet();
  if (sets.length === 1 && sets[0] !== undefined) return sets[0];
  let lists: Pick<CompiledRuleSet, 'resolved' | 'unresolved'> | undefined;
  const merged = (): Pick<CompiledRuleSet, 'resolved' | 'unresolved'> =>
    (lists ??= mergeLists(sets));
  return {
    get resolved() {
      return merged().resolved;
    },
    get unresolved() {
      return merged().unresolved;
    },
    profiles: {},
    parts: sets,
  };
}

function mergeLists(
  sets: readonly CompiledRuleSet[],
): Pick<CompiledRuleSet, 'resolved' | 'unresolved'> {
  const lists = emptySet();
  for (const protocol of PORT_PROTOCOLS) {
    lists.resolved[protocol] = sets.reduce<ResolvedRule[]>(
      (done, set) => mergeSorted(done, set.resolved[protocol]),
      [],
    );
    lists.unresolved[protocol] = sets.reduce<CompiledRule[]>(
      (done, set) => mergeSorted(done, set.unresolved[protocol]),
      [],
    );
  }
  return lists;
}

/** Two lists in evaluation order merged into one, in linear time. */
function mergeSorted<T extends CompiledRule>(left: readonly T[], right: readonly T[]): T[] {
  if (left.length === 0) return right.slice();
  if (right.length === 0) return left.slice();
  const merged: T[] = new Array<T>(left.length + right.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] as T;
    const b = right[j] as T;
    if (compareCompiled(a, b) <= 0) {
      merged[k] = a;
      i += 1;
    } else {
      merged[k] = b;
      j += 1;
    }
    k += 1;
  }
  while (i < left.length) merged[k++] = left[i++] as T;
  while (j < right.length) merged[k++] = right[j++] as T;
  return merged;
}
