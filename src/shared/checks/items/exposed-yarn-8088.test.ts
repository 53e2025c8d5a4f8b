import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedYarn8088 } from './exposed-yarn-8088';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 8088 from 0.0.0.0/0', rules: [{ ports: '8088/8088' }], expect: 'at-risk' },
  {
    name: 'TCP 8088 from ::/0',
    rules: [{ ports: '8088/8088', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 8088', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 8088 from 10.0.0.0/8 only',
    rules: [{ ports: '8088/8088', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 8088', rules: [{ ports: '8088/8088', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 8088',
    rules: [{ ports: '8088/8088', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '8088/8088' }, { ports: '8088/8088', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 8087', rules: [{ ports: '8087/8087' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '8088/8088', source: 'pl-office' }],
    expect: 'incomplete',
  },
  { name: 'TCP 8000/9400 covers 8088', rules: [{ ports: '8000/9400' }], expect: 'at-risk' },
  { name: 'GRE never opens a TCP port', rules: [{ protocol: 'gre' }], expect: 'passed' },
];

describe('exposed-yarn-8088', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedYarn8088, c)).toEqual(verdicts(c.expect));
  });
});
