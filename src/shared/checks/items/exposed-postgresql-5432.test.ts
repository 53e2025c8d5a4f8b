import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedPostgresql5432 } from './exposed-postgresql-5432';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 5432 from 0.0.0.0/0', rules: [{ ports: '5432/5432' }], expect: 'at-risk' },
  {
    name: 'TCP 5432 from ::/0',
    rules: [{ ports: '5432/5432', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 5432', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 5432 from 10.0.0.0/8 only',
    rules: [{ ports: '5432/5432', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 5432', rules: [{ ports: '5432/5432', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 5432',
    rules: [{ ports: '5432/5432', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '5432/5432' }, { ports: '5432/5432', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 5433', rules: [{ ports: '5433/5433' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '5432/5432', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'an IPv4 Drop leaves the ::/0 Accept open',
    rules: [
      { ports: '5432/5432', source: '::/0' },
      { ports: '5432/5432', action: 'drop' },
    ],
    expect: 'at-risk',
  },
];

describe('exposed-postgresql-5432', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedPostgresql5432, c)).toEqual(verdicts(c.expect));
  });
});
