import type { CheckContext } from '../audit/context';
import type { Finding, RiskLevel } from '../audit/result';

export type Language = 'en' | 'zh';

export interface CheckText {
  title: string;
  /** What an attacker can do when the item is at risk. */
  risk: string;
  /** How to fix it, concretely, and what to verify afterwards. */
  suggestion: string;
}

export interface WatchedPort {
  protocol: 'tcp' | 'udp';
  port: number;
}

/** A finding as a check reports it; the engine adds the key and check id. */
export type CheckFinding = Omit<Finding, 'key' | 'checkId'>;

/**
 * A self-describing check item: fixed metadata plus a pure function over the audit context.
 * Items can be switched on or off, never edited.
 */
export interface CheckDefinition {
  /** Public contract: appears in CLI JSON, reports and stored audits. Never changes. */
  id: string;
  risk: RiskLevel;
  /** The ports the item watches; empty for items that are not about a port. */
  ports: readonly WatchedPort[];
  text: Record<Language, CheckText>;
  evaluate(context: CheckContext): CheckFinding[];
}
