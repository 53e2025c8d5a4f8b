/**
 * Alibaba Cloud exports written for the end-to-end tests: one with hostile names, one large
 * enough for 100,000 findings.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface GroupSpec {
  id: string;
  name: string;
  description: string;
}

function groupsFile(groups: GroupSpec[]): string {
  return JSON.stringify({
    RequestId: 'E2E-GROUPS',
    SecurityGroups: {
      SecurityGroup: groups.map((group) => ({
        CreationTime: '2025-05-20T02:00:00Z',
        Description: group.description,
        SecurityGroupId: group.id,
        SecurityGroupName: group.name,
        SecurityGroupType: 'normal',
        ServiceManaged: false,
        VpcId: 'vpc-e2e0001',
      })),
    },
  });
}

function allOpenAttribute(group: GroupSpec, ruleDescription: string): string {
  return JSON.stringify({
    Description: group.description,
    InnerAccessPolicy: 'Accept',
    Permissions: {
      Permission: [
        {
          CreateTime: '2025-06-07T04:12:55Z',
          Description: ruleDescription,
          Direction: 'ingress',
          IpProtocol: 'ALL',
          NicType: 'intranet',
          Policy: 'Accept',
          PortRange: '-1/-1',
          Priority: 100,
          SecurityGroupRuleId: `sgr-${group.id.slice(3)}01`,
          SourceCidrIp: '0.0.0.0/0',
        },
      ],
    },
    RegionId: 'cn-hangzhou',
    RequestId: 'E2E-ATTR',
    SecurityGroupId: group.id,
    SecurityGroupName: group.name,
    VpcId: 'vpc-e2e0001',
  });
}

function instancesFile(instances: { id: string; name: string; publicIp: string; groupId: string }[]): string {
  return JSON.stringify({
    Instances: {
      Instance: instances.map((instance, index) => ({
        CreationTime: '2025-05-21T03:00Z',
        Description: '',
        HostName: instance.name,
        InstanceId: instance.id,
        InstanceName: instance.name,
        InstanceNetworkType: 'vpc',
        InstanceType: 'ecs.g7.large',
        OSType: 'linux',
        PublicIpAddress: { IpAddress: instance.publicIp === '' ? [] : [instance.publicIp] },
        RegionId: 'cn-hangzhou',
        SecurityGroupIds: { SecurityGroupId: [instance.groupId] },
        Status: 'Running',
        VpcAttributes: {
          PrivateIpAddress: { IpAddress: [`10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`] },
          VpcId: 'vpc-e2e0001',
        },
        ZoneId: 'cn-hangzhou-h',
      })),
    },
    PageNumber: 1,
    PageSize: instances.length,
    RequestId: 'E2E-INSTANCES',
    TotalCount: instances.length,
  });
}

export const hostileGroupName = '\u202Egnp.exe <img src=x onerror=alert(1)>';
export const hostileDescription = '{{constructor.constructor("alert(1)")()}} @:x \u200Bhidden';
export const hostileRuleDescription = '</script><script>alert(1)</script> =HYPERLINK("x")';
export const hostileInstanceName = 'evil\u202Eexe.txt';

/** Files of an export whose names try to inject markup, templates and bidi tricks. */
export function writeHostileExport(folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const group = { id: 'sg-e2ehostile0001', name: hostileGroupName, description: hostileDescription };
  const files: [string, string][] = [
    ['DescribeSecurityGroups.json', groupsFile([group])],
    [`${group.id}.json`, allOpenAttribute(group, hostileRuleDescription)],
    ['DescribeInstances.json', instancesFile([{ id: 'i-e2ehostile01', name: hostileInstanceName, publicIp: '198.51.100.7', groupId: group.id }])],
  ];
  return files.map(([name, text]) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  });
}

/**
 * One group open on every port and `count` instances in it: each instance is at risk for all
 * fifteen port items, so 7,000 instances give 105,000 findings.
 */
export function writeLargeExport(folder: string, count: number): string[] {
  mkdirSync(folder, { recursive: true });
  const group = { id: 'sg-e2elarge000001', name: 'large-open', description: 'Everything open' };
  const instances = Array.from({ length: count }, (_, index) => ({
    id: `i-e2elarge${String(index).padStart(6, '0')}`,
    name: `node-${String(index).padStart(6, '0')}`,
    publicIp: index % 2 === 0 ? `198.18.${(index >> 8) & 255}.${index & 255}` : '',
    groupId: group.id,
  }));
  const files: [string, string][] = [
    ['DescribeSecurityGroups.json', groupsFile([group])],
    [`${group.id}.json`, allOpenAttribute(group, 'open')],
    ['DescribeInstances.json', instancesFile(instances)],
  ];
  return files.map(([name, text]) => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  });
}
