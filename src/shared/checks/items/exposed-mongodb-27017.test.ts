import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedMongodb27017 } from './exposed-mongodb-27017';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 27017 from 0.0.0.0/0', rules: [{ ports: '27017/27017' }], expect: 'at-risk' },
  {
    name: 'TCP 27017 from ::/0',
    rules: [{ ports: '27017/27017', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 27017', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  {
    name: 'TCP 27017 from 10.0.0.0/8 only',
    rules: [{ ports: '27017/27017', source: '10.0.0.0/8' }],
    expect: 'passed',
  },
  { name: 'UDP 27017', rules: [{ ports: '27017/27017', protocol: 'udp' }], expect: 'passed' },
  {
    name: 'egress TCP 27017',
    rules: [{ ports: '27017/27017', direction: 'egress' }],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [{ ports: '27017/27017' }, { ports: '27017/27017', action: 'drop' }],
    expect: 'passed',
  },
  { name: 'neighbour port 27018', rules: [{ ports: '27018/27018' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '27017/27017', source: 'pl-office' }],
    expect: 'incomplete',
  },
  {
    name: 'a security-group source is not the internet',
    rules: [{ ports: '27017/27017', source: 'sg-app' }],
    expect: 'passed',
  },
];

describe('exposed-mongodb-27017', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedMongodb27017, c)).toEqual(verdicts(c.expect));
  });
});
