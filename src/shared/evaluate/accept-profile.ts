/**
 * Where Accepts could open anything at all. Drops only ever close, so a port whose applying
 * Accepts hold less than a whole family's worth of addresses (and no undecidable Accept) is closed
 * whatever else the set says. Built once per rule set and protocol, after which most questions
 * end in a binary search, without looking at a rule. A merged set adds up its parts' profiles, so
 * its rules need merging only for the few questions the profile cannot settle.
 */
import { LAST_PORT, FIRST_PORT, WHOLE, type CompiledRuleSet, type PortProtocol } from './rule-set';

/** Decidable Accepts hold at least a whole family's worth of addresses. */
export const MAY_COVER = 1;
/** An undecidable Accept applies. */
export const UNDECIDED_ACCEPT = 2;

export interface AcceptProfile {
  /** First port of each stretch, ascending from 1. */
  starts: number[];
  /** Per stretch: summed shares of the IPv4 and of the IPv6 Accepts, and undecidable Accepts. */
  ipv4: number[];
  ipv6: number[];
  undecided: number[];
  /** MAY_COVER | UNDECIDED_ACCEPT bits of each stretch. */
  flags: number[];
}

function emptyProfile(): AcceptProfile {
  return { starts: [], ipv4: [], ipv6: [], undecided: [], flags: [] };
}

function pushStretch(
  profile: AcceptProfile,
  start: number,
  ipv4: number,
  ipv6: number,
  undecided: number,
): void {
  profile.starts.push(start);
  profile.ipv4.push(ipv4);
  profile.ipv6.push(ipv6);
  profile.undecided.push(undecided);
  profile.flags.push(
    (ipv4 >= WHOLE || ipv6 >= WHOLE ? MAY_COVER : 0) | (undecided > 0.5 ? UNDECIDED_ACCEPT : 0),
  );
}

// Events sort as one number: port × 2^32 + event index, exact in a double for ports ≤ 65,536.
const EVENT_SLOTS = 2 ** 32;
const IPV4 = 0;
const IPV6 = 1;
const UNDECIDED = 2;

/** Each Accept adds its share from its first port and takes it back after its last one. */
function fromRules(set: CompiledRuleSet, protocol: PortProtocol): AcceptProfile {
  const keys: number[] = [];
  const amounts: number[] = [];
  const kinds: number[] = [];
  const event = (port: number, kind: number, amount: number): void => {
    keys.push(port * EVENT_SLOTS + keys.length);
    kinds.push(kind);
    amounts.push(amount);
  };
  for (const rule of set.resolved[protocol]) {
    if (rule.action !== 'accept') continue;
    const kind = rule.range.family === 'ipv4' ? IPV4 : IPV6;
    event(rule.from, kind, rule.share);
    if (rule.to < LAST_PORT) event(rule.to + 1, kind, -rule.share);
  }
  for (const rule of set.unresolved[protocol]) {
    if (rule.action !== 'accept') continue;
    event(rule.from, UNDECIDED, 1);
    if (rule.to < LAST_PORT) event(rule.to + 1, UNDECIDED, -1);
  }
  const sorted = Float64Array.from(keys).sort();
  const profile = emptyProfile();
  let ipv4 = 0;
  let ipv6 = 0;
  let undecided = 0;
  if (sorted.length === 0 || (sorted[0] as number) >= (FIRST_PORT + 1) * EVENT_SLOTS) {
    pushStretch(profile, FIRST_PORT, 0, 0, 0);
  }
  for (let i = 0; i < sorted.length; i += 1) {
    const key = sorted[i] as number;
    const index = key % EVENT_SLOTS;
    const port = (key - index) / EVENT_SLOTS;
    const amount = amounts[index] as number;
    if (kinds[index] === IPV4) ipv4 += amount;
    else if (kinds[index] === IPV6) ipv6 += amount;
    else undecided += amount;
    const next = sorted[i + 1];
    // Several events at one port: record the stretch once all of them are in.
    if (next !== undefined && next - (next % EVENT_SLOTS) === key - index) continue;
    pushStretch(profile, port, ipv4, ipv6, undecided);
  }
  return profile;
}

/** The parts' stretches laid over each other, their amounts added: a k-way sweep over their starts. */
function fromParts(parts: readonly CompiledRuleSet[], protocol: PortProtocol): AcceptProfile {
  const profiles = parts.map((part) => acceptProfile(part, protocol));
  // Every part's first stretch starts at FIRST_PORT, so `at` always points at a valid stretch.
  const at = new Array<number>(profiles.length).fill(0);
  const profile = emptyProfile();
  let start = FIRST_PORT;
  for (;;) {
    let ipv4 = 0;
    let ipv6 = 0;
    let undecided = 0;
    let next = Infinity;
    for (let p = 0; p < profiles.length; p += 1) {
      const part = profiles[p] as AcceptProfile;
      let index = at[p] as number;
      while (index + 1 < part.starts.length && (part.starts[index + 1] as number) <= start)
        index += 1;
      at[p] = index;
      ipv4 += part.ipv4[index] as number;
      ipv6 += part.ipv6[index] as number;
      undecided += part.undecided[index] as number;
      if (index + 1 < part.starts.length) next = Math.min(next, part.starts[index + 1] as number);
    }
    pushStretch(profile, start, ipv4, ipv6, undecided);
    if (next === Infinity) return profile;
    start = next;
  }
}

export function acceptProfile(set: CompiledRuleSet, protocol: PortProtocol): AcceptProfile {
  return (set.profiles[protocol] ??=
    set.parts === undefined ? fromRules(set, protocol) : fromParts(set.parts, protocol));
}

/** The flags of the stretch holding `port`. */
export function flagsAt(profile: AcceptProfile, port: number): number {
  let low = 0;
  let high = profile.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((profile.starts[middle] as number) <= port) low = middle;
    else high = middle - 1;
  }
  return profile.flags[low] as number;
}

/** Whether no port is closed by the lack of Accepts alone. */
export function everyPortMayOpen(profile: AcceptProfile): boolean {
  return profile.flags.every((flags) => flags !== 0);
}
