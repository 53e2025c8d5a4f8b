import type { PortRange, Rule, RuleSource } from '../../model';
import type { FileIssues } from '../file-issues';
import { indexedPath } from '../json-path-cache';
import { describeJsonValue, isRecord, ownField } from '../text';
import { normaliseCidr } from './cidr';
import type { FileContribution, GroupRules } from './contribution';
import { attributeSchema, permissionSchema, validate, type PermissionRecord } from './schemas';
import {
  actionValue,
  directionValue,
  idText,
  priorityProblem,
  priorityValue,
  protocolProblem,
  protocolValue,
  shown,
  tcpUdpPortRange,
} from './values';

/** Skip codes by the field valibot rejected, so a wrong type reads like a wrong value of that field. */
const CODE_BY_FIELD: Record<string, string> = {
  '.Direction': 'invalid-direction',
  '.Policy': 'invalid-policy',
  '.Priority': 'invalid-priority',
  '.IpProtocol': 'unknown-protocol',
  '.PortRange': 'invalid-port-range',
  '.SourceCidrIp': 'invalid-cidr',
  '.Ipv6SourceCidrIp': 'invalid-cidr',
};

/** One DescribeSecurityGroupAttribute response (at `path` inside the file). */
export function normaliseAttributeResponse(
  response: Record<string, unknown>,
  path: string,
  out: FileContribution,
  issues: FileIssues,
): void {
  const top = validate(attributeSchema, response);
  if (!top.ok) {
    issues.recordError(
      'invalid-field',
      `${path}${top.field}`,
      `the security group was not imported because ${top.field.slice(1)} ${top.detail}`,
    );
    return;
  }
  const groupId = idText(top.value.SecurityGroupId, path, '.SecurityGroupId', issues).trim();
  if (groupId === '') {
    issues.recordError(
      'missing-id',
      `${path}.SecurityGroupId`,
      'the security group was not imported because SecurityGroupId is empty',
    );
    return;
  }
  const entry: GroupRules = {
    groupId,
    name: top.value.SecurityGroupName,
    description: top.value.Description,
    regionId: top.value.RegionId,
    vpcId: top.value.VpcId,
    innerAccessPolicy: top.value.InnerAccessPolicy,
    nextToken: top.value.NextToken ?? '',
    rules: [],
    syntheticIds: null,
    rulesImported: false,
    skippedRules: 0,
    origin: { file: out.file, path },
  };
  out.groupRules.push(entry);

  const permissionsPath = `${path}.Permissions`;
  const permissions = ownField(response, 'Permissions');
  const list = isRecord(permissions) ? ownField(permissions, 'Permission') : undefined;
  if (!Array.isArray(list)) {
    const problem =
      permissions === undefined
        ? 'is missing'
        : isRecord(permissions)
          ? 'has no Permission array'
          : `is ${describeJsonValue(permissions)}`;
    issues.recordError(
      'missing-permissions',
      permissionsPath,
      `the rules of security group ${shown(groupId)} were not imported because Permissions ${problem}`,
    );
    return;
  }
  entry.rulesImported = true;
  const itemPath = `${permissionsPath}.Permission`;
  for (let index = 0; index < list.length; index += 1) {
    if (!addPermission(list[index], entry, index, indexedPath(itemPath, index), issues))
      entry.skippedRules += 1;
  }
}

/**
 * One permission into `entry.rules`, or false when it was skipped (the issue is recorded).
 * Hot path (hundreds of thousands of rules): no closures, no result objects, no regex, strings
 * for messages built only on failure, shared immutable parts.
 */
function addPermission(
  raw: unknown,
  entry: GroupRules,
  index: number,
  path: string,
  issues: FileIssues,
): boolean {
  if (!isRecord(raw)) {
    issues.recordError(
      'invalid-rule',
      path,
      `the rule was skipped because it is ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : `a ${typeof raw}`}, not an object`,
    );
    return false;
  }
  const checked = validate(permissionSchema, raw);
  if (!checked.ok) {
    issues.recordError(
      CODE_BY_FIELD[checked.field] ?? 'invalid-field',
      `${path}${checked.field}`,
      `the rule was skipped because ${checked.field.slice(1)} ${checked.detail}`,
    );
    return false;
  }
  const permission = checked.value;

  const direction = directionValue(permission.Direction);
  if (direction === null) {
    return permission.Direction.trim() === ''
      ? skipRule(issues, path, 'missing-direction', 'Direction', 'Direction is missing')
      : skipRule(
          issues,
          path,
          'invalid-direction',
          'Direction',
          `Direction ${shown(permission.Direction)} is neither ingress nor egress`,
        );
  }
  const action = actionValue(permission.Policy);
  if (action === null)
    return skipRule(
      issues,
      path,
      'invalid-policy',
      'Policy',
      `Policy ${shown(permission.Policy)} is neither Accept nor Drop`,
    );
  const priority = priorityValue(permission.Priority);
  if (Number.isNaN(priority))
    return skipRule(
      issues,
      path,
      'invalid-priority',
      'Priority',
      priorityProblem(permission.Priority),
    );
  const protocol = protocolValue(permission.IpProtocol);
  if (protocol === null) {
    const problem = protocolProblem(permission.IpProtocol);
    return skipRule(issues, path, problem.code, 'IpProtocol', problem.reason);
  }

  const portRangeText =
    typeof permission.PortRange === 'string' ? permission.PortRange : String(permission.PortRange);
  const portListId = idText(permission.PortRangeListId, path, '.PortRangeListId', issues);
  let ports: Rule['ports'] = null;
  let unresolved: string | null = null;
  if (protocol === 'all') ports = ALL_PORTS;
  else if (protocol === 'tcp' || protocol === 'udp') {
    ports = sharedPortRange(portRangeText);
    if (ports === null) {
      // A port list replaces the range: the rule is kept, undecidable offline.
      if (portListId.trim() !== '') unresolved = 'port-list';
      else {
        const reason = `PortRange ${shown(portRangeText)} is not a ${protocol.toUpperCase()} range a/b with 1 ≤ a ≤ b ≤ 65535`;
        return skipRule(issues, path, 'invalid-port-range', 'PortRange', reason);
      }
    }
  }

  let source: RuleSource;
  if (direction === 'ingress') {
    const resolved = ingressSource(permission, path, issues);
    if (resolved === null) return false;
    source = resolved;
    if (source.kind === 'prefix-list') unresolved = 'prefix-list';
  } else source = NO_SOURCE;

  let id = idText(permission.SecurityGroupRuleId, path, '.SecurityGroupRuleId', issues).trim();
  if (id === '') {
    id = `${entry.groupId}#${index}`;
    (entry.syntheticIds ??= new Set()).add(id);
  }
  entry.rules.push({
    id,
    groupId: entry.groupId,
    direction,
    action,
    priority,
    protocol,
    ports,
    portRangeText,
    portListId,
    source,
    unresolved,
    nicType: intern(permission.NicType),
    description: permission.Description,
    createTime: intern(permission.CreateTime),
    origin: { file: entry.origin.file, path },
  });
  return true;
}

function skipRule(
  issues: FileIssues,
  path: string,
  code: string,
  field: string,
  reason: string,
): false {
  issues.recordError(code, `${path}.${field}`, `the rule was skipped because ${reason}`);
  return false;
}

/*
 * Shared, frozen parts. Half a million rules repeat a few dozen port ranges, sources and texts;
 * sharing them keeps the retained model (and garbage-collection work) much smaller. They are
 * plain data, so JSON and structuredClone treat them like any other object; freezing makes an
 * accidental in-place edit of one rule's ports fail loudly instead of changing every rule.
 */
const ALL_PORTS: PortRange = Object.freeze({ from: 1, to: 65535 });
const NO_SOURCE: RuleSource = Object.freeze({ kind: 'none' });
const SHARED_LIMIT = 50_000;
const portRanges = new Map<string, PortRange | null>();
const cidrSources = new Map<string, RuleSource>();
const internedText = new Map<string, string>();

/**
 * One string per distinct NicType and CreateTime (JSON.parse makes a new copy for every rule):
 * about a fifth less retained heap on a large export.
 */
function intern(text: string): string {
  const known = internedText.get(text);
  if (known !== undefined) return known;
  if (text.length > 64) return text;
  if (internedText.size >= SHARED_LIMIT) internedText.clear();
  internedText.set(text, text);
  return text;
}

function sharedPortRange(text: string): PortRange | null {
  let range = portRanges.get(text);
  if (range === undefined) {
    const parsed = tcpUdpPortRange(text.trim());
    range = parsed === null ? null : Object.freeze(parsed);
    if (portRanges.size >= SHARED_LIMIT) portRanges.clear();
    portRanges.set(text, range);
  }
  return range;
}

/**
 * The one source of an ingress rule. When several are set, addresses win (Alibaba applies
 * SourceCidrIp over SourceGroupId), which is also the cautious reading for exposure.
 */
function ingressSource(
  permission: PermissionRecord,
  path: string,
  issues: FileIssues,
): RuleSource | null {
  for (const field of ['SourceCidrIp', 'Ipv6SourceCidrIp'] as const) {
    const text = permission[field];
    if (text.trim() === '') continue;
    const shared = cidrSources.get(text);
    if (shared !== undefined) return shared;
    const cidr = normaliseCidr(text);
    if (!cidr.ok) {
      issues.recordError(
        'invalid-cidr',
        `${path}.${field}`,
        `the rule was skipped because ${field} ${shown(text)} is not a valid address or CIDR: ${cidr.reason}`,
      );
      return null;
    }
    const source: RuleSource = Object.freeze({
      kind: 'cidr',
      family: cidr.family,
      cidr: cidr.cidr,
    });
    if (cidrSources.size >= SHARED_LIMIT) cidrSources.clear();
    cidrSources.set(text, source);
    return source;
  }
  const groupId = idText(permission.SourceGroupId, path, '.SourceGroupId', issues).trim();
  if (groupId !== '') {
    return {
      kind: 'security-group',
      groupId,
      groupName: permission.SourceGroupName,
      ownerAccount: idText(
        permission.SourceGroupOwnerAccount,
        path,
        '.SourceGroupOwnerAccount',
        issues,
      ),
    };
  }
  const prefixListId = idText(
    permission.SourcePrefixListId,
    path,
    '.SourcePrefixListId',
    issues,
  ).trim();
  if (prefixListId !== '')
    return { kind: 'prefix-list', prefixListId, prefixListName: permission.SourcePrefixListName };
  issues.recordError(
    'missing-source',
    path,
    'the ingress rule was skipped because it has no source (SourceCidrIp, Ipv6SourceCidrIp, SourceGroupId or SourcePrefixListId)',
  );
  return null;
}
