import { describe, expect, it } from 'vitest';
import {
  group,
  instance,
  networkInterface,
  snapshot,
  type RuleSpec,
} from '../../../test/support/builders';
import type { EvidenceGap, Snapshot } from '../model';
import { buildCheckContext } from './build-context';
import type {
  CheckContext,
  ExposureQuery,
  GroupTarget,
  InstanceTarget,
  TargetExposure,
} from './context';

const ssh = { protocol: 'tcp', port: 22 } as const;

const web = group('sg-web', [{ id: 'web-ssh', priority: 1 }], { name: 'web-公网入口' });
const baseline = group('sg-baseline', [{ id: 'base-drop-ssh', action: 'drop', priority: 1 }], {
  name: 'baseline',
});

function groupTarget(context: CheckContext, id: string): GroupTarget {
  const target = context.groups.find((candidate) => candidate.group.id === id);
  if (target === undefined) throw new Error(`no group ${id}`);
  return target;
}

function instanceTarget(context: CheckContext, id: string): InstanceTarget {
  const target = context.instances.find((candidate) => candidate.instance.id === id);
  if (target === undefined) throw new Error(`no instance ${id}`);
  return target;
}

function judgeInstance(
  parts: Partial<Snapshot>,
  id: string,
  query: ExposureQuery = ssh,
): TargetExposure {
  const context = buildCheckContext(snapshot(parts));
  return context.exposure(instanceTarget(context, id), query);
}

const ruleIds = (answer: TargetExposure): string[] =>
  answer.accepts.map((evidence) => evidence.ruleId);

describe('targets', () => {
  it('lists the instances using each group through any interface', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web, baseline],
        instances: [instance('i-b', ['sg-web']), instance('i-a', ['sg-baseline'])],
        networkInterfaces: [networkInterface('eni-1', 'i-a', ['sg-web'])],
      }),
    );
    expect(groupTarget(context, 'sg-web').instanceIds).toEqual(['i-a', 'i-b']);
    expect(groupTarget(context, 'sg-baseline').instanceIds).toEqual(['i-a']);
  });

  it('gives an instance its primary interface and each secondary interface', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web, baseline],
        instances: [
          instance('i-a', ['sg-web', 'sg-baseline', 'sg-web'], { publicIps: ['203.0.113.1'] }),
        ],
        networkInterfaces: [
          networkInterface('eni-2', 'i-a', ['sg-web'], { publicIp: '203.0.113.2' }),
          networkInterface('eni-2', 'i-a', ['sg-web']),
          networkInterface('eni-other', 'i-other', ['sg-web']),
        ],
      }),
    );
    const target = instanceTarget(context, 'i-a');
    expect(target.interfaces).toEqual([
      { networkInterfaceId: null, securityGroupIds: ['sg-web', 'sg-baseline'] },
      { networkInterfaceId: 'eni-2', securityGroupIds: ['sg-web'] },
    ]);
    expect(target.publicIps).toEqual(['203.0.113.1', '203.0.113.2']);
  });

  it('a primary ENI with the same groups adds only its public IP', () => {
    const target = instanceTarget(
      buildCheckContext(
        snapshot({
          groups: [web, baseline],
          instances: [instance('i-a', ['sg-web', 'sg-baseline'])],
          networkInterfaces: [
            networkInterface('eni-p', 'i-a', ['sg-baseline', 'sg-web'], {
              type: 'primary',
              publicIp: '198.51.100.9',
            }),
          ],
        }),
      ),
      'i-a',
    );
    expect(target.interfaces).toEqual([
      { networkInterfaceId: null, securityGroupIds: ['sg-web', 'sg-baseline'] },
    ]);
    expect(target.publicIps).toEqual(['198.51.100.9']);
  });

  it('a primary ENI whose groups differ from the instance is judged too, under its own id', () => {
    const parts = {
      groups: [web, baseline],
      instances: [instance('i-a', ['sg-web', 'sg-baseline'])],
      networkInterfaces: [
        networkInterface('eni-p', 'i-a', ['sg-web'], { type: 'primary' as const }),
      ],
    };
    const context = buildCheckContext(snapshot(parts));
    expect(instanceTarget(context, 'i-a').interfaces).toEqual([
      { networkInterfaceId: null, securityGroupIds: ['sg-web', 'sg-baseline'] },
      { networkInterfaceId: 'eni-p', securityGroupIds: ['sg-web'] },
    ]);
    const answer = judgeInstance(parts, 'i-a');
    expect(answer.verdict).toBe('open');
    expect(answer.accepts.map((evidence) => evidence.networkInterfaceId)).toEqual(['eni-p']);
  });
});

describe('evidence gaps', () => {
  const skipped: EvidenceGap = { kind: 'skipped-rules', groupId: 'sg-web', count: 2 };
  const rulePages: EvidenceGap = {
    kind: 'more-pages',
    collection: 'rules',
    file: 'web.json',
    groupId: 'sg-web',
  };
  const instancePages: EvidenceGap = {
    kind: 'missing-pages',
    collection: 'instances',
    regionId: 'cn-test',
    expected: 10,
    present: 5,
  };
  const nicPages: EvidenceGap = {
    kind: 'missing-pages',
    collection: 'network-interfaces',
    regionId: 'cn-test',
    expected: 10,
    present: 5,
  };

  it('attaches group gaps to the group and to every instance using it, not check-level gaps', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web, baseline],
        instances: [instance('i-a', ['sg-web']), instance('i-b', ['sg-baseline'])],
        gaps: [skipped, rulePages, instancePages],
      }),
    );
    expect(groupTarget(context, 'sg-web').gaps).toEqual([skipped, rulePages]);
    expect(groupTarget(context, 'sg-baseline').gaps).toEqual([]);
    expect(instanceTarget(context, 'i-a').gaps).toEqual([skipped, rulePages]);
    expect(instanceTarget(context, 'i-b').gaps).toEqual([]);
  });

  it('a group whose rules were not imported has a missing-rules gap, and so do its instances', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [group('sg-x', [], { rulesImported: false }), web],
        instances: [instance('i-a', ['sg-web', 'sg-x'])],
      }),
    );
    const gap = { kind: 'missing-rules', groupId: 'sg-x', referencedBy: ['i-a'] };
    expect(groupTarget(context, 'sg-x').gaps).toEqual([gap]);
    expect(instanceTarget(context, 'i-a').gaps).toEqual([gap]);
  });

  it('uses the importer’s missing-rules gap rather than adding a second one', () => {
    const known: EvidenceGap = { kind: 'missing-rules', groupId: 'sg-gone', referencedBy: ['i-a'] };
    const context = buildCheckContext(
      snapshot({
        groups: [web],
        instances: [instance('i-a', ['sg-web', 'sg-gone'])],
        gaps: [known],
      }),
    );
    expect(instanceTarget(context, 'i-a').gaps).toEqual([known]);
  });

  it('an instance naming a group absent from the export is incomplete, and still judged on the rest', () => {
    const parts = { groups: [web], instances: [instance('i-a', ['sg-web', 'sg-gone'])] };
    const context = buildCheckContext(snapshot(parts));
    expect(instanceTarget(context, 'i-a').gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-gone', referencedBy: ['i-a'] },
    ]);
    expect(judgeInstance(parts, 'i-a').verdict).toBe('open');
  });

  it('missing pages of network interfaces bear on every instance of the region', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web],
        instances: [
          instance('i-a', ['sg-web']),
          instance('i-b', ['sg-web'], { regionId: 'cn-other' }),
        ],
        gaps: [nicPages],
      }),
    );
    expect(instanceTarget(context, 'i-a').gaps).toEqual([nicPages]);
    expect(instanceTarget(context, 'i-b').gaps).toEqual([]);
    expect(groupTarget(context, 'sg-web').gaps).toEqual([]);
  });
});

describe('7. two levels: a group alone, an instance on the merged rules of its groups', () => {
  it('a group at risk while its instance is closed by another group’s Drop (web-02)', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web, baseline],
        instances: [instance('i-web02', ['sg-web', 'sg-baseline'])],
      }),
    );
    expect(context.exposure(groupTarget(context, 'sg-web'), ssh).verdict).toBe('open');
    const answer = context.exposure(instanceTarget(context, 'i-web02'), ssh);
    expect(answer.verdict).toBe('closed');
    expect(answer.cancelled).toEqual([
      {
        accept: expect.objectContaining({
          ruleId: 'web-ssh',
          groupId: 'sg-web',
          groupName: 'web-公网入口',
        }),
        by: [
          expect.objectContaining({
            ruleId: 'base-drop-ssh',
            groupId: 'sg-baseline',
            groupName: 'baseline',
          }),
        ],
      },
    ]);
  });

  it('an instance exposed by two groups neither of which is at risk alone', () => {
    const low = group('sg-low', [{ id: 'low', source: '0.0.0.0/1' }]);
    const high = group('sg-high', [{ id: 'high', source: '128.0.0.0/1' }]);
    const context = buildCheckContext(
      snapshot({ groups: [low, high], instances: [instance('i-a', ['sg-low', 'sg-high'])] }),
    );
    expect(context.exposure(groupTarget(context, 'sg-low'), ssh).verdict).toBe('closed');
    expect(context.exposure(groupTarget(context, 'sg-high'), ssh).verdict).toBe('closed');
    const answer = context.exposure(instanceTarget(context, 'i-a'), ssh);
    expect(answer.verdict).toBe('open');
    expect(answer.accepts.map((evidence) => [evidence.ruleId, evidence.groupId])).toEqual([
      ['high', 'sg-high'],
      ['low', 'sg-low'],
    ]);
  });

  it('describes each rule as exported', () => {
    const rules: RuleSpec[] = [
      { id: 'r', priority: 7, ports: '8000/9400', source: '::/0', description: 'temp' },
    ];
    const answer = judgeInstance(
      { groups: [group('sg-a', rules, { name: 'alpha' })], instances: [instance('i-a', ['sg-a'])] },
      'i-a',
      {
        protocol: 'tcp',
        port: 8088,
      },
    );
    expect(answer.accepts).toEqual([
      {
        ruleId: 'r',
        groupId: 'sg-a',
        groupName: 'alpha',
        priority: 7,
        action: 'accept',
        protocol: 'tcp',
        portRange: '8000/9400',
        source: '::/0',
        description: 'temp',
        unresolved: null,
      },
    ]);
    expect(answer.open).toEqual([{ protocol: 'tcp', from: 8088, to: 8088, families: ['ipv6'] }]);
  });

  it('a prefix-list Accept in one group makes the instance unresolved, naming the rule', () => {
    const office = group('sg-office', [{ id: 'pl-rule', source: 'pl-office' }]);
    const answer = judgeInstance(
      { groups: [office, baseline], instances: [instance('i-a', ['sg-office'])] },
      'i-a',
    );
    expect(answer.verdict).toBe('unresolved');
    expect(answer.unresolved).toEqual([
      expect.objectContaining({
        ruleId: 'pl-rule',
        source: 'pl-office',
        unresolved: 'prefix-list',
      }),
    ]);
  });
});

describe('secondary network interfaces are judged separately', () => {
  it('an exposure through a secondary interface is reported with the interface id', () => {
    const answer = judgeInstance(
      {
        groups: [web, baseline],
        instances: [instance('i-a', ['sg-web', 'sg-baseline'])],
        networkInterfaces: [networkInterface('eni-2', 'i-a', ['sg-web'])],
      },
      'i-a',
    );
    expect(answer.verdict).toBe('open');
    expect(answer.accepts).toEqual([
      expect.objectContaining({ ruleId: 'web-ssh', networkInterfaceId: 'eni-2' }),
    ]);
    // The primary interface is closed; its cancelled Accept is still explained.
    expect(answer.cancelled?.map((entry) => entry.accept.networkInterfaceId)).toEqual([undefined]);
  });

  it('a Drop on a secondary interface does not close the primary one', () => {
    const answer = judgeInstance(
      {
        groups: [web, baseline],
        instances: [instance('i-a', ['sg-web'])],
        networkInterfaces: [networkInterface('eni-2', 'i-a', ['sg-baseline'])],
      },
      'i-a',
    );
    expect(answer.verdict).toBe('open');
    expect(ruleIds(answer)).toEqual(['web-ssh']);
    expect(answer.accepts[0]?.networkInterfaceId).toBeUndefined();
  });

  it('an instance open on both interfaces lists the rule once per interface', () => {
    const answer = judgeInstance(
      {
        groups: [web],
        instances: [instance('i-a', ['sg-web'])],
        networkInterfaces: [networkInterface('eni-2', 'i-a', ['sg-web'])],
      },
      'i-a',
    );
    expect(answer.accepts.map((evidence) => evidence.networkInterfaceId)).toEqual([
      undefined,
      'eni-2',
    ]);
    expect(answer.open).toEqual([{ protocol: 'tcp', from: 22, to: 22, families: ['ipv4'] }]);
  });
});

describe('memoisation', () => {
  it('instances with the same set of groups, in any order, share one answer', () => {
    const context = buildCheckContext(
      snapshot({
        groups: [web, baseline],
        instances: [
          instance('i-a', ['sg-web', 'sg-baseline']),
          instance('i-b', ['sg-baseline', 'sg-web']),
        ],
      }),
    );
    const first = context.exposure(instanceTarget(context, 'i-a'), ssh);
    expect(context.exposure(instanceTarget(context, 'i-b'), ssh)).toBe(first);
    expect(context.exposure(instanceTarget(context, 'i-b'), { protocol: 'tcp', port: 22 })).toBe(
      first,
    );
  });

  it('a group and an instance in that group alone share one answer', () => {
    const context = buildCheckContext(
      snapshot({ groups: [web], instances: [instance('i-a', ['sg-web'])] }),
    );
    expect(context.exposure(instanceTarget(context, 'i-a'), ssh)).toBe(
      context.exposure(groupTarget(context, 'sg-web'), ssh),
    );
  });
});
