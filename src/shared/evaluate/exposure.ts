import type { OpenPort } from '../audit/result';
import type { CompiledRule } from './rule-set';

export type Verdict = 'open' | 'closed' | 'unresolved';

/** An applying Accept that Drops of higher or equal rank close completely: why it is not flagged. */
export interface CancelledAccept {
  accept: CompiledRule;
  /** The applying Drops of its family, ranked at or before it, that overlap its source. */
  by: CompiledRule[];
}

/**
 * The answer for one rule set and one question, in terms of rules (the audit layer turns them into
 * evidence with group names and interfaces). Lists follow evaluation order.
 */
export interface RuleSetExposure {
  verdict: Verdict;
  /** Empty unless `open`. */
  open: OpenPort[];
  /** `open`: the applying, not cancelled Accepts that make up the internet-wide reach. */
  accepts: CompiledRule[];
  /** `open`: Drops ranked at or before a deciding Accept that close part of its source. */
  partialDrops: CompiledRule[];
  /**
   * `unresolved`: the undecidable Accepts that could open it.
   * `open`: the undecidable Drops ranked at or before a deciding Accept, which could narrow it.
   */
  unresolved: CompiledRule[];
  /**
   * Not `open`, while the applying Accepts alone would open it: those Accepts that Drops close
   * entirely ("why is this not flagged?"). Empty otherwise.
   */
  cancelled: CancelledAccept[];
}

function frozenEmpty<T>(): T[] {
  return Object.freeze([]) as unknown as T[];
}

/** Shared by the many answers with nothing open and nothing to explain; frozen so none is edited. */
export const NOTHING_OPEN: RuleSetExposure = Object.freeze<RuleSetExposure>({
  verdict: 'closed',
  open: frozenEmpty(),
  accepts: frozenEmpty(),
  partialDrops: frozenEmpty(),
  unresolved: frozenEmpty(),
  cancelled: frozenEmpty(),
});

export function closedExposure(cancelled: CancelledAccept[] = []): RuleSetExposure {
  if (cancelled.length === 0) return NOTHING_OPEN;
  return { verdict: 'closed', open: [], accepts: [], partialDrops: [], unresolved: [], cancelled };
}
