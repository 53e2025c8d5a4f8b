import { describe, expect, it } from 'vitest';
import { group, instance, networkInterface } from '../../../../test/support/builders';
import {
  findingOf,
  judge,
  outcomeOf,
  runOne,
  verdicts,
  type CheckCase,
} from '../../../../test/support/check-cases';
import { exposedSpark6066 } from './exposed-spark-6066';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 6066 from 0.0.0.0/0', rules: [{ ports: '6066/6066' }], expect: 'at-risk' },
  {
    name: 'TCP 6066 from ::/0',
    rules: [{ ports: '6066/6066', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 6066', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 6066 from 10.0.0.0/8 only',
    rules: [{ ports: '6066/6066', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 6066', rules: [{ ports: '6066/6066', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 6066',
    rules: [{ ports: '6066/6066', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '6066/6066' }, { ports: '6066/6066', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 6067', rules: [{ ports: '6067/6067' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '6066/6066', source: 'pl-office' }],
    expect: 'incomplete',
  },
  { name: 'ICMP opens no TCP port', rules: [{ protocol: 'icmp' }], expect: 'passed' },
];

describe('exposed-spark-6066', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedSpark6066, c)).toEqual(verdicts(c.expect));
  });

  it('judges a secondary interface with its own groups', () => {
    const result = runOne(exposedSpark6066, {
      groups: [group('sg-a'), group('sg-spark', [{ id: 'sgr-rest', ports: '6066/6066' }])],
      instances: [instance('i-a', ['sg-a'])],
      networkInterfaces: [networkInterface('eni-2', 'i-a', ['sg-spark'])],
    });
    expect(outcomeOf(result, 'security-group', 'sg-a')).toBe('passed');
    expect(findingOf(result, 'instance', 'i-a')).toMatchObject({
      status: 'at-risk',
      securityGroupIds: ['sg-a', 'sg-spark'],
      accepts: [{ ruleId: 'sgr-rest', networkInterfaceId: 'eni-2' }],
    });
  });
});
