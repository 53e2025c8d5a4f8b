import type { FileIssues } from '../file-issues';
import { indexedPath } from '../json-path-cache';
import { collectionItems, requireObject, type CollectionShape } from './collection';
import type { FileContribution } from './contribution';
import { networkInterfaceSchema, validate } from './schemas';
import { idText, uniqueNonEmpty } from './values';

const SHAPE: CollectionShape = {
  collection: 'network-interfaces',
  containerKey: 'NetworkInterfaceSets',
  itemKey: 'NetworkInterfaceSet',
  idKey: 'NetworkInterfaceId',
};

/** DescribeNetworkInterfaces: the only place a secondary interface's groups appear. */
export function normaliseNetworkInterfacesResponse(
  response: Record<string, unknown>,
  path: string,
  out: FileContribution,
  issues: FileIssues,
): void {
  const { items, itemsPath } = collectionItems(response, path, SHAPE, out, issues);
  for (let index = 0; index < items.length; index += 1) {
    const itemPath = indexedPath(itemsPath, index);
    const item = items[index];
    if (!requireObject(item, itemPath, 'network interface', issues)) continue;
    const checked = validate(networkInterfaceSchema, item);
    if (!checked.ok) {
      issues.recordError(
        'invalid-field',
        `${itemPath}${checked.field}`,
        `the network interface was skipped because ${checked.field.slice(1)} ${checked.detail}`,
      );
      continue;
    }
    const nic = checked.value;
    const id = idText(nic.NetworkInterfaceId, itemPath, '.NetworkInterfaceId', issues).trim();
    if (id === '') {
      issues.recordError(
        'missing-id',
        `${itemPath}.NetworkInterfaceId`,
        'the network interface was skipped because NetworkInterfaceId is empty',
      );
      continue;
    }
    const groupIds = nic.SecurityGroupIds?.SecurityGroupId ?? [];
    out.networkInterfaces.push({
      id,
      instanceId: idText(nic.InstanceId, itemPath, '.InstanceId', issues).trim(),
      // Anything but Primary (Secondary, Trunk, Member…) is evaluated as an extra interface.
      type: nic.Type.trim().toLowerCase() === 'primary' ? 'primary' : 'secondary',
      securityGroupIds: uniqueNonEmpty(
        groupIds.map((groupId, position) =>
          idText(groupId, itemPath, `.SecurityGroupIds.SecurityGroupId[${position}]`, issues),
        ),
      ),
      publicIp: (nic.AssociatedPublicIp?.PublicIpAddress ?? '').trim(),
      privateIps: uniqueNonEmpty([
        nic.PrivateIpAddress,
        ...(nic.PrivateIpSets?.PrivateIpSet ?? []).map((entry) => entry.PrivateIpAddress),
      ]),
      origin: { file: out.file, path: itemPath },
    });
  }
}
