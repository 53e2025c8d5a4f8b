import type { FileIssues } from '../file-issues';
import { collectionItems, type CollectionShape } from './collection';
import type { FileContribution } from './contribution';
import { forEachValidItem } from './valid-items';
import { listedGroupSchema } from './schemas';
import { tagList } from './values';

const SHAPE: CollectionShape = {
  collection: 'security-groups',
  containerKey: 'SecurityGroups',
  itemKey: 'SecurityGroup',
  idKey: 'SecurityGroupId',
};

/** DescribeSecurityGroups: group metadata (name, VPC, type, tags); the rules come from attribute files. */
export function normaliseSecurityGroupsResponse(
  response: Record<string, unknown>,
  path: string,
  out: FileContribution,
  issues: FileIssues,
): void {
  const { items, itemsPath, page } = collectionItems(response, path, SHAPE, out, issues);
  forEachValidItem(
    items,
    itemsPath,
    { schema: listedGroupSchema, noun: 'security group', idKey: 'SecurityGroupId' },
    issues,
    (group, id, itemPath) => {
      out.listedGroups.push({
        id,
        name: group.SecurityGroupName,
        description: group.Description,
        // Items rarely carry RegionId; the raw page does.
        regionId: group.RegionId || page.regionId,
        vpcId: group.VpcId,
        type: group.SecurityGroupType,
        resourceGroupId: group.ResourceGroupId,
        creationTime: group.CreationTime,
        serviceManaged:
          group.ServiceManaged === true ||
          (typeof group.ServiceManaged === 'string' &&
            group.ServiceManaged.trim().toLowerCase() === 'true'),
        tags: tagList(group.Tags),
        origin: { file: out.file, path: itemPath },
      });
    },
  );
}
