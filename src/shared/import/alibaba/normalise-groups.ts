import type { FileIssues } from '../file-issues';
import { indexedPath } from '../json-path-cache';
import { collectionItems, requireObject, type CollectionShape } from './collection';
import type { FileContribution } from './contribution';
import { listedGroupSchema, validate } from './schemas';
import { idText, tagList } from './values';

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
  for (let index = 0; index < items.length; index += 1) {
    const itemPath = indexedPath(itemsPath, index);
    const item = items[index];
    if (!requireObject(item, itemPath, 'security group', issues)) continue;
    const checked = validate(listedGroupSchema, item);
    if (!checked.ok) {
      issues.recordError(
        'invalid-field',
        `${itemPath}${checked.field}`,
        `the security group was skipped because ${checked.field.slice(1)} ${checked.detail}`,
      );
      continue;
    }
    const group = checked.value;
    const id = idText(group.SecurityGroupId, itemPath, '.SecurityGroupId', issues).trim();
    if (id === '') {
      issues.recordError(
        'missing-id',
        `${itemPath}.SecurityGroupId`,
        'the security group was skipped because SecurityGroupId is empty',
      );
      continue;
    }
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
  }
}
