import type {
  ImportIssue,
  Instance,
  NetworkInterface,
  Origin,
  Rule,
  SecurityGroup,
} from '../model';
import type { FileContribution, GroupRules, ListedGroup } from './alibaba/contribution';
import { compareText } from './text';

/**
 * Merges the normalised contributions of all files (already in file-name order) into one set
 * of groups, instances and interfaces. Everything is looked up through Maps, so ids such as
 * `__proto__` are ordinary keys.
 */
export interface MergeResult {
  groups: SecurityGroup[];
  instances: Instance[];
  networkInterfaces: NetworkInterface[];
  issues: ImportIssue[];
}

interface GroupParts {
  listed: ListedGroup[];
  rules: GroupRules[];
}

export function mergeContributions(contributions: readonly FileContribution[]): MergeResult {
  const issues: ImportIssue[] = [];
  const parts = new Map<string, GroupParts>();
  const partsOf = (id: string): GroupParts => {
    let entry = parts.get(id);
    if (entry === undefined) {
      entry = { listed: [], rules: [] };
      parts.set(id, entry);
    }
    return entry;
  };
  for (const contribution of contributions) {
    for (const listed of contribution.listedGroups) partsOf(listed.id).listed.push(listed);
    for (const rules of contribution.groupRules) partsOf(rules.groupId).rules.push(rules);
  }

  const groups: SecurityGroup[] = [];
  for (const id of sortedKeys(parts)) groups.push(mergeGroup(id, parts.get(id)!, issues));

  const instances = mergeById(
    contributions.flatMap((contribution) => contribution.instances),
    (kept, other) =>
      `instance ${JSON.stringify(kept.id)} appears in ${describeOrigins(kept.origin, other.origin)} with different content; the one in ${kept.origin.file} was kept`,
    issues,
  );
  const networkInterfaces = mergeById(
    contributions.flatMap((contribution) => contribution.networkInterfaces),
    (kept, other) =>
      `network interface ${JSON.stringify(kept.id)} appears in ${describeOrigins(kept.origin, other.origin)} with different content; the one in ${kept.origin.file} was kept`,
    issues,
  );
  return { groups, instances, networkInterfaces, issues };
}

function sortedKeys<T>(map: Map<string, T>): string[] {
  return [...map.keys()].sort(compareText);
}

function describeOrigins(first: Origin, second: Origin): string {
  return first.file === second.file
    ? `${first.file} twice (${first.path} and ${second.path})`
    : `${first.file} and ${second.file}`;
}

function conflict(issues: ImportIssue[], other: Origin, detail: string): void {
  issues.push({
    severity: 'warning',
    code: 'conflicting-duplicate',
    message: `${other.file}, ${other.path}: ${detail}.`,
    file: other.file,
    path: other.path,
  });
}

function firstNonEmpty(...values: (string | undefined)[]): string {
  for (const value of values) if (value !== undefined && value !== '') return value;
  return '';
}

function mergeGroup(id: string, parts: GroupParts, issues: ImportIssue[]): SecurityGroup {
  const listed = parts.listed[0];
  const attribute = parts.rules[0];
  const reported = new Set<string>();
  const reportConflict = (kept: Origin, other: Origin): void => {
    const pair = `${kept.file}\u0000${other.file}`;
    if (reported.has(pair)) return;
    reported.add(pair);
    conflict(
      issues,
      other,
      `security group ${JSON.stringify(id)} appears in ${describeOrigins(kept, other)} with different content; the details of ${kept.file} were kept and the rules of both merged`,
    );
  };

  for (const other of parts.listed.slice(1))
    if (!sameListedGroup(listed!, other)) reportConflict(listed!.origin, other.origin);
  for (const other of parts.rules.slice(1))
    if (!sameAttributeResponse(attribute!, other)) reportConflict(attribute!.origin, other.origin);

  return {
    id,
    // Metadata from the DescribeSecurityGroups list; the attribute response fills what it lacks.
    name: firstNonEmpty(listed?.name, ...parts.rules.map((entry) => entry.name)),
    description: firstNonEmpty(
      listed?.description,
      ...parts.rules.map((entry) => entry.description),
    ),
    regionId: firstNonEmpty(
      ...parts.listed.map((entry) => entry.regionId),
      ...parts.rules.map((entry) => entry.regionId),
    ),
    vpcId: firstNonEmpty(listed?.vpcId, ...parts.rules.map((entry) => entry.vpcId)),
    type: listed?.type ?? '',
    innerAccessPolicy: firstNonEmpty(...parts.rules.map((entry) => entry.innerAccessPolicy)),
    resourceGroupId: listed?.resourceGroupId ?? '',
    creationTime: listed?.creationTime ?? '',
    serviceManaged: listed?.serviceManaged ?? false,
    tags: listed?.tags ?? [],
    rulesImported: parts.rules.some((entry) => entry.rulesImported),
    rules: mergeRules(id, parts.rules, reportConflict),
    origins: [
      ...parts.listed.map((entry) => entry.origin),
      ...parts.rules.map((entry) => entry.origin),
    ],
  };
}

function sameListedGroup(left: ListedGroup, right: ListedGroup): boolean {
  return (
    left.name === right.name &&
    left.description === right.description &&
    left.vpcId === right.vpcId &&
    left.type === right.type &&
    left.resourceGroupId === right.resourceGroupId &&
    left.creationTime === right.creationTime &&
    left.serviceManaged === right.serviceManaged &&
    (left.regionId === '' || right.regionId === '' || left.regionId === right.regionId) &&
    JSON.stringify(left.tags) === JSON.stringify(right.tags)
  );
}

/**
 * Two attribute responses of one group agree when their metadata match and, where both claim to
 * be complete (no NextToken) for the same NicType, their rules are the same. Classic groups
 * exported once per NicType, and pages of one export, are therefore not conflicts.
 */
function sameAttributeResponse(left: GroupRules, right: GroupRules): boolean {
  if (
    left.name !== right.name ||
    left.description !== right.description ||
    left.vpcId !== right.vpcId ||
    left.innerAccessPolicy !== right.innerAccessPolicy ||
    (left.regionId !== '' && right.regionId !== '' && left.regionId !== right.regionId)
  ) {
    return false;
  }
  if (
    left.nextToken !== '' ||
    right.nextToken !== '' ||
    !left.rulesImported ||
    !right.rulesImported
  )
    return true;
  const leftByNic = ruleKeysByNicType(left);
  const rightByNic = ruleKeysByNicType(right);
  for (const [nicType, keys] of leftByNic) {
    const otherKeys = rightByNic.get(nicType);
    if (otherKeys !== undefined && otherKeys !== keys) return false;
  }
  return true;
}

function ruleKeysByNicType(response: GroupRules): Map<string, string> {
  const keys = new Map<string, string[]>();
  for (const rule of response.rules) {
    const list = keys.get(rule.nicType) ?? [];
    // Made-up ids are positional, so only the content identifies those rules.
    list.push(
      response.syntheticIds?.has(rule.id)
        ? ruleContentKey(rule)
        : `${rule.id}\u0000${ruleContentKey(rule)}`,
    );
    keys.set(rule.nicType, list);
  }
  return new Map([...keys].map(([nicType, list]) => [nicType, list.sort(compareText).join('\n')]));
}

/** Everything that defines a rule except its id and where it was read. */
function ruleContentKey(rule: Rule): string {
  return JSON.stringify([
    rule.direction,
    rule.action,
    rule.priority,
    rule.protocol,
    rule.ports,
    rule.portRangeText,
    rule.portListId,
    rule.source,
    rule.unresolved,
    rule.nicType,
    rule.description,
    rule.createTime,
  ]);
}

/**
 * Union of the rules of every attribute response of one group. Real rule ids deduplicate by id
 * (a different content under the same id is a conflict); made-up `<groupId>#<index>` ids
 * deduplicate by content and are renumbered when two files used the same index for different rules.
 */
function mergeRules(
  groupId: string,
  responses: readonly GroupRules[],
  reportConflict: (kept: Origin, other: Origin) => void,
): Rule[] {
  if (responses.length === 0) return [];
  // The common case: one attribute file per group, nothing to compare, no keys computed.
  if (responses.length === 1) return [...responses[0]!.rules];

  const merged: Rule[] = [];
  const byId = new Map<string, { rule: Rule; key: string }>();
  const contentKeys = new Set<string>();
  let nextSyntheticIndex = 0;
  const add = (rule: Rule, key: string): void => {
    merged.push(rule);
    byId.set(rule.id, { rule, key });
    contentKeys.add(key);
  };
  for (const response of responses) {
    for (const rule of response.rules) {
      const key = ruleContentKey(rule);
      if (response.syntheticIds?.has(rule.id)) {
        if (contentKeys.has(key)) continue;
        if (!byId.has(rule.id)) {
          add(rule, key);
          continue;
        }
        let id: string;
        do id = `${groupId}#${nextSyntheticIndex++}`;
        while (byId.has(id));
        add({ ...rule, id }, key);
        continue;
      }
      const existing = byId.get(rule.id);
      if (existing === undefined) add(rule, key);
      else if (existing.key !== key) reportConflict(existing.rule.origin, rule.origin);
    }
  }
  return merged;
}

/** First occurrence wins; a later one with different content is reported. Sorted by id. */
function mergeById<T extends { id: string; origin: Origin }>(
  items: readonly T[],
  describeConflict: (kept: T, other: T) => string,
  issues: ImportIssue[],
): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    const kept = byId.get(item.id);
    if (kept === undefined) byId.set(item.id, item);
    else if (contentKey(kept) !== contentKey(item))
      conflict(issues, item.origin, describeConflict(kept, item));
  }
  return sortedKeys(byId).map((id) => byId.get(id)!);
}

/** Everything but where it was read (instances and interfaces have no nested `origin`). */
function contentKey(item: { origin: Origin }): string {
  return JSON.stringify(item, (key, value: unknown) => (key === 'origin' ? undefined : value));
}
