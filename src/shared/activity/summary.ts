/**
 * What a report says about an audit's activity log: how many entries, over which period, the head
 * hash that pins the log as it was, whether the chain verified, and how many entries of each kind.
 * Part of the JSON contract (`activity`, schema 1.2.0) and the PDF appendix.
 */
import { activityKinds, verifyActivityChain, type ActivityEntry, type ActivityKind, type ChainBreak } from './chain';

export interface ActivitySummary {
  entries: number;
  /** ISO 8601 of the first and last entry; null when the log is empty. */
  firstAt: string | null;
  lastAt: string | null;
  /** The last entry's hash: null when the log is empty. */
  headHash: string | null;
  chainVerified: boolean;
  /** When the chain does not verify: the first entry that fails, and why. */
  brokenSeq?: number;
  brokenReason?: ChainBreak;
  /** Every kind, in a fixed order, 0 included. */
  byKind: Record<ActivityKind, number>;
}

export async function summariseActivity(entries: readonly ActivityEntry[], auditId: string): Promise<ActivitySummary> {
  const ordered = [...entries].sort((a, b) => a.seq - b.seq);
  const verification = await verifyActivityChain(ordered, auditId);
  const byKind = Object.fromEntries(activityKinds.map((kind) => [kind, 0])) as Record<ActivityKind, number>;
  for (const entry of ordered) if (entry.kind in byKind) byKind[entry.kind] += 1;
  const first = ordered[0];
  const last = ordered[ordered.length - 1];
  return {
    entries: ordered.length,
    firstAt: first?.at ?? null,
    lastAt: last?.at ?? null,
    headHash: last?.hash ?? null,
    chainVerified: verification.ok,
    ...(verification.ok ? {} : { brokenSeq: verification.brokenSeq, brokenReason: verification.reason }),
    byKind,
  };
}
