/**
 * The objects the checks judge, built once per snapshot: every group, and every instance with the
 * group lists of each of its network interfaces.
 */
import type { EvidenceGap, Instance, NetworkInterface, Snapshot } from '../model';
import type { GroupTarget, InstanceTarget, InterfaceTarget } from './context';

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

function interfacesByInstance(snapshot: Snapshot): Map<string, NetworkInterface[]> {
  const byInstance = new Map<string, NetworkInterface[]>();
  const seen = new Set<string>();
  for (const nic of snapshot.networkInterfaces) {
    if (nic.instanceId === '' || seen.has(nic.id)) continue;
    seen.add(nic.id);
    append(byInstance, nic.instanceId, nic);
  }
  return byInstance;
}

/**
 * The primary interface always carries the instance's own group list. A primary ENI whose list
 * differs (exports taken at different times) is judged as well, under its own id: which list is
 * current cannot be known offline, and an exposure through either must not be missed.
 */
function interfacesOf(instance: Instance, nics: readonly NetworkInterface[]): InterfaceTarget[] {
  const primary: InterfaceTarget = {
    networkInterfaceId: null,
    securityGroupIds: unique(instance.securityGroupIds),
  };
  const others = nics
    .filter(
      (nic) =>
        nic.type === 'secondary' || !sameMembers(nic.securityGroupIds, primary.securityGroupIds),
    )
    .map((nic) => ({ networkInterfaceId: nic.id, securityGroupIds: unique(nic.securityGroupIds) }));
  return [primary, ...others];
}

/** Gaps of each group, by group id; a group named but absent, or without rules, gets one. */
function gapsByGroup(
  snapshot: Snapshot,
  usersByGroup: ReadonlyMap<string, string[]>,
): Map<string, EvidenceGap[]> {
  const byGroup = new Map<string, EvidenceGap[]>();
  for (const gap of snapshot.gaps) {
    if (gap.kind === 'missing-pages') continue;
    if (gap.groupId !== undefined) append(byGroup, gap.groupId, gap);
  }
  const imported = new Map(snapshot.groups.map((group) => [group.id, group.rulesImported]));
  const groupIds = unique([...imported.keys(), ...usersByGroup.keys()]);
  for (const groupId of groupIds) {
    const known = byGroup.get(groupId)?.some((gap) => gap.kind === 'missing-rules') ?? false;
    if (imported.get(groupId) === true || known) continue;
    const referencedBy = unique(usersByGroup.get(groupId) ?? []);
    append(byGroup, groupId, { kind: 'missing-rules', groupId, referencedBy });
  }
  return byGroup;
}

/**
 * Unread pages of network interfaces can hide a secondary interface of any instance of the region,
 * and with it the groups it brings: every such instance's verdict lacks that evidence.
 */
function interfaceGaps(gaps: readonly EvidenceGap[]): (regionId: string) => EvidenceGap[] {
  const relevant = gaps.filter(
    (gap) =>
      (gap.kind === 'more-pages' || gap.kind === 'missing-pages') &&
      gap.collection === 'network-interfaces',
  );
  return (regionId) =>
    relevant.filter(
      (gap) => gap.kind !== 'missing-pages' || gap.regionId === '' || gap.regionId === regionId,
    );
}

export interface Targets {
  groups: GroupTarget[];
  instances: InstanceTarget[];
}

export function buildTargets(snapshot: Snapshot): Targets {
  const nicsByInstance = interfacesByInstance(snapshot);
  const usersByGroup = new Map<string, string[]>();
  const instanceParts = snapshot.instances.map((instance) => {
    const nics = nicsByInstance.get(instance.id) ?? [];
    const interfaces = interfacesOf(instance, nics);
    const groupIds = unique(interfaces.flatMap((nic) => nic.securityGroupIds));
    for (const groupId of groupIds) append(usersByGroup, groupId, instance.id);
    const publicIps = unique([...instance.publicIps, ...nics.map((nic) => nic.publicIp)]).filter(
      (ip) => ip !== '',
    );
    return { instance, interfaces, groupIds, publicIps };
  });
  for (const users of usersByGroup.values()) users.sort();
  const groupGaps = gapsByGroup(snapshot, usersByGroup);
  const interfaceGapsIn = interfaceGaps(snapshot.gaps);

  const groups = snapshot.groups.map((group): GroupTarget => ({
    level: 'security-group',
    group,
    instanceIds: unique(usersByGroup.get(group.id) ?? []),
    gaps: groupGaps.get(group.id) ?? [],
  }));
  const instances = instanceParts.map(
    ({ instance, interfaces, groupIds, publicIps }): InstanceTarget => ({
      level: 'instance',
      instance,
      interfaces,
      publicIps,
      gaps: unique([
        ...groupIds.flatMap((groupId) => groupGaps.get(groupId) ?? []),
        ...interfaceGapsIn(instance.regionId),
      ]),
    }),
  );
  return { groups, instances };
}
