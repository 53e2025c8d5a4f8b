/**
 * Merging evidence from several exposure answers (one per watched port or query) into one finding.
 * Kept apart from the target walk so both stay small and testable.
 */
import type { OpenPort, RuleEvidence } from '../audit/result';
import type { AddressFamily } from '../model';

const familyOrder: readonly AddressFamily[] = ['ipv4', 'ipv6'];

/**
 * Same protocol and range reported by several answers become one entry with the union of families.
 * Ranges are not coalesced: each entry stays one the engine actually reported, so it can be traced.
 */
export function mergeOpenPorts(ports: readonly OpenPort[]): OpenPort[] {
  const byRange = new Map<string, OpenPort>();
  for (const port of ports) {
    const key = `${port.protocol}|${port.from}|${port.to}`;
    const known = byRange.get(key);
    const families = new Set([...(known?.families ?? []), ...port.families]);
    byRange.set(key, { ...port, families: familyOrder.filter((family) => families.has(family)) });
  }
  return [...byRange.values()].sort(
    (a, b) => a.protocol.localeCompare(b.protocol) || a.from - b.from || a.to - b.to,
  );
}

/**
 * One entry per rule and interface: the same rule reached through two secondary interfaces is two
 * pieces of evidence, the same rule deciding two watched ports is one. First occurrence wins, so the
 * engine's ordering (by priority) is kept.
 */
export function uniqueRules(rules: readonly RuleEvidence[]): RuleEvidence[] {
  const seen = new Set<string>();
  const unique: RuleEvidence[] = [];
  for (const rule of rules) {
    const key = `${rule.ruleId}|${rule.networkInterfaceId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(rule);
  }
  return unique;
}
