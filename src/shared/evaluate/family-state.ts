/**
 * One address family's share of one question: the applying rules arrive in evaluation order, so
 * when an Accept is added, exactly the Drops that outrank it have been added before it.
 */
import type { AddressFamily } from '../model';
import { coversFamily, overlaps, RangeUnion, sameRange } from './address-range';
import { WHOLE, type ResolvedRule } from './rule-set';

/** An Accept together with how many Drops of its family outrank it. */
export interface RankedAccept {
  accept: ResolvedRule;
  dropsBefore: number;
}

/**
 * The Drops, live Accepts and cancelled Accepts of one family. Address counts, kept as floats,
 * settle most coverage questions before any range has to be compared.
 */
export class FamilyState {
  readonly drops: ResolvedRule[] = [];
  readonly live: RankedAccept[] = [];
  readonly cancelled: RankedAccept[] = [];
  private readonly dropUnion = new RangeUnion();
  private dropShare = 0;
  private wholeDrop = false;
  private liveShare = 0;

  addDrop(drop: ResolvedRule): void {
    this.drops.push(drop);
    this.dropShare += drop.share;
    if (drop.share >= WHOLE) this.wholeDrop = true;
    // Once a Drop covers the family, every later Accept is cancelled: no union needed.
    else if (!this.wholeDrop) this.dropUnion.add(drop.range);
  }

  addAccept(accept: ResolvedRule): void {
    const ranked = { accept, dropsBefore: this.drops.length };
    if (this.outrankingDropsCover(accept)) {
      this.cancelled.push(ranked);
    } else {
      this.live.push(ranked);
      this.liveShare += accept.share;
    }
  }

  coversFamily(family: AddressFamily): boolean {
    if (this.liveShare < WHOLE) return false;
    if (this.live.some((ranked) => ranked.accept.share >= WHOLE)) return true;
    return coversFamily(
      this.live.map((ranked) => ranked.accept.range),
      family,
    );
  }

  /** Whether the applying Accepts would cover the family if no Drop stood in the way. */
  acceptsAloneCover(family: AddressFamily): boolean {
    const accepts = [...this.live, ...this.cancelled];
    if (accepts.some((ranked) => ranked.accept.share >= WHOLE)) return true;
    return coversFamily(
      accepts.map((ranked) => ranked.accept.range),
      family,
    );
  }

  /** The Drops seen before `ranked` that touch its source. */
  dropsTouching(ranked: RankedAccept): ResolvedRule[] {
    return this.drops
      .slice(0, ranked.dropsBefore)
      .filter((drop) => overlaps(drop.range, ranked.accept.range));
  }

  private outrankingDropsCover(accept: ResolvedRule): boolean {
    if (this.drops.length === 0) return false;
    if (this.wholeDrop) return true;
    // Drops holding fewer addresses than the source cannot cover it.
    if (this.dropShare < accept.share * WHOLE) return false;
    return this.dropUnion.covers(accept.range);
  }
}

/**
 * The Accepts that carry the reach: an Accept whose source lies strictly inside another live
 * Accept's source adds nothing internet-wide (10.0.0.0/8 next to 0.0.0.0/0), so it is not named.
 * Identical sources are all named: each one alone keeps the port open.
 */
export function widestAccepts(live: readonly RankedAccept[]): RankedAccept[] {
  const whole = live.filter((ranked) => ranked.accept.share >= WHOLE);
  if (whole.length > 0) return whole;
  const sorted = [...live].sort((a, b) => {
    const x = a.accept.range;
    const y = b.accept.range;
    if (x.start !== y.start) return x.start < y.start ? -1 : 1;
    if (x.end !== y.end) return x.end > y.end ? -1 : 1;
    return 0;
  });
  const widest: RankedAccept[] = [];
  let reachedEnd = -1n;
  for (let i = 0; i < sorted.length;) {
    const first = sorted[i] as RankedAccept;
    let j = i;
    while (
      j < sorted.length &&
      sameRange((sorted[j] as RankedAccept).accept.range, first.accept.range)
    )
      j += 1;
    if (first.accept.range.end > reachedEnd) {
      widest.push(...sorted.slice(i, j));
      reachedEnd = first.accept.range.end;
    }
    i = j;
  }
  return widest;
}
