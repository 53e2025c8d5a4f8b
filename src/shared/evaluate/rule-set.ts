/**
 * A rule set prepared once for many port questions: ingress only, split by the port protocol it
 * bears on, sorted in the cloud's evaluation order, sources parsed to address ranges.
 */
import type { Rule, RuleAction } from '../model';
import { parseCidr, type AddressRange } from './address-range';

export type PortProtocol = 'tcp' | 'udp';

export const PORT_PROTOCOLS: readonly PortProtocol[] = ['tcp', 'udp'];

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
}

/** Evaluation order: smaller priority first, Drop before Accept at equal priority. */
export function compareCompiled(a: CompiledRule, b: CompiledRule): number {
  if (a.priority !== b.priority) return a.priority - b.priority;
  if (a.action !== b.action) return a.action === 'drop' ? -1 : 1;
  if (a.rule.groupId !== b.rule.groupId) return a.rule.groupId < b.rule.groupId ? -1 : 1;
  return a.index - b.index;
}

/** Distinct rules in evaluation order, for evidence lists. */
export function inEvaluationOrder<T extends CompiledRule>(rules: Iterable<T>): T[] {
  return [...new Set(rules)].sort(compareCompiled);
}

function protocolsOf(rule: Rule): readonly PortProtocol[] {
  if (rule.protocol === 'all') return PORT_PROTOCOLS;
  if (rule.protocol === 'tcp' || rule.protocol === 'udp') return [rule.protocol];
  // ICMP, ICMPv6 and GRE never open a TCP or UDP port.
  return [];
}

function compile(rule: Rule, index: number): CompiledRule | null {
  const source = rule.source;
  // A group reference admits members of a group, never the internet; a rule without source admits no one.
  if (source.kind === 'security-group' || source.kind === 'none') return null;
  const base = { rule, action: rule.action, priority: rule.priority, index };
  const ports = rule.ports ?? { from: FIRST_PORT, to: LAST_PORT };
  if (rule.unresolved !== null) return { ...base, ...ports, range: null, unresolved: rule.unresolved };
  if (source.kind !== 'cidr') return { ...base, ...ports, range: null, unresolved: source.kind };
  // A TCP/UDP rule without usable ports would be an importer slip: report it, never drop it silently.
  if (rule.ports === null) return { ...base, ...ports, range: null, unresolved: 'unknown-port-range' };
  const range = parseCidr(source.cidr);
  if (range === null) return { ...base, ...ports, range: null, unresolved: 'unparseable-source' };
  return { ...base, ...ports, range, unresolved: null };
}

function emptySet(): CompiledRuleSet {
  return { resolved: { tcp: [], udp: [] }, unresolved: { tcp: [], udp: [] } };
}

export function compileRuleSet(rules: readonly Rule[]): CompiledRuleSet {
  const set = emptySet();
  rules.forEach((rule, index) => {
    if (rule.direction !== 'ingress') return;
    const protocols = protocolsOf(rule);
    if (protocols.length === 0) return;
    const compiled = compile(rule, index);
    if (compiled === null) return;
    for (const protocol of protocols) {
      if (isResolved(compiled)) set.resolved[protocol].push(compiled);
      else set.unresolved[protocol].push(compiled);
    }
  });
  for (const protocol of PORT_PROTOCOLS) {
    set.resolved[protocol].sort(compareCompiled);
    set.unresolved[protocol].sort(compareCompiled);
  }
  return set;
}

/**
 * The rules of several sets judged together (one network interface in several groups). Each input
 * is already sorted, so the sort only merges runs.
 */
export function mergeRuleSets(sets: readonly CompiledRuleSet[]): CompiledRuleSet {
  if (sets.length === 1 && sets[0] !== undefined) return sets[0];
  const merged = emptySet();
  for (const protocol of PORT_PROTOCOLS) {
    merged.resolved[protocol] = sets.flatMap((set) => set.resolved[protocol]).sort(compareCompiled);
    merged.unresolved[protocol] = sets.flatMap((set) => set.unresolved[protocol]).sort(compareCompiled);
  }
  return merged;
}
