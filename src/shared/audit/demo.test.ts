/**
 * samples/alibaba-demo/EXPECTED.md through the engine, with the demo's groups and instances written
 * out as builders (the importer is tested on the JSON itself). Check items are stand-ins with the
 * catalogue's ports.
 */
import { describe, expect, it } from 'vitest';
import { group, instance, snapshot } from '../../../test/support/builders';
import { queriesCheck, tcpCheck } from '../../../test/support/port-check';
import type { CheckDefinition, CheckFinding } from '../checks/types';
import { buildCheckContext } from './build-context';
import type { AuditTarget } from './context';
import { runChecks } from './run-checks';

const demo = snapshot({
  groups: [
    group(
      'sg-uf6demobaseline0006',
      [
        { action: 'drop', priority: 1, ports: '22/22' },
        { action: 'drop', priority: 1, ports: '3389/3389' },
        { action: 'drop', priority: 1, ports: '6379/6379' },
        { action: 'drop', priority: 1, ports: '6379/6379', source: '::/0' },
      ],
      { name: 'baseline' },
    ),
    group(
      'sg-uf6demobastion00002',
      [
        { priority: 1, ports: '22/22', source: '198.51.100.0/24' },
        { priority: 10, ports: '3389/3389' },
        { action: 'drop', priority: 1, ports: '3389/3389' },
      ],
      { name: 'bastion' },
    ),
    group(
      'sg-uf6demobigdata00004',
      [
        { priority: 20, ports: '8000/9400' },
        { priority: 1, protocol: 'udp', ports: '50000/50100' },
        { priority: 1, ports: '6066/6066', source: '172.16.0.0/12' },
      ],
      { name: 'bigdata' },
    ),
    group(
      'sg-uf6demodb0000000003',
      [
        { priority: 50, ports: '3306/3306' },
        { action: 'drop', priority: 60, ports: '3306/3306' },
        { priority: 1, ports: '5432/5432', source: '10.0.0.0/8' },
        { priority: 5, ports: '6379/6379', source: '::/0' },
      ],
      { name: 'db' },
    ),
    group(
      'sg-uf6demoes0000000009',
      [
        { priority: 1, ports: '9200/9200' },
        { priority: 1, ports: '9300/9300', source: '10.0.0.0/8' },
      ],
      { name: 'search', type: 'enterprise' },
    ),
    group(
      'sg-uf6demointernal0007',
      [
        { priority: 1, protocol: 'all', ports: '-1/-1', source: 'sg-uf6demoweb000000001' },
        { priority: 1, ports: '27017/27017', source: 'sg-uf6demodb0000000003' },
      ],
      { name: 'internal' },
    ),
    group('sg-uf6demolegacy000005', [{ priority: 100, protocol: 'all', ports: '-1/-1' }], {
      name: 'legacy',
    }),
    group(
      'sg-uf6demooracle000008',
      [
        { priority: 1, ports: '1521/1521', source: '0.0.0.0/1' },
        { priority: 1, ports: '1521/1521', source: '128.0.0.0/1' },
      ],
      { name: 'oracle' },
    ),
    group(
      'sg-uf6demoweb000000001',
      [
        { priority: 1, ports: '22/22' },
        { priority: 1, ports: '80/80' },
        { priority: 1, ports: '443/443' },
        { priority: 100, protocol: 'icmp', ports: '-1/-1' },
        { direction: 'egress', priority: 1, protocol: 'all', ports: '-1/-1' },
      ],
      { name: 'web' },
    ),
  ],
  instances: [
    instance('i-uf6demoweb01', ['sg-uf6demoweb000000001'], {
      name: 'web-01',
      publicIps: ['203.0.113.21'],
    }),
    instance('i-uf6demoweb02', ['sg-uf6demoweb000000001', 'sg-uf6demobaseline0006'], {
      name: 'web-02',
      publicIps: ['203.0.113.22'],
    }),
    instance('i-uf6demojump01', ['sg-uf6demobastion00002'], {
      name: 'jump-01',
      publicIps: ['203.0.113.30'],
    }),
    instance('i-uf6demodb01', ['sg-uf6demodb0000000003'], { name: 'mysql-01' }),
    instance(
      'i-uf6demodb02',
      [
        'sg-uf6demodb0000000003',
        'sg-uf6demointernal0007',
        'sg-uf6demobaseline0006',
        'sg-uf6demoweb000000001',
      ],
      { name: 'mysql-02' },
    ),
    instance('i-uf6demohadoop1', ['sg-uf6demobigdata00004'], {
      name: 'hadoop-01',
      publicIps: ['203.0.113.40'],
    }),
    instance('i-uf6demolegacy1', ['sg-uf6demolegacy000005'], { name: 'legacy-erp' }),
    instance('i-uf6demoes01', ['sg-uf6demoes0000000009'], {
      name: 'es-01',
      publicIps: ['203.0.113.50'],
    }),
    instance('i-uf6demoora01', ['sg-uf6demooracle000008', 'sg-uf6demointernal0007'], {
      name: 'oracle-01',
    }),
  ],
});

const excessiveGroups: CheckDefinition = {
  ...tcpCheck('excessive-security-groups', []),
  risk: 'low',
  evaluate: (context) =>
    context.instances
      .filter((target) => new Set(target.instance.securityGroupIds).size >= 3)
      .map((target): CheckFinding => ({
        level: 'instance',
        objectId: target.instance.id,
        objectName: target.instance.name,
        regionId: target.instance.regionId,
        status: 'at-risk',
        publicIps: target.publicIps,
        open: [],
        accepts: [],
        partialDrops: [],
        unresolved: [],
        instanceIds: [],
        securityGroupIds: target.instance.securityGroupIds,
        gaps: [],
      })),
};

const catalogue: CheckDefinition[] = [
  tcpCheck('exposed-ssh-22', [22]),
  tcpCheck('exposed-rdp-3389', [3389]),
  tcpCheck('exposed-db2-50000', [50000]),
  excessiveGroups,
  tcpCheck('exposed-elasticsearch-9200-9300', [9200, 9300]),
  tcpCheck('exposed-yarn-8088', [8088]),
  tcpCheck('exposed-hadoop-50070-50030', [50070, 50030]),
  tcpCheck('exposed-mongodb-27017', [27017]),
  tcpCheck('exposed-mysql-3306', [3306]),
  tcpCheck('exposed-oracle-1521', [1521]),
  tcpCheck('exposed-postgresql-5432', [5432]),
  tcpCheck('exposed-redis-6379', [6379]),
  tcpCheck('exposed-sqlserver-1433', [1433]),
  tcpCheck('exposed-spark-6066', [6066]),
  tcpCheck('exposed-splunk-8089-8090', [8089, 8090]),
  queriesCheck(
    'exposed-all-ports',
    [
      { protocol: 'tcp', allPorts: true },
      { protocol: 'udp', allPorts: true },
    ],
    'high',
  ),
];

/** EXPECTED.md's table, by group and instance names. */
const expected: Record<string, [groups: string[], instances: string[]]> = {
  'exposed-ssh-22': [
    ['legacy', 'web'],
    ['legacy-erp', 'web-01'],
  ],
  'exposed-rdp-3389': [['legacy'], ['legacy-erp']],
  'exposed-db2-50000': [['legacy'], ['legacy-erp']],
  'exposed-elasticsearch-9200-9300': [
    ['bigdata', 'legacy', 'search'],
    ['es-01', 'hadoop-01', 'legacy-erp'],
  ],
  'exposed-yarn-8088': [
    ['bigdata', 'legacy'],
    ['hadoop-01', 'legacy-erp'],
  ],
  'exposed-hadoop-50070-50030': [['legacy'], ['legacy-erp']],
  'exposed-mongodb-27017': [['legacy'], ['legacy-erp']],
  'exposed-mysql-3306': [
    ['db', 'legacy'],
    ['legacy-erp', 'mysql-01', 'mysql-02'],
  ],
  'exposed-oracle-1521': [
    ['legacy', 'oracle'],
    ['legacy-erp', 'oracle-01'],
  ],
  'exposed-postgresql-5432': [['legacy'], ['legacy-erp']],
  'exposed-redis-6379': [
    ['db', 'legacy'],
    ['legacy-erp', 'mysql-01'],
  ],
  'exposed-sqlserver-1433': [['legacy'], ['legacy-erp']],
  'exposed-spark-6066': [['legacy'], ['legacy-erp']],
  'exposed-splunk-8089-8090': [
    ['bigdata', 'legacy'],
    ['hadoop-01', 'legacy-erp'],
  ],
  'exposed-all-ports': [['legacy'], ['legacy-erp']],
  'excessive-security-groups': [[], ['mysql-02']],
};

describe('the demo export gives EXPECTED.md', () => {
  const result = runChecks(demo, catalogue);
  const groupName = new Map(demo.groups.map((item) => [item.id, item.name]));
  const instanceName = new Map(demo.instances.map((item) => [item.id, item.name]));

  it.each(Object.entries(expected))('%s', (id, [groups, instances]) => {
    const check = result.checks.find((candidate) => candidate.id === id);
    expect(check?.securityGroups.map((groupId) => groupName.get(groupId)).sort()).toEqual(groups);
    expect(check?.instances.map((instanceId) => instanceName.get(instanceId)).sort()).toEqual(
      instances,
    );
    expect(check?.status).toBe('at-risk');
  });

  it('lists instances with a public address first (web-01 before legacy-erp)', () => {
    expect(result.checks[0]?.instances).toEqual(['i-uf6demoweb01', 'i-uf6demolegacy1']);
  });
});

describe('the demo explains why some are not flagged', () => {
  const context = buildCheckContext(demo);
  const target = (id: string): AuditTarget =>
    [...context.groups, ...context.instances].find((item) =>
      item.level === 'security-group' ? item.group.id === id : item.instance.id === id,
    ) as AuditTarget;
  const why = (id: string, port: number): string[] =>
    (context.exposure(target(id), { protocol: 'tcp', port }).cancelled ?? []).map(
      (entry) =>
        `${entry.accept.groupName}:${entry.accept.priority} <- ${entry.by.map((drop) => `${drop.groupName}:${drop.priority}`).join(',')}`,
    );

  it('web-02: baseline’s Drop at the same priority closes web’s SSH Accept', () => {
    expect(why('i-uf6demoweb02', 22)).toEqual(['web:1 <- baseline:1']);
  });

  it('mysql-02: baseline drops Redis for IPv4 and IPv6 before db’s ::/0 Accept', () => {
    expect(why('i-uf6demodb02', 6379)).toEqual(['db:5 <- baseline:1']);
  });

  it('bastion: its own Drop at priority 1 cancels the RDP Accept at 10', () => {
    expect(why('sg-uf6demobastion00002', 3389)).toEqual(['bastion:10 <- bastion:1']);
  });
});
