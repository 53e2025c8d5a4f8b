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

/** A parsed source: its range and the fraction of its family it holds (1 for /0). */
export interface CidrRange extends AddressRange {
  share: number;
}

// Accounts repeat the same few sources (0.0.0.0/0, office ranges) across thousands of rules.
const parsed = new Map<string, CidrRange | null>();

/**
 * CIDR text → range, host bits masked. A bare address is a single host. Returns null for text
 * that is not an address: the caller must treat such a source as undecidable, not as safe.
 */
export function parseCidr(text: string): CidrRange | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const range = parseUncached(text.trim());
  parsed.set(text, range);
  return range;
}

// Dotted decimal only, no leading zeros: ipaddr.js would also read "010.1.1.1" as octal (8.1.1.1),
// and "1.2.3" or hex forms, none of which the cloud accepts.
const DOTTED_QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** IPv4 is most sources: read it directly, without building an address object. */
function ipv4Value(text: string): bigint | null {
  const match = DOTTED_QUAD.exec(text);
  if (match === null) return null;
  let value = 0;
  for (let part = 1; part <= 4; part += 1) {
    const octet = Number(match[part]);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return BigInt(value);
}

function ipv6Value(text: string): bigint | null {
  if (!ipaddr.IPv6.isValid(text)) return null;
  let value = 0n;
  for (const part of ipaddr.IPv6.parse(text).parts) value = (value << 16n) | BigInt(part);
  return value;
}

function parseUncached(text: string): CidrRange | null {
  const slash = text.indexOf('/');
  const addressText = slash < 0 ? text : text.slice(0, slash);
  const family: AddressFamily = addressText.includes(':') ? 'ipv6' : 'ipv4';
  const value = family === 'ipv4' ? ipv4Value(addressText) : ipv6Value(addressText);
  if (value === null) return null;
  const bits = FAMILY_BITS[family];
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  const start = (value >> hostBits) << hostBits;
  return { family, start, end: start + (1n << hostBits) - 1n, share: 2 ** -prefix };
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
      if (range.end > last.end) {
        merged[merged.length - 1] = { family: last.family, start: last.start, end: range.end };
      }
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

/** The fraction of its family's space a range holds (1 for the whole family), as a float. */
export function familyShare(range: AddressRange): number {
  return Number(range.end - range.start + 1n) / 2 ** FAMILY_BITS[range.family];
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

/**
 * A union of ranges of one family, kept merged as ranges are added, so a Drop list that grows
 * between Accepts never has to be re-sorted: adding and asking are binary searches.
 */
export class RangeUnion {
  private readonly starts: bigint[] = [];
  private readonly ends: bigint[] = [];

  add(range: AddressRange): void {
    // Stretches that overlap or touch the new range: indices first..last.
    const first = this.firstEndingAtOrAfter(range.start - 1n);
    const last = this.lastStartingAtOrBefore(range.end + 1n);
    if (first > last) {
      this.starts.splice(first, 0, range.start);
      this.ends.splice(first, 0, range.end);
      return;
    }
    const start = min(this.starts[first] as bigint, range.start);
    const end = max(this.ends[last] as bigint, range.end);
    this.starts.splice(first, last - first + 1, start);
    this.ends.splice(first, last - first + 1, end);
  }

  covers(range: AddressRange): boolean {
    const index = this.lastStartingAtOrBefore(range.start);
    return index >= 0 && (this.ends[index] as bigint) >= range.end;
  }

  private firstEndingAtOrAfter(address: bigint): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.ends[middle] as bigint) < address) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private lastStartingAtOrBefore(address: bigint): number {
    let low = -1;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as bigint) <= address) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}
