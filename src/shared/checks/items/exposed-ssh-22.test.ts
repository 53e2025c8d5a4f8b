import { describe, expect, it } from 'vitest';
import { group, instance } from '../../../../test/support/builders';
import {
  findingOf,
  judge,
  runOne,
  verdicts,
  type CheckCase,
} from '../../../../test/support/check-cases';
import { exposedSsh22 } from './exposed-ssh-22';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 22 from 0.0.0.0/0', rules: [{ ports: '22/22' }], expect: 'at-risk' },
  { name: 'TCP 22 from ::/0', rules: [{ ports: '22/22', source: '::/0' }], expect: 'at-risk' },
  { name: 'TCP 1/65535 covers 22', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 22 from 10.0.0.0/8 only',
    rules: [{ ports: '22/22', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 22', rules: [{ ports: '22/22', protocol: 'udp' }], expect: 'passed' },
  { name: 'egress TCP 22', rules: [{ ports: '22/22', direction: 'egress' }], expect: 'passed' },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '22/22' }, { ports: '22/22', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 23', rules: [{ ports: '23/23' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '22/22', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'another group of the instance drops 22 at the same priority',
    rules: [{ ports: '22/22' }],
    others: [group('sg-baseline', [{ ports: '22/22', action: 'drop' }])],
    expect: { group: 'at-risk', instance: 'passed' },
  },
  {
    name: 'system-priority Accept (110) still opens 22',
    rules: [{ ports: '22/22', priority: 110 }],
    expect: 'at-risk',
  },
  {
    name: 'a single address 203.0.113.5',
    rules: [{ ports: '22/22', source: '203.0.113.5' }],
    expect: 'passed',
  },
];

describe('exposed-ssh-22', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedSsh22, c)).toEqual(verdicts(c.expect));
  });

  it('explains a finding at both levels: the deciding rule, the instances, the public address', () => {
    const result = runOne(exposedSsh22, {
      groups: [group('sg-web', [{ id: 'sgr-ssh', ports: '22/22', source: '::/0' }])],
      instances: [instance('i-web', ['sg-web'], { publicIps: ['198.51.100.7'] })],
    });
    expect(findingOf(result, 'security-group', 'sg-web')).toMatchObject({
      status: 'at-risk',
      publicIps: [],
      instanceIds: ['i-web'],
      securityGroupIds: ['sg-web'],
      open: [{ protocol: 'tcp', from: 22, to: 22, families: ['ipv6'] }],
      accepts: [{ ruleId: 'sgr-ssh', source: '::/0', groupId: 'sg-web' }],
    });
    expect(findingOf(result, 'instance', 'i-web')).toMatchObject({
      status: 'at-risk',
      publicIps: ['198.51.100.7'],
      instanceIds: [],
      securityGroupIds: ['sg-web'],
      accepts: [{ ruleId: 'sgr-ssh' }],
    });
  });
});
