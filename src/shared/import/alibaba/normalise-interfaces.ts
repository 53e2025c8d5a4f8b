import type { FileIssues } from '../file-issues';
import { collectionItems, type CollectionShape } from './collection';
import type { FileContribution } from './contribution';
import { forEachValidItem } from './valid-items';
import { networkInterfaceSchema } from './schemas';
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
  forEachValidItem(
    items,
    itemsPath,
    { schema: networkInterfaceSchema, noun: 'network interface', idKey: 'NetworkInterfaceId' },
    issues,
    (nic, id, itemPath) => {
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
    },
  );
}
