import { describe, expect, it } from 'vitest';
import { group } from '../../../../test/support/builders';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedRedis6379 } from './exposed-redis-6379';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 6379 from 0.0.0.0/0', rules: [{ ports: '6379/6379' }], expect: 'at-risk' },
  {
    name: 'TCP 6379 from ::/0',
    rules: [{ ports: '6379/6379', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 6379', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 6379 from 10.0.0.0/8 only',
    rules: [{ ports: '6379/6379', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 6379', rules: [{ ports: '6379/6379', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 6379',
    rules: [{ ports: '6379/6379', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '6379/6379' }, { ports: '6379/6379', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 6380', rules: [{ ports: '6380/6380' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '6379/6379', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'baseline drops both families before the ::/0 Accept',
    rules: [{ ports: '6379/6379', source: '::/0', priority: 5 }],
    others: [
      group('sg-baseline', [
        { ports: '6379/6379', action: 'drop' },
        { ports: '6379/6379', action: 'drop', source: '::/0' },
      ]),
    ],
    expect: { group: 'at-risk', instance: 'passed' },
  },
  {
    name: 'an IPv4-only baseline Drop leaves IPv6 open',
    rules: [{ ports: '6379/6379', source: '::/0', priority: 5 }],
    others: [group('sg-baseline', [{ ports: '6379/6379', action: 'drop' }])],
    expect: 'at-risk',
  },
];

describe('exposed-redis-6379', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedRedis6379, c)).toEqual(verdicts(c.expect));
  });
});
