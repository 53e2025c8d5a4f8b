import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  covers,
  coversFamily,
  mergeRanges,
  parseCidr,
  RangeUnion,
  type AddressRange,
  type CidrRange,
} from './address-range';

function range(cidr: string): CidrRange {
  const parsed = parseCidr(cidr);
  if (parsed === null) throw new Error(`not a CIDR: ${cidr}`);
  return parsed;
}

describe('parseCidr', () => {
  it('masks host bits, so 1.2.3.4/0 is the whole IPv4 space', () => {
    expect(range('1.2.3.4/0')).toEqual({
      family: 'ipv4',
      start: 0n,
      end: 2n ** 32n - 1n,
      share: 1,
    });
    expect(range('10.1.2.3/8')).toMatchObject({
      family: 'ipv4',
      start: 10n << 24n,
      end: (11n << 24n) - 1n,
    });
  });

  it('reads ::/0 as the whole IPv6 space and a bare address as one host', () => {
    expect(range('::/0')).toEqual({ family: 'ipv6', start: 0n, end: 2n ** 128n - 1n, share: 1 });
    expect(range('2001:db8::/32').share).toBe(2 ** -32);
    expect(range('198.51.100.7')).toEqual(range('198.51.100.7/32'));
    expect(range('2001:db8::1')).toEqual(range('2001:db8::1/128'));
  });

  it('rejects text that is not an address rather than guessing', () => {
    for (const text of [
      '',
      'pl-123',
      '10.0.0.0/33',
      '::/129',
      '010.1.1.1/8',
      '1.2.3/24',
      '256.0.0.0/8',
      '1.2.3.4/-1',
      '0x1.0.0.0/8',
      'fe80::zz/64',
      '10.0.0.0/x',
    ]) {
      expect(parseCidr(text), text).toBeNull();
    }
  });

  it('reads an IPv4-mapped IPv6 source as IPv6', () => {
    expect(range('::ffff:1.2.3.4/128')).toMatchObject({ family: 'ipv6', start: 0xffff01020304n });
  });

  it('memoises by text', () => {
    expect(parseCidr('0.0.0.0/0')).toBe(parseCidr('0.0.0.0/0'));
  });
});

describe('coverage', () => {
  it('joins adjacent ranges: two /1 halves cover IPv4', () => {
    expect(coversFamily([range('0.0.0.0/1'), range('128.0.0.0/1')], 'ipv4')).toBe(true);
    expect(mergeRanges([range('128.0.0.0/1'), range('0.0.0.0/1')])).toEqual([
      { family: 'ipv4', start: 0n, end: 2n ** 32n - 1n },
    ]);
  });

  it('does not cover across a one-address hole', () => {
    const below = { family: 'ipv4' as const, start: 0n, end: 99n };
    const above = { family: 'ipv4' as const, start: 101n, end: 2n ** 32n - 1n };
    expect(coversFamily([below, above], 'ipv4')).toBe(false);
    expect(covers([below, above], { family: 'ipv4', start: 50n, end: 99n })).toBe(true);
    expect(covers([below, above], { family: 'ipv4', start: 50n, end: 101n })).toBe(false);
  });

  it('never mixes families: IPv4 ranges do not cover IPv6 space', () => {
    expect(coversFamily([range('0.0.0.0/0')], 'ipv6')).toBe(false);
    expect(coversFamily([range('::/1'), range('8000::/1'), range('0.0.0.0/0')], 'ipv6')).toBe(true);
    expect(covers([range('::/0')], range('10.0.0.0/8'))).toBe(false);
  });

  it('handles overlapping and nested ranges', () => {
    const ranges = [
      range('10.0.0.0/8'),
      range('10.1.0.0/16'),
      range('0.0.0.0/2'),
      range('64.0.0.0/2'),
    ];
    expect(covers(ranges, range('0.0.0.0/1'))).toBe(true);
    expect(coversFamily(ranges, 'ipv4')).toBe(false);
    expect(coversFamily([], 'ipv4')).toBe(false);
  });
});

describe('RangeUnion', () => {
  const small = fc
    .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
    .map(([a, b]): AddressRange => ({
      family: 'ipv4',
      start: BigInt(Math.min(a, b)),
      end: BigInt(Math.max(a, b)),
    }));

  it('answers like a union sorted from scratch, whatever the order ranges arrive in', () => {
    fc.assert(
      fc.property(
        fc.array(small, { maxLength: 12 }),
        fc.array(small, { minLength: 1, maxLength: 6 }),
        (added, targets) => {
          const union = new RangeUnion();
          for (const range of added) union.add(range);
          for (const target of targets) expect(union.covers(target)).toBe(covers(added, target));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('joins touching ranges', () => {
    const union = new RangeUnion();
    union.add({ family: 'ipv4', start: 0n, end: 4n });
    union.add({ family: 'ipv4', start: 10n, end: 12n });
    union.add({ family: 'ipv4', start: 5n, end: 9n });
    expect(union.covers({ family: 'ipv4', start: 0n, end: 12n })).toBe(true);
    expect(union.covers({ family: 'ipv4', start: 0n, end: 13n })).toBe(false);
  });
});
