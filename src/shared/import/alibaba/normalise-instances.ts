import type { FileIssues } from '../file-issues';
import { collectionItems, type CollectionShape } from './collection';
import type { FileContribution } from './contribution';
import { forEachValidItem } from './valid-items';
import { instanceSchema } from './schemas';
import { idText, tagList, uniqueNonEmpty } from './values';

const SHAPE: CollectionShape = {
  collection: 'instances',
  containerKey: 'Instances',
  itemKey: 'Instance',
  idKey: 'InstanceId',
};

/** DescribeInstances: each instance with its primary interface's groups and public addresses. */
export function normaliseInstancesResponse(
  response: Record<string, unknown>,
  path: string,
  out: FileContribution,
  issues: FileIssues,
): void {
  const { items, itemsPath, page } = collectionItems(response, path, SHAPE, out, issues);
  forEachValidItem(
    items,
    itemsPath,
    { schema: instanceSchema, noun: 'instance', idKey: 'InstanceId' },
    issues,
    (instance, id, itemPath) => {
      // DescribeInstances pages carry no RegionId of their own; the items do. Use it for the page's region.
      if (page.regionId === '') page.regionId = instance.RegionId;
      const groupIds = instance.SecurityGroupIds?.SecurityGroupId ?? [];
      out.instances.push({
        id,
        name: instance.InstanceName,
        hostName: instance.HostName,
        description: instance.Description,
        regionId: instance.RegionId,
        zoneId: instance.ZoneId,
        status: instance.Status,
        instanceType: instance.InstanceType,
        osType: instance.OSType,
        osName: instance.OSName,
        networkType: instance.InstanceNetworkType,
        vpcId: instance.VpcAttributes?.VpcId ?? '',
        securityGroupIds: uniqueNonEmpty(
          groupIds.map((groupId, position) =>
            idText(groupId, itemPath, `.SecurityGroupIds.SecurityGroupId[${position}]`, issues),
          ),
        ),
        publicIps: uniqueNonEmpty([
          ...(instance.PublicIpAddress?.IpAddress ?? []),
          instance.EipAddress?.IpAddress ?? '',
        ]),
        privateIps: uniqueNonEmpty([
          ...(instance.VpcAttributes?.PrivateIpAddress?.IpAddress ?? []),
          ...(instance.InnerIpAddress?.IpAddress ?? []),
        ]),
        tags: tagList(instance.Tags),
        origin: { file: out.file, path: itemPath },
      });
    },
  );
}
