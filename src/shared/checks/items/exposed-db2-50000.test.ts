import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedDb250000 } from './exposed-db2-50000';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 50000 from 0.0.0.0/0', rules: [{ ports: '50000/50000' }], expect: 'at-risk' },
  {
    name: 'TCP 50000 from ::/0',
    rules: [{ ports: '50000/50000', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 50000', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 50000 from 10.0.0.0/8 only',
    rules: [{ ports: '50000/50000', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 50000', rules: [{ ports: '50000/50000', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 50000',
    rules: [{ ports: '50000/50000', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '50000/50000' }, { ports: '50000/50000', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 50001', rules: [{ ports: '50001/50001' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '50000/50000', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'UDP 50000/50100 is not DB2',
    rules: [{ protocol: 'udp', ports: '50000/50100' }],
    expect: 'passed',
  },
  {
    name: 'protocol ALL opens 50000',
    rules: [{ protocol: 'all', ports: '-1/-1' }],
    expect: 'at-risk',
  },
];

describe('exposed-db2-50000', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedDb250000, c)).toEqual(verdicts(c.expect));
  });
});
