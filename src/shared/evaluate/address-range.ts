/**
 * Address coverage on integer ranges, never on strings: `1.2.3.4/0` covers all of IPv4 and
 * `0.0.0.0/1` + `128.0.0.0/1` together cover it too.
 */
import ipaddr from 'ipaddr.js';
import type { AddressFamily } from '../model';

/** Inclusive range of addresses of one family, as integers. */
export interface AddressRange {
  family: AddressFamily;
  start: bigint;
  end: bigint;
}

const FAMILY_BITS: Record<AddressFamily, number> = { ipv4: 32, ipv6: 128 };

const WHOLE_FAMILY: Record<AddressFamily, AddressRange> = {
  ipv4: { family: 'ipv4', start: 0n, end: (1n << 32n) - 1n },
  ipv6: { family: 'ipv6', start: 0n, end: (1n << 128n) - 1n },
};

export function wholeFamily(family: AddressFamily): AddressRange {
  return WHOLE_FAMILY[family];
}

// Accounts repeat the same few sources (0.0.0.0/0, office ranges) across thousands of rules.
const parsed = new Map<string, AddressRange | null>();

/**
 * CIDR text → range, host bits masked. A bare address is a single host. Returns null for text
 * that is not an address: the caller must treat such a source as undecidable, not as safe.
 */
export function parseCidr(text: string): AddressRange | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const range = parseUncached(text.trim());
  parsed.set(text, range);
  return range;
}

function parseUncached(text: string): AddressRange | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  // ipaddr.js also reads octal, hex and short IPv4 forms ("010.1.1.1" as 8.1.1.1); the cloud does not.
  if (!addressText.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(addressText)) return null;
  if (!ipaddr.isValid(addressText)) return null;
  const address = ipaddr.parse(addressText);
  const family: AddressFamily = address.kind();
  const bits = FAMILY_BITS[family];
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  let value = 0n;
  for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
  const hostBits = BigInt(bits - prefix);
  const start = (value >> hostBits) << hostBits;
  return { family, start, end: start + (1n << hostBits) - 1n };
}

function compareRanges(a: AddressRange, b: AddressRange): number {
  if (a.family !== b.family) return a.family < b.family ? -1 : 1;
  if (a.start !== b.start) return a.start < b.start ? -1 : 1;
  return 0;
}

/** Sorted, disjoint, non-adjacent ranges with the same union (adjacent ranges are joined). */
export function mergeRanges(ranges: readonly AddressRange[]): AddressRange[] {
  const sorted = [...ranges].sort(compareRanges);
  const merged: AddressRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.family === range.family && range.start <= last.end + 1n) {
      if (range.end > last.end) merged[merged.length - 1] = { ...last, end: range.end };
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/** `merged` must come from mergeRanges: a target is covered only if one merged range holds it. */
export function mergedCovers(merged: readonly AddressRange[], target: AddressRange): boolean {
  for (const range of merged) {
    if (range.family === target.family && range.start <= target.start && range.end >= target.end) {
      return true;
    }
  }
  return false;
}

/** Whether the union of `ranges` holds every address of `target`. */
export function covers(ranges: readonly AddressRange[], target: AddressRange): boolean {
  return mergedCovers(mergeRanges(ranges), target);
}

/** Whether the union of `ranges` holds the whole address space of `family`. */
export function coversFamily(ranges: readonly AddressRange[], family: AddressFamily): boolean {
  return covers(ranges, WHOLE_FAMILY[family]);
}

export function overlaps(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

export function sameRange(a: AddressRange, b: AddressRange): boolean {
  return a.family === b.family && a.start === b.start && a.end === b.end;
}

/** Whether `inner` lies inside `outer` without being the same range. */
export function strictlyInside(inner: AddressRange, outer: AddressRange): boolean {
  return (
    inner.family === outer.family &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    !sameRange(inner, outer)
  );
}
