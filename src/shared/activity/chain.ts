/**
 * The activity log of an audit: an append-only list of what was done to it (created, edited,
 * files imported, items switched, reports exported, …), each entry hash-chained to the one before,
 * so that a removed, reordered or edited entry shows. Pure: hashing is Web Crypto, verification
 * reports the first entry that does not hold.
 *
 * The chain proves the log is internally consistent, not who wrote it: anyone able to rewrite the
 * database can rewrite the whole chain. The head hash, printed in every report, is what ties a
 * report to the log as it was when the report was made.
 */
import { sha256Hex } from '../import/digest';
import { canonicalJson } from '../report/canonical-json';

export type ActivityKind =
  | 'create'
  | 'edit'
  | 'import'
  | 'toggle'
  | 'export'
  | 'upgrade'
  | 'restore';

export const activityKinds: readonly ActivityKind[] = ['create', 'edit', 'import', 'toggle', 'export', 'upgrade', 'restore'];

/** Small, JSON-only facts about one action (no raw input, no findings). */
export type ActivityDetailValue = string | number | boolean | null | ActivityDetailValue[] | { [key: string]: ActivityDetailValue };
export type ActivityDetail = { [key: string]: ActivityDetailValue };

export interface ActivityEntry {
  auditId: string;
  /** 1 for the first entry of an audit, then +1 per entry. */
  seq: number;
  /** ISO 8601. */
  at: string;
  kind: ActivityKind;
  detail: ActivityDetail;
  /** The previous entry's hash; `genesisPrevHash` for seq 1. */
  prevHash: string;
  /** SHA-256 (hex) of `activityHashInput` of this entry. */
  hash: string;
}

export type UnhashedActivity = Omit<ActivityEntry, 'hash'>;

export const genesisPrevHash = '0'.repeat(64);

/** What is hashed: every field but the hash itself, as canonical JSON (keys sorted, no spaces). */
export function activityHashInput(entry: UnhashedActivity): string {
  const { auditId, seq, at, kind, detail, prevHash } = entry;
  return canonicalJson({ auditId, seq, at, kind, detail, prevHash });
}

export async function hashActivity(entry: UnhashedActivity): Promise<string> {
  return sha256Hex(new TextEncoder().encode(activityHashInput(entry)));
}

/** The entry that follows `previous` (the audit's current head, or none for a new audit). */
export async function nextActivityEntry(
  previous: ActivityEntry | undefined,
  action: { auditId: string; at: string; kind: ActivityKind; detail: ActivityDetail },
): Promise<ActivityEntry> {
  const unhashed: UnhashedActivity = {
    auditId: action.auditId,
    seq: previous === undefined ? 1 : previous.seq + 1,
    at: action.at,
    kind: action.kind,
    detail: action.detail,
    prevHash: previous === undefined ? genesisPrevHash : previous.hash,
  };
  return { ...unhashed, hash: await hashActivity(unhashed) };
}

export type ChainBreak = 'audit' | 'sequence' | 'link' | 'hash';

export type ChainVerification =
  | { ok: true; entries: number; headHash: string | null }
  | {
      ok: false;
      entries: number;
      /** The seq the broken entry should have had (its position, 1-based). */
      brokenSeq: number;
      reason: ChainBreak;
    };

/**
 * Checks a whole chain in seq order: every entry belongs to `auditId`, seq runs 1, 2, 3, …, each
 * prevHash is the previous entry's hash, and each hash is the hash of its own fields. Stops at the
 * first entry that fails, naming it and why.
 */
export async function verifyActivityChain(
  entries: readonly ActivityEntry[],
  auditId: string,
): Promise<ChainVerification> {
  let previousHash = genesisPrevHash;
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    const seq = index + 1;
    const broken = (reason: ChainBreak): ChainVerification => ({ ok: false, entries: entries.length, brokenSeq: seq, reason });
    if (entry.auditId !== auditId) return broken('audit');
    if (entry.seq !== seq) return broken('sequence');
    if (entry.prevHash !== previousHash) return broken('link');
    if ((await hashActivity(entry)) !== entry.hash) return broken('hash');
    previousHash = entry.hash;
  }
  const head = entries[entries.length - 1];
  return { ok: true, entries: entries.length, headHash: head === undefined ? null : head.hash };
}

/** Why a chain is broken, in words for error messages and logs (the UI has its own texts). */
export function describeChainBreak(verification: Extract<ChainVerification, { ok: false }>): string {
  const reasons: Record<ChainBreak, string> = {
    audit: 'belongs to another audit',
    sequence: 'is out of sequence (an entry before it was removed or inserted)',
    link: 'does not follow the entry before it (its previous hash differs)',
    hash: 'was changed after it was written (its hash does not match its contents)',
  };
  return `activity entry ${verification.brokenSeq} ${reasons[verification.reason]}`;
}
