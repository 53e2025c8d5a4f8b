import { describe, expect, it } from 'vitest';
import { group } from '../../../../test/support/builders';
import {
  findingOf,
  judge,
  runOne,
  verdicts,
  type CheckCase,
} from '../../../../test/support/check-cases';
import { exposedAllPorts } from './exposed-all-ports';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  {
    name: 'ALL -1/-1 from 0.0.0.0/0',
    rules: [{ protocol: 'all', ports: '-1/-1' }],
    expect: 'at-risk',
  },
  {
    name: 'ALL -1/-1 from ::/0',
    rules: [{ protocol: 'all', ports: '-1/-1', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  { name: 'UDP 1/65535', rules: [{ protocol: 'udp', ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 1/32767 + 32768/65535',
    rules: [{ ports: '1/32767' }, { ports: '32768/65535' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65534 leaves a port closed', rules: [{ ports: '1/65534' }], expect: 'passed' },
  { name: 'a single port (TCP 22)', rules: [{ ports: '22/22' }], expect: 'passed' },
  {
    name: 'ALL from 10.0.0.0/8 only',
    rules: [{ protocol: 'all', ports: '-1/-1', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'ICMP from everywhere', rules: [{ protocol: 'icmp' }], expect: 'passed' },
  { name: 'GRE from everywhere', rules: [{ protocol: 'gre' }], expect: 'passed' },
  {
    name: 'egress ALL',
    rules: [{ protocol: 'all', ports: '-1/-1', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop ALL at the same priority',
    rules: [
      { protocol: 'all', ports: '-1/-1' },
      { protocol: 'all', ports: '-1/-1', action: 'drop' },
    ],
    expect: 'passed',
  },
  {
    name: 'ALL with a Drop of TCP 22 still opens every UDP port',
    rules: [
      { protocol: 'all', ports: '-1/-1' },
      { ports: '22/22', action: 'drop' },
    ],
    expect: 'at-risk',
  },
  {
    name: 'another group of the instance drops ALL first',
    rules: [{ protocol: 'all', ports: '-1/-1', priority: 50 }],
    others: [
      group('sg-baseline', [
        { protocol: 'all', ports: '-1/-1', action: 'drop' },
        { protocol: 'all', ports: '-1/-1', action: 'drop', source: '::/0' },
      ]),
    ],
    expect: { group: 'at-risk', instance: 'passed' },
  },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'ALL from a prefix list',
    rules: [{ protocol: 'all', ports: '-1/-1', source: 'pl-office' }],
    expect: 'incomplete',
  },
];

describe('exposed-all-ports', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedAllPorts, c)).toEqual(verdicts(c.expect));
  });

  it('shows which protocol is wholly open', () => {
    const result = runOne(exposedAllPorts, {
      groups: [
        group('sg-a', [{ id: 'sgr-udp', protocol: 'udp', ports: '1/65535', source: '::/0' }]),
      ],
    });
    expect(findingOf(result, 'security-group', 'sg-a')).toMatchObject({
      status: 'at-risk',
      open: [{ protocol: 'udp', from: 1, to: 65535, families: ['ipv6'] }],
      accepts: [{ ruleId: 'sgr-udp' }],
    });
  });
});
