/**
 * The factory and the shared finding assembly, against a stubbed exposure oracle: these pin down how
 * answers become findings, independently of how the engine computes the answers.
 */
import { describe, expect, it } from 'vitest';
import type {
  AuditTarget,
  CheckContext,
  ExposureQuery,
  GroupTarget,
  InstanceTarget,
  TargetExposure,
} from '../audit/context';
import type { RuleEvidence } from '../audit/result';
import type { EvidenceGap } from '../model';
import { group, instance } from '../../../test/support/builders';
import { definePortCheck, tcp } from './port-exposure';

const text = { title: 't', risk: 'r', suggestion: 's' };
const check = definePortCheck({
  id: 'exposed-test',
  risk: 'medium',
  ports: tcp(9200, 9300),
  text: { en: text, zh: text },
});

function evidence(ruleId: string, networkInterfaceId?: string): RuleEvidence {
  return {
    ruleId,
    groupId: 'sg-a',
    groupName: 'sg-a',
    priority: 1,
    action: 'accept',
    protocol: 'tcp',
    portRange: '9000/9400',
    source: '0.0.0.0/0',
    description: '',
    unresolved: null,
    ...(networkInterfaceId === undefined ? {} : { networkInterfaceId }),
  };
}

const closed: TargetExposure = {
  verdict: 'closed',
  open: [],
  accepts: [],
  partialDrops: [],
  unresolved: [],
};

function openOn(
  port: number,
  family: 'ipv4' | 'ipv6',
  ruleId: string,
  nic?: string,
): TargetExposure {
  return {
    verdict: 'open',
    open: [{ protocol: 'tcp', from: port, to: port, families: [family] }],
    accepts: [evidence(ruleId, nic)],
    partialDrops: [],
    unresolved: [],
  };
}

const groupTarget = (gaps: EvidenceGap[] = []): GroupTarget => ({
  level: 'security-group',
  group: group('sg-a', [], { name: 'web' }),
  instanceIds: ['i-1', 'i-2'],
  gaps,
});

const instanceTarget = (gaps: EvidenceGap[] = []): InstanceTarget => ({
  level: 'instance',
  instance: instance('i-1', ['sg-a', 'sg-b'], { name: 'es-01' }),
  interfaces: [
    { networkInterfaceId: null, securityGroupIds: ['sg-a', 'sg-b'] },
    { networkInterfaceId: 'eni-2', securityGroupIds: ['sg-b', 'sg-c'] },
  ],
  publicIps: ['198.51.100.7'],
  gaps,
});

/** A context whose oracle answers from a table keyed by object id and port. */
function stubContext(
  targets: AuditTarget[],
  answers: Record<string, TargetExposure>,
): CheckContext {
  const id = (target: AuditTarget) =>
    target.level === 'instance' ? target.instance.id : target.group.id;
  return {
    groups: targets.filter((t): t is GroupTarget => t.level === 'security-group'),
    instances: targets.filter((t): t is InstanceTarget => t.level === 'instance'),
    exposure: (target: AuditTarget, query: ExposureQuery) =>
      answers[`${id(target)}|${'port' in query ? query.port : 'all'}`] ?? closed,
  };
}

describe('definePortCheck', () => {
  it('refuses a check without ports or with a port outside 1–65535', () => {
    expect(() =>
      definePortCheck({ id: 'x', risk: 'low', ports: [], text: { en: text, zh: text } }),
    ).toThrow(/at least one/);
    for (const port of [0, 65536, 22.5]) {
      expect(() =>
        definePortCheck({ id: 'x', risk: 'low', ports: tcp(port), text: { en: text, zh: text } }),
      ).toThrow(/1–65535/);
    }
  });

  it('asks exactly the watched TCP ports', () => {
    const asked: ExposureQuery[] = [];
    check.evaluate({
      groups: [groupTarget()],
      instances: [],
      exposure: (_target, query) => {
        asked.push(query);
        return closed;
      },
    });
    expect(asked).toEqual([
      { protocol: 'tcp', port: 9200 },
      { protocol: 'tcp', port: 9300 },
    ]);
  });

  it('reports nothing for closed answers and no gaps', () => {
    expect(check.evaluate(stubContext([groupTarget(), instanceTarget()], {}))).toEqual([]);
  });
});

describe('findings from exposure answers', () => {
  it('is at risk when any watched port is open, with merged open ports and one entry per rule', () => {
    const [finding] = check.evaluate(
      stubContext([groupTarget()], {
        'sg-a|9200': openOn(9200, 'ipv4', 'r1'),
        'sg-a|9300': { ...openOn(9200, 'ipv6', 'r1'), unresolved: [evidence('r9')] },
      }),
    );
    expect(finding).toMatchObject({
      level: 'security-group',
      objectId: 'sg-a',
      objectName: 'web',
      regionId: 'cn-test',
      status: 'at-risk',
      publicIps: [],
      instanceIds: ['i-1', 'i-2'],
      securityGroupIds: ['sg-a'],
      gaps: [],
      open: [{ protocol: 'tcp', from: 9200, to: 9200, families: ['ipv4', 'ipv6'] }],
    });
    expect(finding?.accepts.map((rule) => rule.ruleId)).toEqual(['r1']);
    expect(finding?.unresolved.map((rule) => rule.ruleId)).toEqual(['r9']);
  });

  it('describes an instance by its public IPs and the distinct groups of all its interfaces', () => {
    const [finding] = check.evaluate(
      stubContext([instanceTarget()], {
        'i-1|9300': openOn(9300, 'ipv4', 'r1'),
        'i-1|9200': { ...openOn(9200, 'ipv4', 'r1', 'eni-2'), partialDrops: [evidence('d1')] },
      }),
    );
    expect(finding).toMatchObject({
      level: 'instance',
      objectId: 'i-1',
      objectName: 'es-01',
      status: 'at-risk',
      publicIps: ['198.51.100.7'],
      instanceIds: [],
      securityGroupIds: ['sg-a', 'sg-b', 'sg-c'],
    });
    // The same rule through two interfaces is two pieces of evidence.
    expect(finding?.accepts.map((rule) => [rule.ruleId, rule.networkInterfaceId])).toEqual([
      ['r1', 'eni-2'],
      ['r1', undefined],
    ]);
    expect(finding?.partialDrops.map((rule) => rule.ruleId)).toEqual(['d1']);
    expect(finding?.open.map((port) => port.from)).toEqual([9200, 9300]);
  });

  it('is incomplete when nothing is open but an answer is unresolved', () => {
    const unresolved: TargetExposure = {
      ...closed,
      verdict: 'unresolved',
      unresolved: [evidence('p1')],
    };
    const [finding] = check.evaluate(stubContext([groupTarget()], { 'sg-a|9300': unresolved }));
    expect(finding).toMatchObject({ status: 'incomplete', open: [] });
    expect(finding?.unresolved.map((rule) => rule.ruleId)).toEqual(['p1']);
  });

  it.each<[string, EvidenceGap]>([
    ['rules not imported', { kind: 'missing-rules', groupId: 'sg-a', referencedBy: ['i-1'] }],
    ['rules skipped', { kind: 'skipped-rules', groupId: 'sg-a', count: 2 }],
    [
      'more pages of rules',
      { kind: 'more-pages', collection: 'rules', file: 'sg-a.json', groupId: 'sg-a' },
    ],
  ])('is incomplete when nothing is open but %s', (_name, gap) => {
    const findings = check.evaluate(stubContext([groupTarget([gap]), instanceTarget([gap])], {}));
    expect(findings.map((f) => [f.objectId, f.status, f.gaps])).toEqual([
      ['sg-a', 'incomplete', [gap]],
      ['i-1', 'incomplete', [gap]],
    ]);
  });

  it('leaves gaps of the group and instance lists to the check result', () => {
    const gap: EvidenceGap = {
      kind: 'missing-pages',
      collection: 'instances',
      regionId: 'cn-test',
      expected: 20,
      present: 10,
    };
    expect(check.evaluate(stubContext([instanceTarget([gap])], {}))).toEqual([]);
  });

  it('stays at risk, carrying its gaps, when a port is open despite a gap', () => {
    const gap: EvidenceGap = { kind: 'skipped-rules', groupId: 'sg-a', count: 1 };
    const [finding] = check.evaluate(
      stubContext([groupTarget([gap])], { 'sg-a|9200': openOn(9200, 'ipv4', 'r1') }),
    );
    expect(finding).toMatchObject({ status: 'at-risk', gaps: [gap] });
  });
});
