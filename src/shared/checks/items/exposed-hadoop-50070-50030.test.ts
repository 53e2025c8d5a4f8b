import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedHadoop5007050030 } from './exposed-hadoop-50070-50030';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 50070 from 0.0.0.0/0 alone', rules: [{ ports: '50070/50070' }], expect: 'at-risk' },
  {
    name: 'TCP 50070 from ::/0 alone',
    rules: [{ ports: '50070/50070', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 50070', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  { name: 'TCP 50030 from 0.0.0.0/0 alone', rules: [{ ports: '50030/50030' }], expect: 'at-risk' },
  {
    name: 'TCP 50030 from ::/0 alone',
    rules: [{ ports: '50030/50030', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'a range around 50030 covers it', rules: [{ ports: '50029/50031' }], expect: 'at-risk' },
  {
    name: 'TCP 50070 and 50030 from 10.0.0.0/8 only',
    rules: [
      { ports: '50070/50070', source: '10.0.0.0/8' },
      { ports: '50030/50030', source: '10.0.0.0/8' },
    ],
    expect: 'passed',
  },
  {
    name: 'UDP 50070 and 50030',
    rules: [
      { ports: '50070/50070', protocol: 'udp' },
      { ports: '50030/50030', protocol: 'udp' },
    ],
    expect: 'passed',
  },
  {
    name: 'egress TCP 50070 and 50030',
    rules: [
      { ports: '50070/50070', direction: 'egress' },
      { ports: '50030/50030', direction: 'egress' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [
      { ports: '50070/50070' },
      { ports: '50030/50030' },
      { ports: '50070/50070', action: 'drop' },
      { ports: '50030/50030', action: 'drop' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop of 50070 only leaves 50030 open',
    rules: [
      { ports: '50070/50070' },
      { ports: '50030/50030' },
      { ports: '50070/50070', action: 'drop' },
    ],
    expect: 'at-risk',
  },
  { name: 'neighbour port 50071', rules: [{ ports: '50071/50071' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '50070/50070', source: 'pl-office' }],
    expect: 'incomplete',
  },
  { name: 'TCP 50030/50070 covers both', rules: [{ ports: '50030/50070' }], expect: 'at-risk' },
];

describe('exposed-hadoop-50070-50030', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedHadoop5007050030, c)).toEqual(verdicts(c.expect));
  });
});
