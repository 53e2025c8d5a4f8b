/**
 * The evaluator against a brute-force reference written straight from spec/evaluation.md.
 * Sources are prefixes of length 0–3, so every source is a union of the eight /3 blocks of its
 * family and coverage can be checked block by block. Port bounds come from a small set, so the
 * answer can only change at a bound or one past it: checking those ports checks every port.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateQuery } from './query';
import { compileRuleSet, mergeRuleSets } from './rule-set';
import { rule, type RuleSpec } from '../../../test/support/builders';
import type { Rule } from '../model';

const BOUNDS = [1, 2, 21, 22, 23, 1000, 65534, 65535];
const CANDIDATE_PORTS = [...new Set(BOUNDS.flatMap((port) => [port - 1, port, port + 1]))].filter(
  (port) => port >= 1 && port <= 65535,
);
const BLOCKS = [0, 1, 2, 3, 4, 5, 6, 7];

interface Generated {
  spec: RuleSpec;
  /** The /3 blocks the source holds; null when the source is not an address. */
  blocks: number[] | null;
  family: 'ipv4' | 'ipv6';
}

/** A prefix of length 0–3 written with arbitrary host bits set, as a careless export would. */
const sourceArb = fc
  .record({
    family: fc.constantFrom('ipv4' as const, 'ipv6' as const),
    top: fc.integer({ min: 0, max: 255 }),
    length: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ family, top, length }) => {
    const text =
      family === 'ipv4'
        ? `${top}.7.7.7/${length}`
        : `${((top << 8) | 0x77).toString(16)}::1/${length}`;
    const keep = top >> (8 - length);
    const blocks = BLOCKS.filter((block) => block >> (3 - length) === keep);
    return { text, blocks, family };
  });

const ruleArb: fc.Arbitrary<Generated> = fc
  .record({
    direction: fc.constantFrom(
      'ingress' as const,
      'ingress' as const,
      'ingress' as const,
      'egress' as const,
    ),
    action: fc.constantFrom('accept' as const, 'drop' as const),
    priority: fc.integer({ min: 1, max: 110 }),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const, 'all' as const, 'icmp' as const),
    bounds: fc.tuple(fc.constantFrom(...BOUNDS), fc.constantFrom(...BOUNDS)),
    source: fc.oneof(
      { weight: 9, arbitrary: sourceArb },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  })
  .map(({ direction, action, priority, protocol, bounds, source }) => {
    const [from, to] = bounds[0] <= bounds[1] ? bounds : [bounds[1], bounds[0]];
    const ports = protocol === 'tcp' || protocol === 'udp' ? `${from}/${to}` : '-1/-1';
    const spec: RuleSpec = {
      direction,
      action,
      priority,
      protocol,
      ports,
      source: source?.text ?? 'sg-peer',
    };
    return { spec, blocks: source?.blocks ?? null, family: source?.family ?? 'ipv4' };
  });

interface ReferenceRule {
  rule: Rule;
  blocks: number[];
  family: 'ipv4' | 'ipv6';
}

function referenceApplies(
  candidate: ReferenceRule,
  protocol: 'tcp' | 'udp',
  port: number,
): boolean {
  const { rule: r } = candidate;
  if (r.direction !== 'ingress') return false;
  if (r.protocol !== protocol && r.protocol !== 'all') return false;
  return r.ports !== null && r.ports.from <= port && port <= r.ports.to;
}

/** Decision 4, literally: every block of the Accept's source is in an applying, outranking Drop. */
function referenceCancelled(
  rules: readonly ReferenceRule[],
  accept: ReferenceRule,
  protocol: 'tcp' | 'udp',
  port: number,
): boolean {
  const outranking = rules.filter(
    (drop) =>
      drop.rule.action === 'drop' &&
      referenceApplies(drop, protocol, port) &&
      drop.family === accept.family &&
      drop.rule.priority <= accept.rule.priority,
  );
  return accept.blocks.every((block) => outranking.some((drop) => drop.blocks.includes(block)));
}

/** Decisions 1–5, literally: no sorting, no ranges, every Accept against every Drop. */
function referenceOpen(
  rules: readonly ReferenceRule[],
  protocol: 'tcp' | 'udp',
  port: number,
): boolean {
  const live = rules.filter(
    (accept) =>
      accept.rule.action === 'accept' &&
      referenceApplies(accept, protocol, port) &&
      !referenceCancelled(rules, accept, protocol, port),
  );
  return (['ipv4', 'ipv6'] as const).some((family) =>
    BLOCKS.every((block) =>
      live.some((accept) => accept.family === family && accept.blocks.includes(block)),
    ),
  );
}

function toReference(generated: readonly Generated[]): {
  rules: Rule[];
  reference: ReferenceRule[];
} {
  const rules = generated.map((item) => rule('sg-prop', item.spec));
  const reference = generated.flatMap((item, i) =>
    // Group references never admit the internet: the reference simply has no such rule.
    item.blocks === null
      ? []
      : [{ rule: rules[i] as Rule, blocks: item.blocks, family: item.family }],
  );
  return { rules, reference };
}

describe('evaluator agrees with the brute-force reference', () => {
  it('on single ports', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 12 }),
        fc.constantFrom('tcp' as const, 'udp' as const),
        fc.constantFrom(...CANDIDATE_PORTS),
        (generated, protocol, port) => {
          const { rules, reference } = toReference(generated);
          const answer = evaluateQuery(compileRuleSet(rules), { protocol, port });
          expect(answer.verdict).toBe(referenceOpen(reference, protocol, port) ? 'open' : 'closed');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('on all ports', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 12 }),
        fc.constantFrom('tcp' as const, 'udp' as const),
        (generated, protocol) => {
          const { rules, reference } = toReference(generated);
          const expected = CANDIDATE_PORTS.every((port) =>
            referenceOpen(reference, protocol, port),
          );
          const answer = evaluateQuery(compileRuleSet(rules), { protocol, allPorts: true });
          expect(answer.verdict).toBe(expected ? 'open' : 'closed');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('with the rules spread over several groups merged for one interface', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ruleArb, fc.constantFrom('sg-a', 'sg-b', 'sg-c')), { maxLength: 12 }),
        fc.constantFrom('tcp' as const, 'udp' as const),
        fc.constantFrom(...CANDIDATE_PORTS),
        (placed, protocol, port) => {
          const { rules, reference } = toReference(placed.map(([generated]) => generated));
          // The same rules, each moved into the group it was placed in.
          const byGroup = ['sg-a', 'sg-b', 'sg-c'].map((groupId) =>
            compileRuleSet(
              rules
                .map((item, i) => ({ ...item, groupId: placed[i]?.[1] ?? '' }))
                .filter((item) => item.groupId === groupId),
            ),
          );
          const merged = mergeRuleSets(byGroup);
          const single = evaluateQuery(merged, { protocol, port });
          expect(single.verdict).toBe(referenceOpen(reference, protocol, port) ? 'open' : 'closed');
          const every = CANDIDATE_PORTS.every((candidate) =>
            referenceOpen(reference, protocol, candidate),
          );
          const all = evaluateQuery(mergeRuleSets(byGroup), { protocol, allPorts: true });
          expect(all.verdict).toBe(every ? 'open' : 'closed');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('names only applying, uncancelled Accepts; cancelled ones are truly cancelled', () => {
    fc.assert(
      fc.property(
        fc.array(ruleArb, { maxLength: 12 }),
        fc.constantFrom(...CANDIDATE_PORTS),
        (generated, port) => {
          const { rules, reference } = toReference(generated);
          const answer = evaluateQuery(compileRuleSet(rules), { protocol: 'tcp', port });
          const byRule = new Map(reference.map((item) => [item.rule, item]));
          const find = (r: Rule): ReferenceRule => byRule.get(r) as ReferenceRule;
          for (const accept of answer.accepts) {
            expect(referenceApplies(find(accept.rule), 'tcp', port)).toBe(true);
            expect(referenceCancelled(reference, find(accept.rule), 'tcp', port)).toBe(false);
          }
          for (const entry of answer.cancelled) {
            expect(referenceCancelled(reference, find(entry.accept.rule), 'tcp', port)).toBe(true);
          }
          // Cancelled Accepts explain why a port the Accepts alone would open is closed.
          const acceptsOnly = reference.filter((item) => item.rule.action === 'accept');
          const closedByDrops =
            answer.verdict !== 'open' && referenceOpen(acceptsOnly, 'tcp', port);
          const cancelledCount = reference.filter(
            (item) =>
              item.rule.action === 'accept' &&
              referenceApplies(item, 'tcp', port) &&
              referenceCancelled(reference, item, 'tcp', port),
          ).length;
          expect(answer.cancelled).toHaveLength(closedByDrops ? cancelledCount : 0);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
