import { describe, expect, it } from 'vitest';
import { group } from '../../../../test/support/builders';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedOracle1521 } from './exposed-oracle-1521';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 1521 from 0.0.0.0/0', rules: [{ ports: '1521/1521' }], expect: 'at-risk' },
  {
    name: 'TCP 1521 from ::/0',
    rules: [{ ports: '1521/1521', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 1521', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 1521 from 10.0.0.0/8 only',
    rules: [{ ports: '1521/1521', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 1521', rules: [{ ports: '1521/1521', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 1521',
    rules: [{ ports: '1521/1521', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '1521/1521' }, { ports: '1521/1521', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 1522', rules: [{ ports: '1522/1522' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '1521/1521', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: '0.0.0.0/1 + 128.0.0.0/1 cover IPv4',
    rules: [
      { ports: '1521/1521', source: '0.0.0.0/1' },
      { ports: '1521/1521', source: '128.0.0.0/1' },
    ],
    expect: 'at-risk',
  },
  {
    name: '0.0.0.0/1 alone is half of IPv4',
    rules: [{ ports: '1521/1521', source: '0.0.0.0/1' }],
    expect: 'passed',
  },
  {
    name: 'halves in two groups expose only the instance',
    rules: [{ ports: '1521/1521', source: '0.0.0.0/1' }],
    others: [group('sg-b', [{ ports: '1521/1521', source: '128.0.0.0/1' }])],
    expect: { group: 'passed', instance: 'at-risk' },
  },
];

describe('exposed-oracle-1521', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedOracle1521, c)).toEqual(verdicts(c.expect));
  });
});
