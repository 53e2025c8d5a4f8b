import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedMysql3306 } from './exposed-mysql-3306';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 3306 from 0.0.0.0/0', rules: [{ ports: '3306/3306' }], expect: 'at-risk' },
  {
    name: 'TCP 3306 from ::/0',
    rules: [{ ports: '3306/3306', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 3306', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 3306 from 10.0.0.0/8 only',
    rules: [{ ports: '3306/3306', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 3306', rules: [{ ports: '3306/3306', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 3306',
    rules: [{ ports: '3306/3306', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '3306/3306' }, { ports: '3306/3306', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 3307', rules: [{ ports: '3307/3307' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '3306/3306', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'Drop at priority 60 is weaker than Accept at 50',
    rules: [
      { ports: '3306/3306', priority: 50 },
      { ports: '3306/3306', action: 'drop', priority: 60 },
    ],
    expect: 'at-risk',
  },
];

describe('exposed-mysql-3306', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedMysql3306, c)).toEqual(verdicts(c.expect));
  });
});
