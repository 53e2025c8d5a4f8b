import { describe, expect, it } from 'vitest';
import { detect } from './detect';

describe('detect', () => {
  it.each([
    [
      'DescribeSecurityGroups',
      { SecurityGroups: { SecurityGroup: [] } },
      'alibaba:DescribeSecurityGroups',
    ],
    [
      'DescribeSecurityGroupAttribute',
      { SecurityGroupId: 'sg-1', Permissions: { Permission: [] } },
      'alibaba:DescribeSecurityGroupAttribute',
    ],
    [
      'an attribute response whose Permissions is null',
      { SecurityGroupId: 'sg-1', Permissions: null },
      'alibaba:DescribeSecurityGroupAttribute',
    ],
    [
      'an attribute response without Permissions',
      { SecurityGroupId: 'sg-1', InnerAccessPolicy: 'Accept' },
      'alibaba:DescribeSecurityGroupAttribute',
    ],
    [
      'DescribeInstances',
      { Instances: { Instance: [] }, TotalCount: 0 },
      'alibaba:DescribeInstances',
    ],
    [
      'DescribeNetworkInterfaces',
      { NetworkInterfaceSets: { NetworkInterfaceSet: [] } },
      'alibaba:DescribeNetworkInterfaces',
    ],
  ])('recognises %s', (_label, value, kind) => {
    expect(detect(value)).toEqual({
      type: 'alibaba',
      responses: [{ kind, response: value, path: '$' }],
      rejectedElements: [],
    });
  });

  it('unwraps an SDK toMap() dump', () => {
    const body = { Instances: { Instance: [] } };
    expect(detect({ headers: {}, statusCode: 200, body })).toEqual({
      type: 'alibaba',
      responses: [{ kind: 'alibaba:DescribeInstances', response: body, path: '$.body' }],
      rejectedElements: [],
    });
  });

  it('detects each element of an array of responses, mixed kinds allowed, and rejects the others by path', () => {
    const result = detect([
      { SecurityGroups: { SecurityGroup: [] } },
      'junk',
      { statusCode: 200, body: { SecurityGroupId: 'sg-1', Permissions: {} } },
    ]);
    expect(result).toMatchObject({
      type: 'alibaba',
      responses: [
        { kind: 'alibaba:DescribeSecurityGroups', path: '$[0]' },
        { kind: 'alibaba:DescribeSecurityGroupAttribute', path: '$[2].body' },
      ],
      rejectedElements: [
        {
          path: '$[1]',
          code: 'not-an-export',
          detail: 'not an Alibaba Cloud export: found a string ("junk")',
        },
      ],
    });
  });

  it.each([
    [
      'AWS describe-security-groups',
      { SecurityGroups: [{ GroupId: 'sg-0abc', IpPermissions: [] }] },
      'detected AWS describe-security-groups output, expected an Alibaba Cloud export',
    ],
    [
      'AWS describe-instances',
      { Reservations: [] },
      'detected AWS describe-instances output, expected an Alibaba Cloud export',
    ],
    [
      'an Azure NSG',
      {
        name: 'nsg',
        type: 'Microsoft.Network/networkSecurityGroups',
        properties: { securityRules: [] },
      },
      'detected an Azure network security group (az network nsg show) output, expected an Alibaba Cloud export',
    ],
    [
      'an Azure NSG list',
      [{ name: 'nsg', securityRules: [] }],
      'detected Azure network security groups (az network nsg list) output, expected an Alibaba Cloud export',
    ],
    [
      'Azure NSG rules',
      [{ name: 'r', sourceAddressPrefix: '*', destinationPortRange: '22' }],
      'detected Azure network security group rules (az network nsg rule list) output, expected an Alibaba Cloud export',
    ],
    [
      'a GCP firewall list',
      [{ name: 'fw', sourceRanges: ['0.0.0.0/0'], allowed: [] }],
      'detected Google Cloud firewall rules (gcloud compute firewall-rules list) output, expected an Alibaba Cloud export',
    ],
    [
      'Terraform plan',
      { format_version: '1.2', planned_values: {} },
      'detected Terraform state or plan JSON (terraform show -json), which is not supported yet, expected an Alibaba Cloud export',
    ],
  ])('names another provider: %s', (_label, value, detail) => {
    expect(detect(value)).toEqual({ type: 'rejected', code: 'wrong-provider', detail });
  });

  it.each([
    ['null', null, 'not an Alibaba Cloud export: found null'],
    ['a number', 42, 'not an Alibaba Cloud export: found a number (42)'],
    ['true', true, 'not an Alibaba Cloud export: found a boolean (true)'],
    ['an empty array', [], 'not an Alibaba Cloud export: the file is an empty array'],
    ['an empty object', {}, 'not an Alibaba Cloud export: found an empty object'],
    [
      'a single group item',
      { SecurityGroupId: 'sg-1', SecurityGroupName: 'x' },
      'not an Alibaba Cloud export: found an object with top-level keys "SecurityGroupId", "SecurityGroupName"',
    ],
    [
      'an array of numbers',
      [1, 2],
      'not an Alibaba Cloud export: the file is an array of 2 elements and none is an Alibaba Cloud response (element 0 is a number (1))',
    ],
  ])('rejects %s', (_label, value, detail) => {
    expect(detect(value)).toEqual({ type: 'rejected', code: 'not-an-export', detail });
  });

  it('truncates the list of keys it shows', () => {
    const value = Object.fromEntries(
      Array.from({ length: 12 }, (_, index) => [`key${index}`, index]),
    );
    const result = detect(value);
    expect(result).toMatchObject({
      type: 'rejected',
      detail: expect.stringMatching(/"key0", .*"key7", … \(12 keys in all\)$/),
    });
  });

  it('never treats inherited names as fields', () => {
    expect(
      detect(JSON.parse('{"__proto__": {"SecurityGroups": {"SecurityGroup": []}}}')),
    ).toMatchObject({ type: 'rejected', code: 'not-an-export' });
  });
});
