/**
 * Small builders for normalised model objects, so evaluator and check tests read as tables.
 * Defaults describe an ingress TCP Accept from 0.0.0.0/0 at priority 1.
 */
import type {
  AddressFamily,
  Instance,
  NetworkInterface,
  Protocol,
  Rule,
  RuleSource,
  SecurityGroup,
  Snapshot,
} from '../../src/shared/model';

let ruleCounter = 0;

export interface RuleSpec {
  id?: string;
  direction?: Rule['direction'];
  action?: Rule['action'];
  priority?: number;
  protocol?: Protocol;
  /** `"22/22"`, `"1/65535"`, `"-1/-1"`. Default `"22/22"`. */
  ports?: string;
  /** A CIDR (family guessed from ':'), `sg-…` for a group reference, `pl-…` for a prefix list. */
  source?: string;
  portListId?: string;
  description?: string;
}

function parsePorts(protocol: Protocol, text: string): Rule['ports'] {
  if (protocol === 'all') return { from: 1, to: 65535 };
  if (protocol !== 'tcp' && protocol !== 'udp') return null;
  const [from, to] = text.split('/').map(Number);
  if (from === undefined || to === undefined || from < 1) return null;
  return { from, to };
}

function parseSource(text: string): RuleSource {
  if (text === '') return { kind: 'none' };
  if (text.startsWith('sg-')) return { kind: 'security-group', groupId: text, groupName: '', ownerAccount: '' };
  if (text.startsWith('pl-')) return { kind: 'prefix-list', prefixListId: text, prefixListName: '' };
  const family: AddressFamily = text.includes(':') ? 'ipv6' : 'ipv4';
  const cidr = text.includes('/') ? text : `${text}/${family === 'ipv4' ? 32 : 128}`;
  return { kind: 'cidr', family, cidr };
}

export function rule(groupId: string, spec: RuleSpec = {}): Rule {
  ruleCounter += 1;
  const protocol = spec.protocol ?? 'tcp';
  const portRangeText = spec.ports ?? (protocol === 'tcp' || protocol === 'udp' ? '22/22' : '-1/-1');
  const source = parseSource(spec.source ?? '0.0.0.0/0');
  const portListId = spec.portListId ?? '';
  const ports = parsePorts(protocol, portRangeText);
  let unresolved: string | null = null;
  if (source.kind === 'prefix-list') unresolved = 'prefix-list';
  else if (portListId !== '' && ports === null && protocol !== 'icmp' && protocol !== 'gre') unresolved = 'port-list';
  return {
    id: spec.id ?? `sgr-test${String(ruleCounter).padStart(6, '0')}`,
    groupId,
    direction: spec.direction ?? 'ingress',
    action: spec.action ?? 'accept',
    priority: spec.priority ?? 1,
    protocol,
    ports,
    portRangeText,
    portListId,
    source,
    unresolved,
    nicType: 'intranet',
    description: spec.description ?? '',
    createTime: '',
    origin: { file: 'test.json', path: '$' },
  };
}

export function group(id: string, rules: RuleSpec[] = [], extra: Partial<SecurityGroup> = {}): SecurityGroup {
  return {
    id,
    name: id,
    description: '',
    regionId: 'cn-test',
    vpcId: 'vpc-test',
    type: 'normal',
    innerAccessPolicy: 'Accept',
    resourceGroupId: '',
    creationTime: '',
    serviceManaged: false,
    tags: [],
    rulesImported: true,
    rules: rules.map((spec) => rule(id, spec)),
    origins: [{ file: 'test.json', path: '$' }],
    ...extra,
  };
}

export function instance(id: string, securityGroupIds: string[], extra: Partial<Instance> = {}): Instance {
  return {
    id,
    name: id,
    hostName: id,
    description: '',
    regionId: 'cn-test',
    zoneId: 'cn-test-a',
    status: 'Running',
    instanceType: 'ecs.test',
    osType: 'linux',
    osName: '',
    networkType: 'vpc',
    vpcId: 'vpc-test',
    securityGroupIds,
    publicIps: [],
    privateIps: [],
    tags: [],
    origin: { file: 'test.json', path: '$' },
    ...extra,
  };
}

export function networkInterface(
  id: string,
  instanceId: string,
  securityGroupIds: string[],
  extra: Partial<NetworkInterface> = {},
): NetworkInterface {
  return {
    id,
    instanceId,
    type: 'secondary',
    securityGroupIds,
    publicIp: '',
    privateIps: [],
    origin: { file: 'test.json', path: '$' },
    ...extra,
  };
}

export function snapshot(parts: Partial<Snapshot>): Snapshot {
  return {
    inputs: [],
    groups: [],
    instances: [],
    networkInterfaces: [],
    issues: [],
    gaps: [],
    ...parts,
  };
}
