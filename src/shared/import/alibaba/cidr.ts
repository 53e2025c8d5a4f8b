import ipaddr from 'ipaddr.js';
import type { AddressFamily } from '../../model';

export type CidrResult =
  { ok: true; family: AddressFamily; cidr: string } | { ok: false; reason: string };

/**
 * Exports repeat the same few sources (0.0.0.0/0, office ranges) across thousands of rules, so
 * results are cached by text. The cache is cleared when full so hostile input cannot grow it
 * without bound.
 */
const cache = new Map<string, CidrResult>();
const CACHE_LIMIT = 100_000;

/**
 * Validates a source address or CIDR. The family is taken from the text (':' means IPv6) rather
 * than from the field it came in. IPv4 keeps the address as written (`1.2.3.4/0` stays: coverage
 * is decided on ranges later); IPv6 is lower-cased and compressed; a bare address gets /32 or /128.
 */
export function normaliseCidr(text: string): CidrResult {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const result = parseCidr(text.trim());
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, result);
  return result;
}

function parseCidr(text: string): CidrResult {
  const slash = text.indexOf('/');
  const address = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? null : text.slice(slash + 1);
  const family: AddressFamily = address.includes(':') ? 'ipv6' : 'ipv4';
  const maxPrefix = family === 'ipv4' ? 32 : 128;
  let prefix = maxPrefix;
  if (prefixText !== null) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > maxPrefix) {
      return { ok: false, reason: `the prefix length must be 0–${maxPrefix}` };
    }
    prefix = Number(prefixText);
  }
  if (family === 'ipv4') {
    // Four decimal parts only: ipaddr's lenient parse would accept "10.1" or "0x7f.0.0.1".
    if (!ipaddr.IPv4.isValidFourPartDecimal(address))
      return { ok: false, reason: 'it is not a valid IPv4 address' };
    return { ok: true, family, cidr: `${address}/${prefix}` };
  }
  if (address.includes('%') || !ipaddr.IPv6.isValid(address))
    return { ok: false, reason: 'it is not a valid IPv6 address' };
  return { ok: true, family, cidr: `${ipaddr.IPv6.parse(address).toString()}/${prefix}` };
}
