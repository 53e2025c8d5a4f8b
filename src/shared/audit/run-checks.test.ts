import { describe, expect, it, vi } from 'vitest';
import { group, instance, snapshot } from '../../../test/support/builders';
import { queriesCheck, tcpCheck } from '../../../test/support/port-check';
import type { EvidenceGap, Snapshot } from '../model';
import type { CheckResult } from './result';
import { runChecks, withDisabledChecks } from './run-checks';

const ssh = tcpCheck('exposed-ssh-22', [22]);
const redis = tcpCheck('exposed-redis-6379', [6379]);

function demoLike(extra: Partial<Snapshot> = {}): Snapshot {
  return snapshot({
    groups: [
      group('sg-web', [{ id: 'web-ssh' }]),
      group('sg-open', [{ id: 'open-ssh' }]),
      group('sg-baseline', [{ action: 'drop' }]),
    ],
    instances: [
      instance('i-c', ['sg-web'], { publicIps: ['203.0.113.3'] }),
      instance('i-a', ['sg-web']),
      instance('i-b', ['sg-open'], { publicIps: ['203.0.113.2'] }),
      instance('i-d', ['sg-web', 'sg-baseline'], { publicIps: ['203.0.113.4'] }),
    ],
    ...extra,
  });
}

function only(result: ReturnType<typeof runChecks>, id: string): CheckResult {
  const check = result.checks.find((candidate) => candidate.id === id);
  if (check === undefined) throw new Error(`no check ${id}`);
  return check;
}

describe('runChecks', () => {
  it('runs every check in order and fills the result', () => {
    const result = runChecks(demoLike(), [ssh, redis], { catalogueVersion: '2026.1' });
    expect(result.catalogueVersion).toBe('2026.1');
    expect(
      result.checks.map((check) => [check.id, check.risk, check.enabled, check.status]),
    ).toEqual([
      ['exposed-ssh-22', 'medium', true, 'at-risk'],
      ['exposed-redis-6379', 'medium', true, 'passed'],
    ]);
  });

  it('keys findings by check, level and object', () => {
    const check = only(runChecks(demoLike(), [ssh]), 'exposed-ssh-22');
    expect(check.findings.map((finding) => finding.key)).toContain(
      'exposed-ssh-22|security-group|sg-web',
    );
    expect(check.findings.map((finding) => finding.key)).toContain('exposed-ssh-22|instance|i-a');
    expect(check.findings.every((finding) => finding.checkId === 'exposed-ssh-22')).toBe(true);
  });

  it('lists at-risk groups sorted, and at-risk instances public-IP first then by id', () => {
    const check = only(runChecks(demoLike(), [ssh]), 'exposed-ssh-22');
    expect(check.securityGroups).toEqual(['sg-open', 'sg-web']);
    expect(check.instances).toEqual(['i-b', 'i-c', 'i-a']);
  });

  it('sorts findings: at risk before incomplete, public addresses first, then by id', () => {
    const parts = demoLike();
    parts.groups.push(group('sg-x', [], { rulesImported: false }));
    parts.instances.push(instance('i-0', ['sg-x'], { publicIps: ['198.51.100.1'] }));
    const check = only(runChecks(parts, [ssh]), 'exposed-ssh-22');
    expect(check.findings.map((finding) => `${finding.status} ${finding.objectId}`)).toEqual([
      'at-risk i-b',
      'at-risk i-c',
      'at-risk i-a',
      'at-risk sg-open',
      'at-risk sg-web',
      'incomplete i-0',
      'incomplete sg-x',
    ]);
  });

  it('is incomplete, not passed, when only incomplete findings exist', () => {
    const parts = snapshot({
      groups: [group('sg-x', [], { rulesImported: false })],
      instances: [instance('i-a', ['sg-x'])],
    });
    expect(only(runChecks(parts, [ssh]), 'exposed-ssh-22').status).toBe('incomplete');
  });

  it('is incomplete when pages of instances, groups or interfaces are missing, whatever the check', () => {
    const pages: EvidenceGap = {
      kind: 'missing-pages',
      collection: 'instances',
      regionId: 'cn-test',
      expected: 200,
      present: 100,
    };
    const unread: EvidenceGap = {
      kind: 'more-pages',
      collection: 'security-groups',
      file: 'groups.json',
    };
    const result = runChecks(demoLike({ gaps: [pages, unread] }), [ssh, redis]);
    expect(only(result, 'exposed-ssh-22')).toMatchObject({
      status: 'at-risk',
      gaps: [pages, unread],
    });
    expect(only(result, 'exposed-redis-6379')).toMatchObject({
      status: 'incomplete',
      gaps: [pages, unread],
    });
  });

  it('leaves gaps about one group to that group’s findings', () => {
    const groupGap: EvidenceGap = {
      kind: 'more-pages',
      collection: 'rules',
      file: 'web.json',
      groupId: 'sg-web',
    };
    const skipped: EvidenceGap = { kind: 'skipped-rules', groupId: 'sg-web', count: 1 };
    const check = only(runChecks(demoLike({ gaps: [groupGap, skipped] }), [ssh]), 'exposed-ssh-22');
    expect(check.gaps).toEqual([]);
  });

  it('passes when nothing is open and no evidence is missing', () => {
    expect(
      only(
        runChecks(snapshot({ groups: [group('sg-a', [{ source: '10.0.0.0/8' }])] }), [ssh]),
        'exposed-ssh-22',
      ).status,
    ).toBe('passed');
  });

  it('reports progress after each check', () => {
    const onProgress = vi.fn();
    runChecks(
      demoLike(),
      [
        ssh,
        redis,
        queriesCheck('exposed-all-ports', [{ protocol: 'tcp', allPorts: true }], 'high'),
      ],
      { onProgress },
    );
    expect(onProgress.mock.calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});

describe('withDisabledChecks', () => {
  it('shows disabled checks as disabled and empty, without touching the full result', () => {
    const full = runChecks(demoLike(), [ssh, redis]);
    const before = JSON.stringify(full);
    const view = withDisabledChecks(full, ['exposed-ssh-22']);
    expect(only(view, 'exposed-ssh-22')).toEqual({
      id: 'exposed-ssh-22',
      risk: 'medium',
      enabled: false,
      status: 'disabled',
      securityGroups: [],
      instances: [],
      findings: [],
      gaps: [],
    });
    expect(only(view, 'exposed-redis-6379')).toBe(only(full, 'exposed-redis-6379'));
    expect(JSON.stringify(full)).toBe(before);
    expect(only(withDisabledChecks(full, []), 'exposed-ssh-22').status).toBe('at-risk');
  });
});
