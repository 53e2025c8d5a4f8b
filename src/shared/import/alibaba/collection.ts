import type { FileIssues } from '../file-issues';
import { hasOwnField, isRecord, ownField } from '../text';
import type { Collection, CollectionPage, FileContribution } from './contribution';
import { pageSchema, validate } from './schemas';

/** Fields that only a raw API response has; a `--pager` merged collection has none of them. */
const RAW_RESPONSE_FIELDS = [
  'TotalCount',
  'PageNumber',
  'PageSize',
  'NextToken',
  'MaxResults',
  'RequestId',
];

export interface CollectionShape {
  collection: Collection;
  /** `SecurityGroups` */
  containerKey: string;
  /** `SecurityGroup` */
  itemKey: string;
  /** `SecurityGroupId` */
  idKey: string;
}

export interface CollectionItems {
  items: readonly unknown[];
  /** `$.SecurityGroups.SecurityGroup` */
  itemsPath: string;
  page: CollectionPage;
}

/**
 * Reads the item array and the paging fields of a DescribeSecurityGroups/Instances/
 * NetworkInterfaces response and records the page for the completeness checks.
 * A missing item array reads as an empty page; a non-array one is an error.
 */
export function collectionItems(
  response: Record<string, unknown>,
  path: string,
  shape: CollectionShape,
  out: FileContribution,
  issues: FileIssues,
): CollectionItems {
  const containerPath = `${path}.${shape.containerKey}`;
  const itemsPath = `${containerPath}.${shape.itemKey}`;
  const container = ownField(response, shape.containerKey);
  let items: readonly unknown[] = [];
  const list = isRecord(container) ? ownField(container, shape.itemKey) : undefined;
  if (Array.isArray(list)) items = list;
  else if (list !== undefined && list !== null) {
    issues.recordError(
      'invalid-field',
      itemsPath,
      `${shape.itemKey} should be an array, so no items were imported from this response`,
    );
  }

  const raw = RAW_RESPONSE_FIELDS.some((field) => hasOwnField(response, field));
  let totalCount: number | null = null;
  let nextToken: string | null = null;
  let regionId = '';
  const paging = validate(pageSchema, response);
  if (paging.ok) {
    regionId = paging.value.RegionId;
    nextToken = paging.value.NextToken ?? null;
    totalCount = countValue(paging.value.TotalCount);
    if (
      paging.value.TotalCount !== undefined &&
      paging.value.TotalCount !== null &&
      totalCount === null
    ) {
      issues.warning(
        'invalid-field',
        `TotalCount ${JSON.stringify(String(paging.value.TotalCount).slice(0, 40))} is not a count, so this page cannot be checked for missing pages`,
        `${path}.TotalCount`,
      );
    }
  } else {
    issues.warning(
      'invalid-field',
      `the paging fields were ignored because ${paging.field.slice(1)} ${paging.detail}`,
      `${path}${paging.field}`,
    );
  }

  const page: CollectionPage = {
    collection: shape.collection,
    file: out.file,
    regionId,
    raw,
    totalCount,
    nextToken,
    itemIds: [],
    unidentifiedItems: 0,
  };
  for (const item of items) {
    const id = isRecord(item) ? ownField(item, shape.idKey) : undefined;
    if ((typeof id === 'string' && id !== '') || typeof id === 'number')
      page.itemIds.push(String(id));
    else page.unidentifiedItems += 1;
  }
  out.pages.push(page);
  return { items, itemsPath, page };
}

function countValue(value: string | number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  const parsed =
    typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null;
}

/** An item that is not an object: skipped with a record error. */
export function requireObject(
  item: unknown,
  path: string,
  noun: string,
  issues: FileIssues,
): item is Record<string, unknown> {
  if (isRecord(item)) return true;
  issues.recordError(
    'invalid-record',
    path,
    `the ${noun} was skipped because it is ${item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`}, not an object`,
  );
  return false;
}
