import type { EvidenceGap, ImportIssue, Instance, NetworkInterface, SecurityGroup } from '../model';
import type { Collection, CollectionPage, FileContribution } from './alibaba/contribution';
import { compareText } from './text';

/**
 * Evidence the export lacks, each also reported as a warning: missing pages (TotalCount above
 * the items present), further pages announced by a NextToken, groups in use whose rules were
 * not imported, and rules skipped as invalid. Results these touch are incomplete, never passed.
 */
export interface Completeness {
  gaps: EvidenceGap[];
  issues: ImportIssue[];
}

const COLLECTION_NAMES: Record<Collection, string> = {
  'security-groups': 'DescribeSecurityGroups',
  instances: 'DescribeInstances',
  'network-interfaces': 'DescribeNetworkInterfaces',
};

export function completeness(
  contributions: readonly FileContribution[],
  groups: readonly SecurityGroup[],
  instances: readonly Instance[],
  networkInterfaces: readonly NetworkInterface[],
): Completeness {
  const result: Completeness = { gaps: [], issues: [] };
  const warn = (gap: EvidenceGap, file: string, message: string): void => {
    result.gaps.push(gap);
    result.issues.push({
      severity: 'warning',
      code: gap.kind,
      message: `${file}: ${message}.`,
      file,
    });
  };
  checkPages(contributions, warn);
  checkRulePages(contributions, warn);
  checkMissingRules(groups, instances, networkInterfaces, warn);
  checkSkippedRules(contributions, warn);
  return result;
}

type Warn = (gap: EvidenceGap, file: string, message: string) => void;

function checkPages(contributions: readonly FileContribution[], warn: Warn): void {
  // Two pages of one collection and region are parts of one listing, not duplicates.
  const pagesByListing = new Map<string, CollectionPage[]>();
  for (const contribution of contributions) {
    for (const page of contribution.pages) {
      if (!page.raw) continue;
      const key = `${page.collection}\u0000${page.regionId}`;
      const pages = pagesByListing.get(key) ?? [];
      pages.push(page);
      pagesByListing.set(key, pages);
    }
  }
  for (const key of [...pagesByListing.keys()].sort(compareText)) {
    const pages = pagesByListing.get(key)!;
    const { collection, regionId } = pages[0]!;
    const region = regionId === '' ? 'an unnamed region' : `region ${regionId}`;

    let expected: number | null = null;
    for (const page of pages)
      if (page.totalCount !== null) expected = Math.max(expected ?? 0, page.totalCount);
    // Distinct ids, so the same page exported twice is not counted twice.
    const ids = new Set<string>();
    let unidentified = 0;
    for (const page of pages) {
      for (const id of page.itemIds) ids.add(id);
      unidentified += page.unidentifiedItems;
    }
    const present = ids.size + unidentified;
    if (expected !== null && present < expected) {
      warn(
        { kind: 'missing-pages', collection, regionId, expected, present },
        pages[0]!.file,
        `the ${COLLECTION_NAMES[collection]} export for ${region} has ${present} of ${expected} items (TotalCount ${expected}), so pages are missing`,
      );
    }

    // NextToken paging: the last page has an empty token. Tokens everywhere and no last page means more pages exist.
    const withToken = pages.filter((page) => page.nextToken !== null && page.nextToken !== '');
    const lastPages = pages.filter((page) => page.nextToken === null || page.nextToken === '');
    if (withToken.length > 0 && lastPages.length === 0) {
      const file = withToken[0]!.file;
      warn(
        { kind: 'more-pages', collection, file },
        file,
        `the ${COLLECTION_NAMES[collection]} export for ${region} has a non-empty NextToken and its last page was not imported, so more pages exist`,
      );
    }
  }
}

function checkRulePages(contributions: readonly FileContribution[], warn: Warn): void {
  const tokensByGroup = new Map<string, { paged: string[]; ended: boolean }>();
  for (const contribution of contributions) {
    for (const response of contribution.groupRules) {
      const entry = tokensByGroup.get(response.groupId) ?? { paged: [], ended: false };
      if (response.nextToken !== '') entry.paged.push(response.origin.file);
      else entry.ended = true;
      tokensByGroup.set(response.groupId, entry);
    }
  }
  for (const groupId of [...tokensByGroup.keys()].sort(compareText)) {
    const entry = tokensByGroup.get(groupId)!;
    if (entry.paged.length === 0 || entry.ended) continue;
    const file = entry.paged[0]!;
    warn(
      { kind: 'more-pages', collection: 'rules', file, groupId },
      file,
      `the rules of security group ${JSON.stringify(groupId)} continue on another page (NextToken is not empty) that was not imported`,
    );
  }
}

const MAX_REFERENCES_SHOWN = 5;

function checkMissingRules(
  groups: readonly SecurityGroup[],
  instances: readonly Instance[],
  networkInterfaces: readonly NetworkInterface[],
  warn: Warn,
): void {
  const imported = new Set<string>();
  for (const group of groups) if (group.rulesImported) imported.add(group.id);
  const referencedBy = new Map<string, Set<string>>();
  const firstFile = new Map<string, string>();
  const reference = (groupId: string, file: string, referrer: string | null): void => {
    if (imported.has(groupId)) return;
    let referrers = referencedBy.get(groupId);
    if (referrers === undefined) {
      referrers = new Set();
      referencedBy.set(groupId, referrers);
      firstFile.set(groupId, file);
    }
    if (referrer !== null) referrers.add(referrer);
  };
  for (const instance of instances)
    for (const groupId of instance.securityGroupIds)
      reference(groupId, instance.origin.file, instance.id);
  for (const nic of networkInterfaces)
    for (const groupId of nic.securityGroupIds)
      reference(groupId, nic.origin.file, nic.instanceId || nic.id);
  // Listed groups, and groups whose attribute file had no usable Permissions, even when nothing uses them.
  for (const group of groups)
    if (!group.rulesImported) reference(group.id, group.origins[0]?.file ?? '', null);

  for (const groupId of [...referencedBy.keys()].sort(compareText)) {
    const referrers = [...referencedBy.get(groupId)!].sort(compareText);
    const shown = referrers.slice(0, MAX_REFERENCES_SHOWN).join(', ');
    const more =
      referrers.length > MAX_REFERENCES_SHOWN
        ? ` and ${referrers.length - MAX_REFERENCES_SHOWN} more`
        : '';
    const usage =
      referrers.length === 0
        ? 'no instance in the export uses it'
        : `it is used by ${shown}${more}`;
    warn(
      { kind: 'missing-rules', groupId, referencedBy: referrers },
      firstFile.get(groupId)!,
      `the rules of security group ${JSON.stringify(groupId)} were not imported (no usable DescribeSecurityGroupAttribute export); ${usage}`,
    );
  }
}

function checkSkippedRules(contributions: readonly FileContribution[], warn: Warn): void {
  const skipped = new Map<string, { count: number; file: string }>();
  for (const contribution of contributions) {
    for (const response of contribution.groupRules) {
      if (response.skippedRules === 0) continue;
      const entry = skipped.get(response.groupId) ?? { count: 0, file: response.origin.file };
      entry.count += response.skippedRules;
      skipped.set(response.groupId, entry);
    }
  }
  for (const groupId of [...skipped.keys()].sort(compareText)) {
    const { count, file } = skipped.get(groupId)!;
    warn(
      { kind: 'skipped-rules', groupId, count },
      file,
      `${count} ${count === 1 ? 'rule' : 'rules'} of security group ${JSON.stringify(groupId)} ${count === 1 ? 'was' : 'were'} skipped as invalid, so its results are incomplete`,
    );
  }
}
