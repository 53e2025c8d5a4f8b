import { describe, expect, it } from 'vitest';
import { group, instance, networkInterface } from '../../../../test/support/builders';
import { findingOf, outcomeOf, runOne } from '../../../../test/support/check-cases';
import type { Instance, NetworkInterface } from '../../model';
import { excessiveSecurityGroups } from './excessive-security-groups';

interface MembershipCase {
  name: string;
  /** Group ids of the instance's primary interface. */
  primary: string[];
  secondary?: NetworkInterface[];
  instanceExtra?: Partial<Instance>;
  expect: 'at-risk' | 'passed';
  /** The group ids the finding names as evidence. */
  evidence?: string[];
}

const cases: MembershipCase[] = [
  { name: 'one group', primary: ['sg-1'], expect: 'passed' },
  { name: 'two groups', primary: ['sg-1', 'sg-2'], expect: 'passed' },
  {
    name: 'three groups',
    primary: ['sg-1', 'sg-2', 'sg-3'],
    expect: 'at-risk',
    evidence: ['sg-1', 'sg-2', 'sg-3'],
  },
  {
    name: 'four groups',
    primary: ['sg-1', 'sg-2', 'sg-3', 'sg-4'],
    expect: 'at-risk',
    evidence: ['sg-1', 'sg-2', 'sg-3', 'sg-4'],
  },
  { name: 'a group listed twice counts once', primary: ['sg-1', 'sg-2', 'sg-1'], expect: 'passed' },
  {
    name: 'two interfaces with two groups each are counted apart',
    primary: ['sg-1', 'sg-2'],
    secondary: [networkInterface('eni-2', 'i-a', ['sg-3', 'sg-4'])],
    expect: 'passed',
  },
  {
    name: 'a secondary interface with three groups',
    primary: ['sg-1'],
    secondary: [networkInterface('eni-2', 'i-a', ['sg-2', 'sg-3', 'sg-4'])],
    expect: 'at-risk',
    evidence: ['sg-2', 'sg-3', 'sg-4'],
  },
];

const knownGroups = ['sg-1', 'sg-2', 'sg-3', 'sg-4'].map((id) => group(id, [{ ports: '22/22' }]));

describe('excessive-security-groups', () => {
  it.each(cases)('$name', (c) => {
    const result = runOne(excessiveSecurityGroups, {
      groups: knownGroups,
      instances: [instance('i-a', c.primary, c.instanceExtra)],
      networkInterfaces: c.secondary ?? [],
    });
    expect(outcomeOf(result, 'instance', 'i-a')).toBe(c.expect);
    if (c.evidence !== undefined) {
      expect(findingOf(result, 'instance', 'i-a')?.securityGroupIds).toEqual(c.evidence);
    }
    // Membership is an instance property: no group is ever flagged.
    expect(result.findings.filter((finding) => finding.level === 'security-group')).toEqual([]);
  });

  it('is at risk, not incomplete, when the groups’ rules were not exported', () => {
    const result = runOne(excessiveSecurityGroups, {
      groups: [group('sg-1', [], { rulesImported: false })],
      instances: [
        instance('i-a', ['sg-1', 'sg-2', 'sg-3'], { publicIps: ['198.51.100.7'] }),
        instance('i-b', ['sg-1']),
      ],
    });
    expect(result.findings).toHaveLength(1);
    expect(findingOf(result, 'instance', 'i-a')).toMatchObject({
      status: 'at-risk',
      publicIps: ['198.51.100.7'],
      open: [],
      accepts: [],
      partialDrops: [],
      unresolved: [],
      instanceIds: [],
      gaps: [],
    });
  });
});
