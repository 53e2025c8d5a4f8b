import * as v from 'valibot';

/**
 * Valibot schemas for the records of the four Alibaba Cloud calls, built once at module level.
 * They check types and copy the fields we use into fresh objects (unknown keys, including
 * `__proto__` and `constructor`, are dropped). Meaning (ports, CIDRs, priorities) is checked by
 * the normalisers, which can name a precise reason.
 *
 * Unset fields come as "" from the CLI and are left out by SDK `toMap()` dumps; some SDKs write
 * null. All three read as "".
 */
const text = v.nullish(v.string(), '');

/** Ids stay strings; a number is accepted here and stringified (with a precision check) by the normaliser. */
const idValue = v.nullish(v.union([v.string(), v.number()]), '');

/** `Priority`, `IpProtocol`, `TotalCount`…: numbers or numeric strings, converted explicitly per field. */
const numberOrText = v.nullish(v.union([v.number(), v.string()]));

const tags = v.nullish(
  v.object({
    Tag: v.nullish(v.array(v.object({ TagKey: idValue, TagValue: idValue }))),
  }),
);

const ipAddressList = v.nullish(v.object({ IpAddress: v.nullish(v.array(text)) }));

const securityGroupIdList = v.nullish(v.object({ SecurityGroupId: v.nullish(v.array(idValue)) }));

export const permissionSchema = v.object({
  SecurityGroupRuleId: idValue,
  Direction: text,
  Policy: text,
  Priority: numberOrText,
  IpProtocol: numberOrText,
  PortRange: idValue,
  PortRangeListId: idValue,
  SourceCidrIp: text,
  Ipv6SourceCidrIp: text,
  SourceGroupId: idValue,
  SourceGroupName: text,
  SourceGroupOwnerAccount: idValue,
  SourcePrefixListId: idValue,
  SourcePrefixListName: text,
  NicType: text,
  Description: text,
  CreateTime: text,
});
export type PermissionRecord = v.InferOutput<typeof permissionSchema>;

/** DescribeSecurityGroupAttribute top level; `Permissions` is walked separately so one bad rule skips only itself. */
export const attributeSchema = v.object({
  SecurityGroupId: idValue,
  SecurityGroupName: text,
  Description: text,
  RegionId: text,
  VpcId: text,
  InnerAccessPolicy: text,
  NextToken: v.nullish(v.string()),
});
export type AttributeRecord = v.InferOutput<typeof attributeSchema>;

/** Paging fields of a raw response; absent in `--pager` merged collections. */
export const pageSchema = v.object({
  TotalCount: numberOrText,
  PageNumber: numberOrText,
  PageSize: numberOrText,
  NextToken: v.nullish(v.string()),
  RegionId: text,
  RequestId: text,
});
export type PageRecord = v.InferOutput<typeof pageSchema>;

export const listedGroupSchema = v.object({
  SecurityGroupId: idValue,
  SecurityGroupName: text,
  Description: text,
  RegionId: text,
  VpcId: text,
  SecurityGroupType: text,
  CreationTime: text,
  ResourceGroupId: text,
  ServiceManaged: v.nullish(v.union([v.boolean(), v.string()])),
  Tags: tags,
});
export type ListedGroupRecord = v.InferOutput<typeof listedGroupSchema>;

export const instanceSchema = v.object({
  InstanceId: idValue,
  InstanceName: text,
  HostName: text,
  Description: text,
  RegionId: text,
  ZoneId: text,
  Status: text,
  InstanceType: text,
  OSType: text,
  OSName: text,
  InstanceNetworkType: text,
  VpcAttributes: v.nullish(v.object({ VpcId: text, PrivateIpAddress: ipAddressList })),
  /** Classic-network private addresses. */
  InnerIpAddress: ipAddressList,
  PublicIpAddress: ipAddressList,
  EipAddress: v.nullish(v.object({ IpAddress: text })),
  SecurityGroupIds: securityGroupIdList,
  Tags: tags,
});
export type InstanceRecord = v.InferOutput<typeof instanceSchema>;

export const networkInterfaceSchema = v.object({
  NetworkInterfaceId: idValue,
  Type: text,
  InstanceId: idValue,
  SecurityGroupIds: securityGroupIdList,
  AssociatedPublicIp: v.nullish(v.object({ PublicIpAddress: text })),
  PrivateIpAddress: text,
  PrivateIpSets: v.nullish(
    v.object({ PrivateIpSet: v.nullish(v.array(v.object({ PrivateIpAddress: text }))) }),
  ),
});
export type NetworkInterfaceRecord = v.InferOutput<typeof networkInterfaceSchema>;

/** Stop at the first problem: a skipped record needs one reason, and failures stay cheap. */
const FIRST_ISSUE_ONLY = { abortEarly: true, abortPipeEarly: true } as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; field: string; detail: string };

/**
 * Runs a schema and turns valibot's first issue into a field path below the record and a short
 * reason ("should be a string, found 5").
 */
export function validate<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): Validation<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input, FIRST_ISSUE_ONLY);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const field = (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('');
  return {
    ok: false,
    field,
    detail: `should be ${describeExpected(issue.expected)}, found ${issue.received}`,
  };
}

function describeExpected(expected: string | null): string {
  if (expected === null) return 'valid';
  return (
    expected
      .replace(/\(|\)/g, '')
      .split(' | ')
      .filter((name) => name !== 'null' && name !== 'undefined')
      .join(' or ') || expected
  );
}
