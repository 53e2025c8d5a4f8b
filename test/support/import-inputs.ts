/**
 * Inputs for importer tests: fixture files read as raw bytes, and small exports written inline.
 * Names are relative to test/fixtures/ so messages stay short and stable.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawInput } from '../../src/shared/import/snapshot-builder';

export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));
export const demoDir = join(fixturesDir, 'alibaba-demo');

export function fixtureInput(relativePath: string): RawInput {
  return {
    name: relativePath,
    bytes: new Uint8Array(readFileSync(join(fixturesDir, relativePath))),
  };
}

/** Every file under a fixtures folder, recursively, sorted by path. */
export function folderInputs(relativeDir: string): RawInput[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir)
      .map((entry) => join(dir, entry))
      .flatMap((path) => (statSync(path).isDirectory() ? walk(path) : [path]));
  return walk(join(fixturesDir, relativeDir))
    .map((path) => relative(fixturesDir, path).split('\\').join('/'))
    .sort()
    .map(fixtureInput);
}

export function demoInputs(): RawInput[] {
  return folderInputs('alibaba-demo');
}

export function textInput(name: string, text: string): RawInput {
  return { name, bytes: new TextEncoder().encode(text) };
}

/** Tab-indented like the aliyun CLI. */
export function jsonInput(name: string, value: unknown): RawInput {
  return textInput(name, JSON.stringify(value, null, '\t'));
}

/** A permission as DescribeSecurityGroupAttribute returns it (every field, "" when unset). */
export function permission(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CreateTime: '2025-06-01T04:12:55Z',
    Description: '',
    DestCidrIp: '',
    DestGroupId: '',
    Direction: 'ingress',
    IpProtocol: 'TCP',
    Ipv6DestCidrIp: '',
    Ipv6SourceCidrIp: '',
    NicType: 'intranet',
    Policy: 'Accept',
    PortRange: '22/22',
    PortRangeListId: '',
    Priority: 1,
    SecurityGroupRuleId: '',
    SourceCidrIp: '0.0.0.0/0',
    SourceGroupId: '',
    SourceGroupName: '',
    SourceGroupOwnerAccount: '',
    SourcePrefixListId: '',
    SourcePrefixListName: '',
    ...overrides,
  };
}

/** A DescribeSecurityGroupAttribute response. */
export function attributeResponse(
  groupId: string,
  permissions: unknown[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Description: '',
    InnerAccessPolicy: 'Accept',
    Permissions: { Permission: permissions },
    RegionId: 'cn-hangzhou',
    RequestId: `REQ-${groupId}`,
    SecurityGroupId: groupId,
    SecurityGroupName: `${groupId}-name`,
    VpcId: 'vpc-test',
    ...overrides,
  };
}

/** A DescribeInstances item. */
export function instanceItem(
  id: string,
  groupIds: string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    EipAddress: { AllocationId: '', IpAddress: '' },
    HostName: id,
    InstanceId: id,
    InstanceName: id,
    InstanceNetworkType: 'vpc',
    OSType: 'linux',
    PublicIpAddress: { IpAddress: [] },
    RegionId: 'cn-hangzhou',
    SecurityGroupIds: { SecurityGroupId: groupIds },
    Status: 'Running',
    VpcAttributes: { PrivateIpAddress: { IpAddress: ['10.0.0.1'] }, VpcId: 'vpc-test' },
    ZoneId: 'cn-hangzhou-h',
    ...overrides,
  };
}
