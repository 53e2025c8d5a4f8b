import type { Protocol, Tag } from '../../model';
import type { FileIssues } from '../file-issues';

/**
 * Field conversions shared by the Alibaba normalisers. Each returns the value or a reason, so
 * the caller can skip the record with a precise code.
 */

/**
 * An id that may have come as a JSON number. Numbers above 2^53 have already lost digits in
 * JSON.parse (a 20-digit OwnerId): say so rather than pretend the id is exact. The path is only
 * assembled for that warning, keeping string building off the per-rule path.
 */
export function idText(
  value: string | number,
  path: string,
  field: `.${string}`,
  issues: FileIssues,
): string {
  if (typeof value === 'string') return value;
  if (!Number.isSafeInteger(value)) {
    issues.warning(
      'imprecise-number',
      `the id ${String(value)} was exported as a JSON number too large to be exact, so its last digits may be wrong; export ids as strings`,
      `${path}${field}`,
    );
  }
  return String(value);
}

export function tagList(
  record:
    | { Tag?: { TagKey: string | number; TagValue: string | number }[] | null | undefined }
    | null
    | undefined,
): Tag[] {
  const entries = record?.Tag;
  if (!entries) return [];
  return entries.map((entry) => ({ key: String(entry.TagKey), value: String(entry.TagValue) }));
}

/** Non-empty, trimmed, first occurrence kept, in order. */
export function uniqueNonEmpty(values: readonly (string | number)[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    const trimmed = String(value).trim();
    if (trimmed === '' || seen.has(trimmed)) continue;
    seen.add(trimmed);
    result.push(trimmed);
  }
  return result;
}

const DEFAULT_PRIORITY = 1;
const INTEGER_TEXT = /^[+-]?\d+$/;

/**
 * A number or numeric string, any integer; missing or "" is Alibaba's default, 1.
 * NaN when unusable (priorityProblem says why): no result object per rule.
 */
export function priorityValue(value: string | number | null | undefined): number {
  if (value === undefined || value === null) return DEFAULT_PRIORITY;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : Number.NaN;
  const trimmed = value.trim();
  if (trimmed === '') return DEFAULT_PRIORITY;
  const parsed = Number(trimmed);
  return INTEGER_TEXT.test(trimmed) && Number.isSafeInteger(parsed) ? parsed : Number.NaN;
}

export function priorityProblem(value: string | number | null | undefined): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    return 'Priority is a number too large to represent (such as 1e400)';
  return `Priority ${typeof value === 'string' ? shown(value) : String(value)} is not an integer`;
}

const PROTOCOL_BY_NAME = new Map<string, Protocol>([
  // The CLI's spelling first: most lookups hit without lower-casing.
  ['TCP', 'tcp'],
  ['UDP', 'udp'],
  ['ICMP', 'icmp'],
  ['ICMPv6', 'icmpv6'],
  ['GRE', 'gre'],
  ['ALL', 'all'],
  ['tcp', 'tcp'],
  ['udp', 'udp'],
  ['icmp', 'icmp'],
  ['icmpv6', 'icmpv6'],
  ['gre', 'gre'],
  ['all', 'all'],
]);

/** IANA protocol numbers used by a few regions. */
const PROTOCOL_BY_NUMBER = new Map<number, Protocol>([
  [6, 'tcp'],
  [17, 'udp'],
  [1, 'icmp'],
  [58, 'icmpv6'],
  [47, 'gre'],
]);

/** null when missing or unknown; protocolProblem says which. */
export function protocolValue(value: string | number | null | undefined): Protocol | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return PROTOCOL_BY_NUMBER.get(value) ?? null;
  const byName = PROTOCOL_BY_NAME.get(value) ?? PROTOCOL_BY_NAME.get(value.trim().toLowerCase());
  if (byName !== undefined) return byName;
  const trimmed = value.trim();
  return /^\d{1,3}$/.test(trimmed) ? (PROTOCOL_BY_NUMBER.get(Number(trimmed)) ?? null) : null;
}

export function protocolProblem(value: string | number | null | undefined): {
  code: 'missing-protocol' | 'unknown-protocol';
  reason: string;
} {
  if (value === undefined || value === null || value === '')
    return { code: 'missing-protocol', reason: 'IpProtocol is missing' };
  return {
    code: 'unknown-protocol',
    reason: `IpProtocol ${typeof value === 'string' ? shown(value.trim()) : String(value)} is not a known protocol`,
  };
}

/** "22/22" → 22..22, only when 1 ≤ from ≤ to ≤ 65535; anything else is null. */
export function tcpUdpPortRange(text: string): { from: number; to: number } | null {
  const slash = text.indexOf('/');
  if (slash === -1) return null;
  const from = portNumber(text, 0, slash);
  const to = portNumber(text, slash + 1, text.length);
  if (from === -1 || to === -1 || from < 1 || from > to || to > 65535) return null;
  return { from, to };
}

/** Decimal digits only (at most 5) between start and end, else -1. A split is enough: no regex per rule. */
function portNumber(text: string, start: number, end: number): number {
  const length = end - start;
  if (length < 1 || length > 5) return -1;
  let value = 0;
  for (let index = start; index < end; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Missing or "" is Alibaba's default, accept. */
export function actionValue(policy: string): 'accept' | 'drop' | null {
  if (policy === 'Accept' || policy === '') return 'accept';
  if (policy === 'Drop') return 'drop';
  const normalised = policy.trim().toLowerCase();
  return normalised === 'accept' || normalised === ''
    ? 'accept'
    : normalised === 'drop'
      ? 'drop'
      : null;
}

export function directionValue(direction: string): 'ingress' | 'egress' | null {
  if (direction === 'ingress' || direction === 'egress') return direction;
  const normalised = direction.trim().toLowerCase();
  return normalised === 'ingress' || normalised === 'egress' ? normalised : null;
}

/** Bounded literal for messages: hostile values stay visible but short. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
