// Writes a large synthetic Alibaba Cloud export in the aliyun CLI's shape (tab indentation, every
// field present, "" for unset), deterministic for a given size, for `npm run bench`.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const pick = (next, items) => items[Math.floor(next() * items.length)];
const ports = ['22/22', '80/80', '443/443', '3306/3306', '6379/6379', '8000/9000', '1/65535', '3389/3389', '9200/9300', '5432/5432'];
const privateSources = ['10.0.0.0/8', '172.16.0.0/12', '192.168.1.0/24', '203.0.113.0/24', '100.64.0.0/10'];
const riskyPorts = ['22/22', '3389/3389', '6379/6379', '3306/3306', '9200/9300', '8000/9000', '1/65535'];

/**
 * Like a real account: most rules admit private ranges or partners; the internet reaches 80/443;
 * about one group in twenty-five carries a risky internet-wide rule (the audit's findings).
 */
function ruleShape(next, risky) {
  if (risky) return { protocol: 'TCP', portRange: pick(next, riskyPorts), source: next() < 0.8 ? '0.0.0.0/0' : '::/0' };
  const roll = next();
  if (roll < 0.15) return { protocol: 'TCP', portRange: pick(next, ['80/80', '443/443']), source: next() < 0.9 ? '0.0.0.0/0' : '::/0' };
  const protocol = pick(next, ['TCP', 'TCP', 'TCP', 'UDP', 'ICMP', 'ALL']);
  const portRange = protocol === 'TCP' || protocol === 'UDP' ? pick(next, ports) : '-1/-1';
  return { protocol, portRange, source: next() < 0.05 ? '2001:db8::/32' : pick(next, privateSources) };
}

function permission(next, groupId, index, risky) {
  const { protocol, portRange, source } = ruleShape(next, risky);
  const ipv6 = source.includes(':');
  return {
    CreateTime: '2025-06-01T04:12:55Z',
    Description: index % 7 === 0 ? '业务访问 business access' : '',
    DestCidrIp: '', DestGroupId: '', DestGroupName: '', DestGroupOwnerAccount: '', DestPrefixListId: '', DestPrefixListName: '',
    Direction: next() < 0.9 ? 'ingress' : 'egress',
    IpProtocol: protocol,
    Ipv6DestCidrIp: '',
    Ipv6SourceCidrIp: ipv6 ? source : '',
    NicType: 'intranet',
    Policy: next() < 0.85 ? 'Accept' : 'Drop',
    PortRange: portRange,
    PortRangeListId: '', PortRangeListName: '',
    Priority: 1 + Math.floor(next() * 100),
    SecurityGroupRuleId: `sgr-bench${groupId.slice(-8)}${String(index).padStart(4, '0')}`,
    SourceCidrIp: ipv6 ? '' : source,
    SourceGroupId: '', SourceGroupName: '', SourceGroupOwnerAccount: '', SourcePortRange: '', SourcePrefixListId: '', SourcePrefixListName: '',
  };
}

const cliJson = (value) => JSON.stringify(value, null, '\t');

export function ensureBenchExport(root, { groups, rulesPerGroup, instances }) {
  const dir = join(root, `export-${groups}x${rulesPerGroup}-${instances}`);
  // The marker sits beside the export, not in it: the scan reads every file of the folder.
  const marker = `${dir}.complete`;
  if (existsSync(marker)) return dir;
  const next = random(groups * 31 + rulesPerGroup);
  mkdirSync(join(dir, 'rules'), { recursive: true });
  const groupIds = Array.from({ length: groups }, (_, i) => `sg-bench${String(i).padStart(12, '0')}`);
  writeFileSync(join(dir, 'DescribeSecurityGroups.json'), cliJson({
    SecurityGroups: { SecurityGroup: groupIds.map((id, i) => ({
      CreationTime: '2025-05-20T02:00:00Z', Description: `bench group ${i}`, ResourceGroupId: 'rg-bench', RuleCount: rulesPerGroup,
      SecurityGroupId: id, SecurityGroupName: `bench-${i}-基准`, SecurityGroupType: i % 10 === 0 ? 'enterprise' : 'normal',
      ServiceManaged: false, Tags: { Tag: [] }, VpcId: 'vpc-bench',
    })) },
  }));
  for (const id of groupIds) {
    writeFileSync(join(dir, 'rules', `${id}.json`), cliJson({
      Description: '', InnerAccessPolicy: 'Accept',
      Permissions: { Permission: Array.from({ length: rulesPerGroup }, (_, index) => permission(next, id, index, index === 0 && next() < 0.04)) },
      RegionId: 'cn-shanghai', RequestId: `BENCH-${id}`, SecurityGroupId: id, SecurityGroupName: id, VpcId: 'vpc-bench',
    }));
  }
  const pageSize = 100;
  for (let page = 0; page * pageSize < instances; page += 1) {
    const count = Math.min(pageSize, instances - page * pageSize);
    const items = Array.from({ length: count }, (_, k) => {
      const n = page * pageSize + k;
      const memberships = [...new Set(Array.from({ length: 1 + (next() < 0.3 ? 1 : 0) + (next() < 0.1 ? 1 : 0) }, () => pick(next, groupIds)))];
      return {
        CreationTime: '2025-05-21T03:00Z', Description: '',
        EipAddress: { AllocationId: '', Bandwidth: 0, InternetChargeType: '', IpAddress: '', IsSupportUnassociate: false },
        HostName: `host-${n}`, InstanceId: `i-bench${String(n).padStart(10, '0')}`, InstanceName: `bench-${n}`,
        InstanceNetworkType: 'vpc', InstanceType: 'ecs.g7.large', InternetMaxBandwidthOut: 5,
        OSName: 'Alibaba Cloud Linux 3', OSType: 'linux',
        PublicIpAddress: { IpAddress: n % 3 === 0 ? [`198.51.${(n >> 8) & 255}.${n & 255}`] : [] },
        RegionId: 'cn-shanghai', SecurityGroupIds: { SecurityGroupId: memberships }, Status: 'Running',
        VpcAttributes: { NatIpAddress: '', PrivateIpAddress: { IpAddress: [`10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`] }, VSwitchId: 'vsw-bench', VpcId: 'vpc-bench' },
        ZoneId: 'cn-shanghai-l',
      };
    });
    writeFileSync(join(dir, `DescribeInstances.page${page + 1}.json`), cliJson({
      Instances: { Instance: items }, NextToken: '', PageNumber: page + 1, PageSize: pageSize, RequestId: `BENCH-P${page}`, TotalCount: instances,
    }));
  }
  writeFileSync(marker, '');
  return dir;
}
