import type { Instance, NetworkInterface, Origin, Rule, SecurityGroup } from '../../model';

/**
 * What one file contributed, already normalised. The builder keeps these (not the parsed JSON)
 * and merges them in build(), in file-name order, so the result does not depend on the order in
 * which files were added.
 */
export type Collection = 'security-groups' | 'instances' | 'network-interfaces';

/** A group as DescribeSecurityGroups lists it: metadata, no rules. */
export type ListedGroup = Omit<
  SecurityGroup,
  'innerAccessPolicy' | 'rulesImported' | 'rules' | 'origins'
> & { origin: Origin };

/** A DescribeSecurityGroupAttribute response: one group's rules. */
export interface GroupRules {
  groupId: string;
  name: string;
  description: string;
  regionId: string;
  vpcId: string;
  innerAccessPolicy: string;
  /** '' when absent or empty: this response ends its rule list. */
  nextToken: string;
  rules: Rule[];
  /** Ids made up as `<groupId>#<index>` (no SecurityGroupRuleId): deduplicated by content when merging. */
  syntheticIds: Set<string> | null;
  /** False when `Permissions` was unusable: the group's rules are then unknown. */
  rulesImported: boolean;
  skippedRules: number;
  origin: Origin;
}

/** One response of a paged collection, for the completeness checks. */
export interface CollectionPage {
  collection: Collection;
  file: string;
  regionId: string;
  /** A raw response (paging fields or RequestId present), as opposed to a `--pager` merged collection. */
  raw: boolean;
  totalCount: number | null;
  /** null when the field is absent. */
  nextToken: string | null;
  /** Ids of the items in this response, valid or not, to count distinct items across pages. */
  itemIds: string[];
  /** Items without a readable id, counted as distinct. */
  unidentifiedItems: number;
}

export interface FileContribution {
  file: string;
  listedGroups: ListedGroup[];
  groupRules: GroupRules[];
  instances: Instance[];
  networkInterfaces: NetworkInterface[];
  pages: CollectionPage[];
}

export function emptyContribution(file: string): FileContribution {
  return {
    file,
    listedGroups: [],
    groupRules: [],
    instances: [],
    networkInterfaces: [],
    pages: [],
  };
}

export function contributionRecordCount(contribution: FileContribution): number {
  let rules = 0;
  for (const entry of contribution.groupRules) rules += entry.rules.length;
  return (
    contribution.listedGroups.length +
    rules +
    contribution.instances.length +
    contribution.networkInterfaces.length
  );
}
