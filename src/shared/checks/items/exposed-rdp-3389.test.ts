import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedRdp3389 } from './exposed-rdp-3389';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 3389 from 0.0.0.0/0', rules: [{ ports: '3389/3389' }], expect: 'at-risk' },
  {
    name: 'TCP 3389 from ::/0',
    rules: [{ ports: '3389/3389', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 3389', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 3389 from 10.0.0.0/8 only',
    rules: [{ ports: '3389/3389', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 3389', rules: [{ ports: '3389/3389', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 3389',
    rules: [{ ports: '3389/3389', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '3389/3389' }, { ports: '3389/3389', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 3390', rules: [{ ports: '3390/3390' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '3389/3389', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'Drop with a smaller priority number closes it',
    rules: [
      { ports: '3389/3389', priority: 10 },
      { ports: '3389/3389', action: 'drop', priority: 1 },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop with a larger priority number does not',
    rules: [
      { ports: '3389/3389', priority: 10 },
      { ports: '3389/3389', action: 'drop', priority: 20 },
    ],
    expect: 'at-risk',
  },
  {
    name: 'Drop of part of the source leaves it open',
    rules: [
      { ports: '3389/3389', priority: 10 },
      { ports: '3389/3389', action: 'drop', source: '198.51.100.0/24' },
    ],
    expect: 'at-risk',
  },
];

describe('exposed-rdp-3389', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedRdp3389, c)).toEqual(verdicts(c.expect));
  });
});
