/** The export shapes of alibaba-exports.md, end to end: raw pages, --pager collections, toMap dumps, arrays of responses. */
import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/support/import-inputs';
import { importInputs } from './snapshot-builder';

describe('export shapes', () => {
  it('reads a --pager merged collection (no paging fields, no completeness check)', async () => {
    const snapshot = await importInputs([fixtureInput('shapes/pager-merged-instances.json')]);
    expect(snapshot.inputs[0]).toMatchObject({ kind: 'alibaba:DescribeInstances', records: 2 });
    expect(
      snapshot.instances.map((instance) => [
        instance.id,
        instance.securityGroupIds,
        instance.publicIps,
      ]),
    ).toEqual([
      ['i-merged-1', ['sg-hz-web'], ['198.51.100.1', '198.51.100.9']],
      ['i-merged-2', ['sg-hz-web', 'sg-hz-db'], []],
    ]);
    expect(snapshot.gaps.map((gap) => gap.kind)).toEqual(['missing-rules', 'missing-rules']);
  });

  it('reads a raw page with its region', async () => {
    const snapshot = await importInputs([fixtureInput('shapes/raw-page-security-groups.json')]);
    expect(snapshot.inputs[0]).toMatchObject({
      kind: 'alibaba:DescribeSecurityGroups',
      records: 2,
    });
    expect(
      snapshot.groups.map((group) => [group.id, group.name, group.regionId, group.rulesImported]),
    ).toEqual([
      ['sg-hz-db', 'db', 'cn-hangzhou', false],
      ['sg-hz-web', 'web', 'cn-hangzhou', false],
    ]);
    // Listed groups without an attribute file: their rules are missing.
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-hz-db', referencedBy: [] },
      { kind: 'missing-rules', groupId: 'sg-hz-web', referencedBy: [] },
    ]);
  });

  it('unwraps a toMap() dump with unset fields left out and defaults Policy and Priority', async () => {
    const snapshot = await importInputs([fixtureInput('shapes/tomap-attribute.json')]);
    expect(snapshot.issues).toEqual([]);
    expect(snapshot.inputs[0]).toMatchObject({
      kind: 'alibaba:DescribeSecurityGroupAttribute',
      records: 2,
    });
    const [https, ssh] = snapshot.groups[0]!.rules;
    expect(https).toMatchObject({
      id: 'sgr-tomap-1',
      priority: 1,
      action: 'accept',
      origin: { path: '$.body.Permissions.Permission[0]' },
    });
    expect(ssh).toMatchObject({
      id: 'sgr-tomap-2',
      priority: 1,
      action: 'accept',
      protocol: 'tcp',
      nicType: '',
      source: { kind: 'cidr', family: 'ipv6', cidr: '2001:db8::/32' },
    });
    expect(snapshot.groups[0]!.origins).toEqual([
      { file: 'shapes/tomap-attribute.json', path: '$.body' },
    ]);
  });

  it('reads an array of responses of different calls', async () => {
    const snapshot = await importInputs([fixtureInput('shapes/array-of-responses.json')]);
    expect(snapshot.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(snapshot.inputs[0]).toMatchObject({
      kind: 'alibaba:DescribeSecurityGroupAttribute',
      records: 1 + 1 + 2,
    });
    expect(snapshot.groups[0]).toMatchObject({
      id: 'sg-hz-db',
      innerAccessPolicy: 'Drop',
      origins: [{ path: '$[0]' }],
    });
    expect(snapshot.groups[0]!.rules[0]).toMatchObject({
      id: 'sg-hz-db#0',
      action: 'drop',
      origin: { path: '$[0].Permissions.Permission[0]' },
    });
    expect(snapshot.instances[0]).toMatchObject({
      id: 'i-array-1',
      origin: { path: '$[1].body.Instances.Instance[0]' },
    });
    expect(snapshot.networkInterfaces).toEqual([
      {
        id: 'eni-primary',
        instanceId: 'i-array-1',
        type: 'primary',
        securityGroupIds: ['sg-hz-db'],
        publicIp: '',
        privateIps: ['10.1.0.5'],
        origin: {
          file: 'shapes/array-of-responses.json',
          path: '$[2].NetworkInterfaceSets.NetworkInterfaceSet[0]',
        },
      },
      {
        id: 'eni-secondary',
        instanceId: 'i-array-1',
        type: 'secondary',
        securityGroupIds: ['sg-hz-web', 'sg-hz-extra'],
        publicIp: '203.0.113.77',
        privateIps: ['10.1.0.6', '10.1.0.7'],
        origin: {
          file: 'shapes/array-of-responses.json',
          path: '$[2].NetworkInterfaceSets.NetworkInterfaceSet[1]',
        },
      },
    ]);
    // Groups named only by the secondary interface have no rules: referenced by its instance.
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-hz-extra', referencedBy: ['i-array-1'] },
      { kind: 'missing-rules', groupId: 'sg-hz-web', referencedBy: ['i-array-1'] },
    ]);
  });

  it('combines the shapes of one export into one snapshot', async () => {
    const snapshot = await importInputs(
      [
        'pager-merged-instances',
        'raw-page-security-groups',
        'tomap-attribute',
        'array-of-responses',
      ].map((name) => fixtureInput(`shapes/${name}.json`)),
    );
    expect(
      snapshot.groups.map((group) => [
        group.id,
        group.rulesImported,
        group.rules.length,
        group.origins.length,
      ]),
    ).toEqual([
      ['sg-hz-db', true, 1, 2],
      ['sg-hz-web', true, 2, 2],
    ]);
    expect(snapshot.instances.map((instance) => instance.id)).toEqual([
      'i-array-1',
      'i-merged-1',
      'i-merged-2',
    ]);
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-hz-extra', referencedBy: ['i-array-1'] },
    ]);
  });

  it('reports a NextToken page whose next page is missing', async () => {
    const snapshot = await importInputs([fixtureInput('shapes/next-token-page.json')]);
    expect(snapshot.gaps).toContainEqual({
      kind: 'more-pages',
      collection: 'instances',
      file: 'shapes/next-token-page.json',
    });
    expect(snapshot.issues).toContainEqual(
      expect.objectContaining({
        code: 'more-pages',
        severity: 'warning',
        file: 'shapes/next-token-page.json',
      }),
    );
  });
});
