import { describe, expect, it } from 'vitest';
import {
  attributeResponse,
  instanceItem,
  jsonInput,
  permission,
} from '../../../test/support/import-inputs';
import { importInputs } from './snapshot-builder';

const listed = (groups: Record<string, unknown>[]): Record<string, unknown> => ({
  SecurityGroups: { SecurityGroup: groups },
});
const listItem = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  SecurityGroupId: id,
  SecurityGroupName: `${id}-listed`,
  Description: 'from the list',
  VpcId: 'vpc-list',
  SecurityGroupType: 'enterprise',
  CreationTime: '2025-01-01T00:00:00Z',
  ResourceGroupId: 'rg-1',
  ServiceManaged: 'true',
  Tags: { Tag: [{ TagKey: 'env', TagValue: 'prod' }] },
  ...extra,
});

describe('merging groups', () => {
  it('joins the list metadata and the attribute rules into one group with both origins', async () => {
    const snapshot = await importInputs([
      jsonInput('list.json', listed([listItem('sg-1')])),
      jsonInput(
        'sg-1.json',
        attributeResponse('sg-1', [permission({ SecurityGroupRuleId: 'sgr-1' })], {
          SecurityGroupName: 'attr-name',
          InnerAccessPolicy: 'Drop',
          RegionId: 'cn-x',
        }),
      ),
    ]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.groups).toEqual([
      expect.objectContaining({
        id: 'sg-1',
        name: 'sg-1-listed',
        description: 'from the list',
        regionId: 'cn-x',
        vpcId: 'vpc-list',
        type: 'enterprise',
        innerAccessPolicy: 'Drop',
        resourceGroupId: 'rg-1',
        creationTime: '2025-01-01T00:00:00Z',
        serviceManaged: true,
        tags: [{ key: 'env', value: 'prod' }],
        rulesImported: true,
        origins: [
          { file: 'list.json', path: '$.SecurityGroups.SecurityGroup[0]' },
          { file: 'sg-1.json', path: '$' },
        ],
      }),
    ]);
    expect(snapshot.groups[0]!.rules).toHaveLength(1);
  });

  it('merges a classic group exported once per NicType, without conflict', async () => {
    const internet = attributeResponse(
      'sg-classic',
      [
        permission({ NicType: 'internet', PortRange: '80/80' }),
        permission({ NicType: 'internet', PortRange: '443/443' }),
      ],
      { VpcId: '' },
    );
    const intranet = attributeResponse(
      'sg-classic',
      [permission({ NicType: 'intranet', PortRange: '22/22' })],
      { VpcId: '' },
    );
    const snapshot = await importInputs([
      jsonInput('internet.json', internet),
      jsonInput('intranet.json', intranet),
    ]);
    expect(snapshot.issues).toEqual([]);
    const rules = snapshot.groups[0]!.rules;
    // File-name order: internet.json first. Made-up ids are renumbered so they stay unique.
    expect(rules.map((rule) => [rule.id, rule.nicType, rule.portRangeText])).toEqual([
      ['sg-classic#0', 'internet', '80/80'],
      ['sg-classic#1', 'internet', '443/443'],
      ['sg-classic#2', 'intranet', '22/22'],
    ]);
    expect(rules[2]!.origin).toEqual({
      file: 'intranet.json',
      path: '$.Permissions.Permission[0]',
    });
    expect(snapshot.groups[0]!.vpcId).toBe('');
  });

  it('deduplicates rules by id, and identical rules with made-up ids by content', async () => {
    const withIds = attributeResponse(
      'sg-d',
      [
        permission({ SecurityGroupRuleId: 'sgr-1' }),
        permission({ SecurityGroupRuleId: 'sgr-2', PortRange: '80/80' }),
      ],
      { NextToken: 'page-2' },
    );
    const sameIds = attributeResponse('sg-d', [
      permission({ SecurityGroupRuleId: 'sgr-2', PortRange: '80/80' }),
      permission({ SecurityGroupRuleId: 'sgr-3', PortRange: '443/443' }),
    ]);
    const snapshot = await importInputs([
      jsonInput('a.json', withIds),
      jsonInput('b.json', sameIds),
    ]);
    expect(snapshot.groups[0]!.rules.map((rule) => rule.id)).toEqual(['sgr-1', 'sgr-2', 'sgr-3']);
    expect(snapshot.issues).toEqual([]);

    const synthetic = attributeResponse('sg-s', [permission(), permission({ PortRange: '80/80' })]);
    const twice = await importInputs([
      jsonInput('x.json', synthetic),
      jsonInput('y.json', { ...synthetic, RequestId: 'other' }),
    ]);
    expect(twice.groups[0]!.rules.map((rule) => rule.id)).toEqual(['sg-s#0', 'sg-s#1']);
    expect(twice.issues).toEqual([]);
  });

  it('keeps one group and the union of rules when two exports of the same group disagree', async () => {
    const older = attributeResponse('sg-c', [permission({ SecurityGroupRuleId: 'sgr-1' })]);
    const newer = attributeResponse(
      'sg-c',
      [
        permission({ SecurityGroupRuleId: 'sgr-1', Policy: 'Drop' }),
        permission({ SecurityGroupRuleId: 'sgr-2', PortRange: '80/80' }),
      ],
      {
        Description: 'changed',
      },
    );
    const snapshot = await importInputs([
      jsonInput('2025-06/sg-c.json', newer),
      jsonInput('2025-05/sg-c.json', older),
    ]);
    expect(snapshot.groups).toHaveLength(1);
    expect(snapshot.groups[0]!.rules.map((rule) => [rule.id, rule.action])).toEqual([
      ['sgr-1', 'accept'],
      ['sgr-2', 'accept'],
    ]);
    const conflicts = snapshot.issues.filter((issue) => issue.code === 'conflicting-duplicate');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      severity: 'warning',
      file: '2025-06/sg-c.json',
      path: '$',
    });
    expect(conflicts[0]!.message).toBe(
      '2025-06/sg-c.json, $: security group "sg-c" appears in 2025-05/sg-c.json and 2025-06/sg-c.json with different content; the details of 2025-05/sg-c.json were kept and the rules of both merged.',
    );
  });

  it('reports the same group listed twice with different metadata', async () => {
    const snapshot = await importInputs([
      jsonInput('a.json', listed([listItem('sg-1')])),
      jsonInput('b.json', listed([listItem('sg-1', { SecurityGroupName: 'renamed' })])),
    ]);
    expect(snapshot.groups.map((group) => group.name)).toEqual(['sg-1-listed']);
    expect(snapshot.issues.filter((issue) => issue.code === 'conflicting-duplicate')).toEqual([
      expect.objectContaining({ file: 'b.json' }),
    ]);
  });

  it('does not treat the same group on two pages of one listing as a conflict', async () => {
    const snapshot = await importInputs([
      jsonInput('p1.json', listed([listItem('sg-1')])),
      jsonInput('p2.json', listed([listItem('sg-1'), listItem('sg-2')])),
    ]);
    expect(snapshot.groups.map((group) => group.id)).toEqual(['sg-1', 'sg-2']);
    expect(snapshot.issues.filter((issue) => issue.code === 'conflicting-duplicate')).toEqual([]);
  });
});

describe('merging instances', () => {
  it('builds public IPs from PublicIpAddress and EipAddress, non-empty and unique, and dedupes group ids in order', async () => {
    const snapshot = await importInputs([
      jsonInput('i.json', {
        Instances: {
          Instance: [
            instanceItem('i-1', ['sg-b', 'sg-a', 'sg-b', ''], {
              PublicIpAddress: { IpAddress: ['198.51.100.1', '', '198.51.100.1'] },
              EipAddress: { IpAddress: '203.0.113.5', AllocationId: 'eip-1' },
              InnerIpAddress: { IpAddress: ['10.9.9.9'] },
              Tags: { Tag: [{ TagKey: 'team', TagValue: 'web' }] },
            }),
          ],
        },
      }),
    ]);
    expect(snapshot.instances[0]).toMatchObject({
      securityGroupIds: ['sg-b', 'sg-a'],
      publicIps: ['198.51.100.1', '203.0.113.5'],
      privateIps: ['10.0.0.1', '10.9.9.9'],
      tags: [{ key: 'team', value: 'web' }],
    });
  });

  it('keeps an instance listed identically on two pages once, silently', async () => {
    const item = instanceItem('i-1', ['sg-a']);
    const snapshot = await importInputs([
      jsonInput('p1.json', { Instances: { Instance: [item] } }),
      jsonInput('p2.json', { Instances: { Instance: [item] }, RequestId: 'x' }),
    ]);
    expect(snapshot.instances).toHaveLength(1);
    expect(snapshot.issues.filter((issue) => issue.code === 'conflicting-duplicate')).toEqual([]);
  });

  it('reports an instance listed with different content', async () => {
    const snapshot = await importInputs([
      jsonInput('p1.json', { Instances: { Instance: [instanceItem('i-1', ['sg-a'])] } }),
      jsonInput('p2.json', { Instances: { Instance: [instanceItem('i-1', ['sg-a', 'sg-b'])] } }),
    ]);
    expect(snapshot.instances[0]!.securityGroupIds).toEqual(['sg-a']);
    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        code: 'conflicting-duplicate',
        file: 'p2.json',
        path: '$.Instances.Instance[0]',
      }),
    );
  });

  it('skips an instance with a malformed field and imports the others', async () => {
    const snapshot = await importInputs([
      jsonInput('i.json', {
        Instances: {
          Instance: [
            instanceItem('i-1', ['sg-a'], { PublicIpAddress: { IpAddress: 'not-a-list' } }),
            instanceItem('i-2', []),
            'junk',
          ],
        },
      }),
    ]);
    expect(snapshot.instances.map((instance) => instance.id)).toEqual(['i-2']);
    expect(snapshot.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid-field', '$.Instances.Instance[0].PublicIpAddress.IpAddress'],
      ['invalid-record', '$.Instances.Instance[2]'],
    ]);
  });
});
