import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedSqlserver1433 } from './exposed-sqlserver-1433';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 1433 from 0.0.0.0/0', rules: [{ ports: '1433/1433' }], expect: 'at-risk' },
  {
    name: 'TCP 1433 from ::/0',
    rules: [{ ports: '1433/1433', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 1433', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 1433 from 10.0.0.0/8 only',
    rules: [{ ports: '1433/1433', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 1433', rules: [{ ports: '1433/1433', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 1433',
    rules: [{ ports: '1433/1433', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '1433/1433' }, { ports: '1433/1433', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 1434', rules: [{ ports: '1434/1434' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '1433/1433', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'protocol ALL opens 1433',
    rules: [{ protocol: 'all', ports: '-1/-1', source: '::/0' }],
    expect: 'at-risk',
  },
  {
    name: 'egress ALL opens nothing',
    rules: [{ protocol: 'all', ports: '-1/-1', direction: 'egress' }],
    expect: 'passed',
  },
];

describe('exposed-sqlserver-1433', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedSqlserver1433, c)).toEqual(verdicts(c.expect));
  });
});
