/**
 * Rules as compact rows for the stored snapshot. Rules are nine tenths of a large snapshot, and as
 * JSON objects each repeats fifteen key names, its group id and its file's whole path: about
 * 490 bytes a rule. As a row with the file as an index into a table it is under 200, so the
 * snapshot is encoded, stored and read back in well under half the time.
 */
import type { PortRange, Rule, RuleSource } from '../model';

/** The positions of a rule row; the order is part of the stored format. */
export type RuleRow = [
  id: string,
  direction: Rule['direction'],
  action: Rule['action'],
  priority: number,
  protocol: Rule['protocol'],
  portsFrom: number | null,
  portsTo: number | null,
  portRangeText: string,
  portListId: string,
  source: SourceRow,
  unresolved: string | null,
  nicType: string,
  description: string,
  createTime: string,
  originFile: number,
  originPath: string,
];

type SourceRow =
  | ['cidr', family: 'ipv4' | 'ipv6', cidr: string]
  | ['security-group', groupId: string, groupName: string, ownerAccount: string]
  | ['prefix-list', prefixListId: string, prefixListName: string]
  | ['none'];

const ROW_LENGTH = 16;

function sourceRow(source: RuleSource): SourceRow {
  switch (source.kind) {
    case 'cidr':
      return ['cidr', source.family, source.cidr];
    case 'security-group':
      return ['security-group', source.groupId, source.groupName, source.ownerAccount];
    case 'prefix-list':
      return ['prefix-list', source.prefixListId, source.prefixListName];
    case 'none':
      return ['none'];
  }
}

/** Interns origin file names into a table: rows carry the index. */
export class FileTable {
  readonly names: string[] = [];
  private readonly indexes = new Map<string, number>();

  indexOf(name: string): number {
    let index = this.indexes.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.indexes.set(name, index);
    }
    return index;
  }
}

export function toRuleRow(rule: Rule, files: FileTable): RuleRow {
  return [
    rule.id,
    rule.direction,
    rule.action,
    rule.priority,
    rule.protocol,
    rule.ports?.from ?? null,
    rule.ports?.to ?? null,
    rule.portRangeText,
    rule.portListId,
    sourceRow(rule.source),
    rule.unresolved,
    rule.nicType,
    rule.description,
    rule.createTime,
    files.indexOf(rule.origin.file),
    rule.origin.path,
  ];
}

/** A row that does not have the stored shape: the message says which part. */
export class RuleRowError extends Error {
  override name = 'RuleRowError';
}

/**
 * Builds rules back from rows. Like the importer, it shares one frozen object per distinct port
 * range and address source: a large snapshot repeats a few dozen of each.
 */
export function createRuleReader(files: readonly string[]) {
  const portRanges = new Map<string, PortRange>();
  const cidrSources = new Map<string, RuleSource>();

  function ports(from: unknown, to: unknown): PortRange | null {
    if (from === null && to === null) return null;
    if (typeof from !== 'number' || typeof to !== 'number') throw new RuleRowError('its ports are not numbers');
    const key = `${from}/${to}`;
    let range = portRanges.get(key);
    if (range === undefined) {
      range = Object.freeze({ from, to });
      portRanges.set(key, range);
    }
    return range;
  }

  function source(row: unknown): RuleSource {
    if (!Array.isArray(row)) throw new RuleRowError('its source is not a row');
    const [kind, a, b, c] = row as unknown[];
    if (kind === 'cidr' && (a === 'ipv4' || a === 'ipv6') && typeof b === 'string') {
      const key = `${a} ${b}`;
      let shared = cidrSources.get(key);
      if (shared === undefined) {
        shared = Object.freeze({ kind: 'cidr', family: a, cidr: b });
        cidrSources.set(key, shared);
      }
      return shared;
    }
    if (kind === 'security-group' && typeof a === 'string' && typeof b === 'string' && typeof c === 'string')
      return { kind, groupId: a, groupName: b, ownerAccount: c };
    if (kind === 'prefix-list' && typeof a === 'string' && typeof b === 'string')
      return { kind, prefixListId: a, prefixListName: b };
    if (kind === 'none') return { kind };
    throw new RuleRowError(`its source ${JSON.stringify(kind)} is not a known kind`);
  }

  return function toRule(row: unknown, groupId: string): Rule {
    if (!Array.isArray(row) || row.length !== ROW_LENGTH) throw new RuleRowError(`it is not a row of ${ROW_LENGTH} values`);
    const [id, direction, action, priority, protocol, from, to, portRangeText, portListId, sourceValue, unresolved, nicType, description, createTime, fileIndex, path] =
      row as unknown[];
    const file = typeof fileIndex === 'number' ? files[fileIndex] : undefined;
    if (file === undefined) throw new RuleRowError('its origin file is not in the file table');
    return {
      id: id as string,
      groupId,
      direction: direction as Rule['direction'],
      action: action as Rule['action'],
      priority: priority as number,
      protocol: protocol as Rule['protocol'],
      ports: ports(from, to),
      portRangeText: portRangeText as string,
      portListId: portListId as string,
      source: source(sourceValue),
      unresolved: unresolved as string | null,
      nicType: nicType as string,
      description: description as string,
      createTime: createTime as string,
      origin: { file, path: path as string },
    };
  };
}
