import { describe, expect, it } from 'vitest';
import { judge, verdicts, type CheckCase } from '../../../../test/support/check-cases';
import { exposedSplunk80898090 } from './exposed-splunk-8089-8090';

/** Group `sg-a` holds the rules; instance `i-a` is in `sg-a` (and in `others`). */
const cases: CheckCase[] = [
  { name: 'TCP 8089 from 0.0.0.0/0 alone', rules: [{ ports: '8089/8089' }], expect: 'at-risk' },
  {
    name: 'TCP 8089 from ::/0 alone',
    rules: [{ ports: '8089/8089', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'TCP 1/65535 covers 8089', rules: [{ ports: '1/65535' }], expect: 'at-risk' },
  { name: 'TCP 8090 from 0.0.0.0/0 alone', rules: [{ ports: '8090/8090' }], expect: 'at-risk' },
  {
    name: 'TCP 8090 from ::/0 alone',
    rules: [{ ports: '8090/8090', source: '::/0' }],
    expect: 'at-risk',
  },
  { name: 'a range around 8090 covers it', rules: [{ ports: '8089/8091' }], expect: 'at-risk' },
  {
    name: 'TCP 8089 and 8090 from 10.0.0.0/8 only',
    rules: [
      { ports: '8089/8089', source: '10.0.0.0/8' },
      { ports: '8090/8090', source: '10.0.0.0/8' },
    ],
    expect: 'passed',
  },
  {
    name: 'UDP 8089 and 8090',
    rules: [
      { ports: '8089/8089', protocol: 'udp' },
      { ports: '8090/8090', protocol: 'udp' },
    ],
    expect: 'passed',
  },
  {
    name: 'egress TCP 8089 and 8090',
    rules: [
      { ports: '8089/8089', direction: 'egress' },
      { ports: '8090/8090', direction: 'egress' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop at the same priority',
    rules: [
      { ports: '8089/8089' },
      { ports: '8090/8090' },
      { ports: '8089/8089', action: 'drop' },
      { ports: '8090/8090', action: 'drop' },
    ],
    expect: 'passed',
  },
  {
    name: 'Drop of 8089 only leaves 8090 open',
    rules: [{ ports: '8089/8089' }, { ports: '8090/8090' }, { ports: '8089/8089', action: 'drop' }],
    expect: 'at-risk',
  },
  { name: 'neighbour port 8091', rules: [{ ports: '8091/8091' }], expect: 'passed' },
  {
    name: 'rules not imported',
    rules: [],
    groupExtra: { rulesImported: false },
    expect: 'incomplete',
  },
  {
    name: 'prefix-list source',
    rules: [{ ports: '8089/8089', source: 'pl-office' }],
    expect: 'incomplete',
  },
  { name: 'TCP 8000/9400 covers both', rules: [{ ports: '8000/9400' }], expect: 'at-risk' },
  {
    name: 'neighbour port 8088 (YARN) is not Splunk',
    rules: [{ ports: '8088/8088' }],
    expect: 'passed',
  },
];

describe('exposed-splunk-8089-8090', () => {
  it.each(cases)('$name', (c) => {
    expect(judge(exposedSplunk80898090, c)).toEqual(verdicts(c.expect));
  });
});
