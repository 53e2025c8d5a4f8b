import { describe, expect, it } from 'vitest';
import {
  attributeResponse,
  demoInputs,
  instanceItem,
  jsonInput,
  permission,
} from '../../../test/support/import-inputs';
import { importInputs } from './snapshot-builder';

const page = (
  items: Record<string, unknown>[],
  paging: Record<string, unknown>,
): Record<string, unknown> => ({ Instances: { Instance: items }, RequestId: 'R', ...paging });
const rulesFor = (groupId: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  attributeResponse(groupId, [permission({ SecurityGroupRuleId: `sgr-${groupId}` })], extra);

describe('missing pages', () => {
  it('finds none in the demo: TotalCount 9 over two pages', async () => {
    const snapshot = await importInputs(demoInputs());
    expect(snapshot.gaps).toEqual([]);
  });

  it('compares distinct items per collection and region with TotalCount', async () => {
    const snapshot = await importInputs([
      rulesInput('sg-a'),
      jsonInput(
        'hz-1.json',
        page([instanceItem('i-1', ['sg-a']), instanceItem('i-2', ['sg-a'])], {
          TotalCount: 4,
          PageNumber: 1,
          PageSize: 2,
        }),
      ),
      // The same page exported again (other RequestId): not counted twice.
      jsonInput(
        'hz-1-again.json',
        page([instanceItem('i-1', ['sg-a']), instanceItem('i-2', ['sg-a'])], {
          TotalCount: 4,
          PageNumber: 1,
          PageSize: 2,
          RequestId: 'again',
        }),
      ),
      jsonInput(
        'bj-1.json',
        page([instanceItem('i-3', ['sg-a'], { RegionId: 'cn-beijing' })], {
          TotalCount: 1,
          PageNumber: 1,
          PageSize: 2,
        }),
      ),
    ]);
    expect(snapshot.gaps).toEqual([
      {
        kind: 'missing-pages',
        collection: 'instances',
        regionId: 'cn-hangzhou',
        expected: 4,
        present: 2,
      },
    ]);
    expect(snapshot.issues).toEqual([
      {
        severity: 'warning',
        code: 'missing-pages',
        file: 'hz-1-again.json',
        message:
          'hz-1-again.json: the DescribeInstances export for region cn-hangzhou has 2 of 4 items (TotalCount 4), so pages are missing.',
      },
    ]);
  });

  it('uses the top-level RegionId of DescribeSecurityGroups pages', async () => {
    const groups = (ids: string[], pageNumber: number): Record<string, unknown> => ({
      SecurityGroups: { SecurityGroup: ids.map((id) => ({ SecurityGroupId: id })) },
      RegionId: 'cn-shenzhen',
      TotalCount: 3,
      PageNumber: pageNumber,
      PageSize: 2,
    });
    const snapshot = await importInputs([
      jsonInput('g1.json', groups(['sg-1', 'sg-2'], 1)),
      rulesInput('sg-1'),
      rulesInput('sg-2'),
    ]);
    expect(snapshot.gaps).toEqual([
      {
        kind: 'missing-pages',
        collection: 'security-groups',
        regionId: 'cn-shenzhen',
        expected: 3,
        present: 2,
      },
    ]);
    const complete = await importInputs([
      jsonInput('g1.json', groups(['sg-1', 'sg-2'], 1)),
      jsonInput('g2.json', groups(['sg-3'], 2)),
      rulesInput('sg-1'),
      rulesInput('sg-2'),
      rulesInput('sg-3'),
    ]);
    expect(complete.gaps).toEqual([]);
  });
});

describe('more pages announced by NextToken', () => {
  it('reports a collection whose every page has a NextToken, not one whose last page is present', async () => {
    const first = jsonInput(
      'n1.json',
      page([instanceItem('i-1', ['sg-a'])], { NextToken: 'token-2', TotalCount: 2 }),
    );
    const last = jsonInput(
      'n2.json',
      page([instanceItem('i-2', ['sg-a'])], { NextToken: '', TotalCount: 2 }),
    );
    const partial = await importInputs([rulesInput('sg-a'), first]);
    expect(partial.gaps).toEqual([
      {
        kind: 'missing-pages',
        collection: 'instances',
        regionId: 'cn-hangzhou',
        expected: 2,
        present: 1,
      },
      { kind: 'more-pages', collection: 'instances', file: 'n1.json' },
    ]);
    const complete = await importInputs([rulesInput('sg-a'), first, last]);
    expect(complete.gaps).toEqual([]);
  });

  it('reports an attribute file with a NextToken until the group’s last page is imported', async () => {
    const firstPage = jsonInput('sg-p.1.json', rulesFor('sg-p', { NextToken: 'next' }));
    const partial = await importInputs([firstPage]);
    expect(partial.gaps).toEqual([
      { kind: 'more-pages', collection: 'rules', file: 'sg-p.1.json', groupId: 'sg-p' },
    ]);
    expect(partial.issues).toEqual([
      expect.objectContaining({ code: 'more-pages', severity: 'warning', file: 'sg-p.1.json' }),
    ]);
    const lastPage = jsonInput(
      'sg-p.2.json',
      attributeResponse(
        'sg-p',
        [permission({ SecurityGroupRuleId: 'sgr-p2', PortRange: '80/80' })],
        { NextToken: '' },
      ),
    );
    const complete = await importInputs([firstPage, lastPage]);
    expect(complete.gaps).toEqual([]);
    expect(complete.groups[0]!.rules.map((rule) => rule.id)).toEqual(['sgr-sg-p', 'sgr-p2']);
  });
});

describe('missing rules', () => {
  it('names every group used by an instance or interface, or listed, without imported rules', async () => {
    const snapshot = await importInputs([
      rulesInput('sg-have'),
      jsonInput('list.json', {
        SecurityGroups: {
          SecurityGroup: [{ SecurityGroupId: 'sg-listed' }, { SecurityGroupId: 'sg-have' }],
        },
      }),
      jsonInput('i.json', {
        Instances: {
          Instance: [
            instanceItem('i-2', ['sg-have', 'sg-missing']),
            instanceItem('i-1', ['sg-missing']),
          ],
        },
      }),
      jsonInput('eni.json', {
        NetworkInterfaceSets: {
          NetworkInterfaceSet: [
            {
              NetworkInterfaceId: 'eni-1',
              InstanceId: 'i-3',
              Type: 'Secondary',
              SecurityGroupIds: { SecurityGroupId: ['sg-eni'] },
            },
          ],
        },
      }),
    ]);
    expect(snapshot.gaps).toEqual([
      { kind: 'missing-rules', groupId: 'sg-eni', referencedBy: ['i-3'] },
      { kind: 'missing-rules', groupId: 'sg-listed', referencedBy: [] },
      { kind: 'missing-rules', groupId: 'sg-missing', referencedBy: ['i-1', 'i-2'] },
    ]);
    const warnings = snapshot.issues.filter((issue) => issue.code === 'missing-rules');
    expect(warnings.map((issue) => issue.file)).toEqual(['eni.json', 'list.json', 'i.json']);
    expect(warnings[2]!.message).toBe(
      'i.json: the rules of security group "sg-missing" were not imported (no usable DescribeSecurityGroupAttribute export); it is used by i-1, i-2.',
    );
  });
});

function rulesInput(groupId: string): ReturnType<typeof jsonInput> {
  return jsonInput(`rules/${groupId}.json`, rulesFor(groupId));
}
