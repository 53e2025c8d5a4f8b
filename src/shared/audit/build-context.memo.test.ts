/**
 * The work counted: each group compiled once, each distinct set of groups merged once, each set
 * asked each question once, however many instances share it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { group, instance, networkInterface, snapshot } from '../../../test/support/builders';
import * as query from '../evaluate/query';
import * as ruleSet from '../evaluate/rule-set';
import { buildCheckContext } from './build-context';
import type { ExposureQuery } from './context';

vi.mock('../evaluate/rule-set', async (importOriginal) => {
  const original = await importOriginal<typeof ruleSet>();
  return {
    ...original,
    compileRuleSet: vi.fn(original.compileRuleSet),
    mergeRuleSets: vi.fn(original.mergeRuleSets),
  };
});

vi.mock('../evaluate/query', async (importOriginal) => {
  const original = await importOriginal<typeof query>();
  return { ...original, evaluateQuery: vi.fn(original.evaluateQuery) };
});

const queries: ExposureQuery[] = [
  { protocol: 'tcp', port: 22 },
  { protocol: 'tcp', port: 3306 },
  { protocol: 'tcp', allPorts: true },
];

describe('memoised work', () => {
  beforeEach(() => vi.clearAllMocks());

  it('instances sharing a set of groups share compilation, merging and answers', () => {
    const groups = ['sg-a', 'sg-b', 'sg-c'].map((id) =>
      group(id, [{ priority: 5 }, { action: 'drop', source: '10.0.0.0/8' }]),
    );
    const instances = Array.from({ length: 300 }, (_, i) =>
      instance(
        `i-${i}`,
        i % 3 === 0 ? ['sg-a', 'sg-b'] : i % 3 === 1 ? ['sg-b', 'sg-a'] : ['sg-c'],
      ),
    );
    const context = buildCheckContext(snapshot({ groups, instances }));
    for (const query of queries) {
      for (const target of [...context.groups, ...context.instances])
        context.exposure(target, query);
    }
    expect(ruleSet.compileRuleSet).toHaveBeenCalledTimes(3);
    // Distinct sets: {a}, {b}, {c} for the groups, {a, b} for instances ({c} is the group's own set).
    expect(ruleSet.mergeRuleSets).toHaveBeenCalledTimes(4);
    expect(query.evaluateQuery).toHaveBeenCalledTimes(4 * queries.length);
  });

  it('a secondary interface reuses the answers of its set of groups', () => {
    const groups = [group('sg-a'), group('sg-b')];
    const instances = Array.from({ length: 50 }, (_, i) => instance(`i-${i}`, ['sg-a']));
    const networkInterfaces = instances.map((item) =>
      networkInterface(`eni-${item.id}`, item.id, ['sg-b']),
    );
    const context = buildCheckContext(snapshot({ groups, instances, networkInterfaces }));
    for (const target of context.instances) context.exposure(target, { protocol: 'tcp', port: 22 });
    expect(query.evaluateQuery).toHaveBeenCalledTimes(2);
  });
});
