import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedElasticsearch92009300 } from './exposed-elasticsearch-9200-9300';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 9200 from 0.0.0.0/0 alone', rules: [{ ports: '9200/9200' }], expect: 'at-risk' },
  {
    name: 'TCP 9200 from ::/0 alone',
    rules: [{ ports: '9200/9200', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 9200', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  { name: 'TCP 9300 from 0.0.0.0/0 alone', rules: [{ ports: '9300/9300' }], expect: 'at-risk' },
  {
    name: 'TCP 9300 from ::/0 alone',
    rules: [{ ports: '9300/9300', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'a range around 9300 covers it', rules: [{ ports: '9299/9301' }], expect: 'at-risk' },
  {
    name: 'TCP 9200 and 9300 from 10.0.0.0/8 only',
    rules: [
      { ports: '9200/9200', source: '10.0.0.0/8' },
      { ports: '9300/9300', source: '10.0.0.0/8' },
    ],
    expect: 'passed',
  },
  {
    name: 'UDP 9200 and 9300',
    rules: [
      { ports: '9200/9200', protocol: 'udp' },
      { ports: '9300/9300', protocol: 'udp' },
    ],
    expect: 'passed',
  },
  {
    name: 'egress TCP 9200 and 9300',
    rules: [
      { ports: '9200/9200', direction: 'egress' },
      { ports: '9300/9300', direction: 'egress' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [
      { ports: '9200/9200' },
      { ports: '9300/9300' },
      { ports: '9200/9200', action: 'drop' },
      { ports: '9300/9300', action: 'drop' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop of 9200 only leaves 9300 open',
    rules: [{ ports: '9200/9200' }, { ports: '9300/9300' }, { ports: '9200/9200', action: 'drop' }],
    expect: 'at-risk',
  },
  { name: 'neighbour port 9201', rules: [{ ports: '9201/9201' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '9200/9200', source: 'pl-office' }],
    expect: 'incomplete',
  },
  { name: 'TCP 8000/9400 covers both', rules: [{ ports: '8000/9400' }], expect: 'at-risk' },
  {
    name: '9200 open, 9300 only to 10.0.0.0/8',
    rules: [{ ports: '9200/9200' }, { ports: '9300/9300', source: '10.0.0.0/8' }],
    expect: 'at-risk',
  },
];

describe('exposed-elasticsearch-9200-9300', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedElasticsearch92009300, c)).toEqual(verdicts(c.expect));
  });
});
