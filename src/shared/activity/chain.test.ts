import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityHashInput,
  describeChainBreak,
  genesisPrevHash,
  nextActivityEntry,
  verifyActivityChain,
  type ActivityEntry,
  type ActivityKind,
} from './chain';
import { summariseActivity } from './summary';

async function chainOf(auditId: string, kinds: ActivityKind[]): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  for (const [index, kind] of kinds.entries()) {
    const at = new Date(Date.UTC(2025, 0, 1, 0, index)).toISOString();
    entries.push(await nextActivityEntry(entries[entries.length - 1], { auditId, at, kind, detail: { step: index, note: `步骤 ${index}` } }));
  }
  return entries;
}

describe('activity chain', () => {
  it('links each entry to the one before and hashes the canonical JSON of its fields', async () => {
    const [first, second] = await chainOf('a-1', ['create', 'import']);
    expect(first?.seq).toBe(1);
    expect(first?.prevHash).toBe(genesisPrevHash);
    expect(second?.seq).toBe(2);
    expect(second?.prevHash).toBe(first?.hash);
    // Recomputed independently (Node's hash, the documented input): keys sorted, no whitespace.
    const input = `{"at":"${first?.at}","auditId":"a-1","detail":{"note":"步骤 0","step":0},"kind":"create","prevHash":"${genesisPrevHash}","seq":1}`;
    expect(activityHashInput(first!)).toBe(input);
    expect(first?.hash).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });

  it('verifies an intact chain and names its head; an empty log verifies with no head', async () => {
    const entries = await chainOf('a-1', ['create', 'import', 'toggle', 'export']);
    expect(await verifyActivityChain(entries, 'a-1')).toEqual({ ok: true, entries: 4, headHash: entries[3]?.hash });
    expect(await verifyActivityChain([], 'a-1')).toEqual({ ok: true, entries: 0, headHash: null });
  });

  it('reports an edited entry as changed, at its seq', async () => {
    const entries = await chainOf('a-1', ['create', 'import', 'toggle', 'export']);
    const edited = entries.map((entry) => (entry.seq === 3 ? { ...entry, detail: { step: 99 } } : entry));
    const result = await verifyActivityChain(edited, 'a-1');
    expect(result).toEqual({ ok: false, entries: 4, brokenSeq: 3, reason: 'hash' });
    if (!result.ok) expect(describeChainBreak(result)).toContain('activity entry 3 was changed');
  });

  it('reports a removed entry where the sequence breaks', async () => {
    const entries = await chainOf('a-1', ['create', 'import', 'toggle', 'export']);
    const removed = entries.filter((entry) => entry.seq !== 2);
    expect(await verifyActivityChain(removed, 'a-1')).toMatchObject({ ok: false, brokenSeq: 2, reason: 'sequence' });
  });

  it('reports a rewritten entry (hash recomputed) at the entry after it, whose link no longer holds', async () => {
    const entries = await chainOf('a-1', ['create', 'import', 'toggle']);
    const forged = await nextActivityEntry(entries[0], { auditId: 'a-1', at: entries[1]!.at, kind: 'import', detail: { step: 1, forged: true } });
    const result = await verifyActivityChain([entries[0]!, forged, entries[2]!], 'a-1');
    expect(result).toMatchObject({ ok: false, brokenSeq: 3, reason: 'link' });
  });

  it('refuses an entry of another audit', async () => {
    const entries = await chainOf('a-1', ['create']);
    expect(await verifyActivityChain(entries, 'a-2')).toMatchObject({ ok: false, brokenSeq: 1, reason: 'audit' });
  });

  it('detects any change to any field of any entry, at that entry', async () => {
    const entries = await chainOf('a-1', ['create', 'edit', 'import', 'toggle', 'export', 'toggle']);
    const fields = ['auditId', 'seq', 'at', 'kind', 'detail', 'prevHash', 'hash'] as const;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: entries.length - 1 }), fc.constantFrom(...fields), fc.string({ minLength: 1 }), async (index, field, noise) => {
        const target = entries[index]!;
        const changed: ActivityEntry =
          field === 'seq'
            ? { ...target, seq: target.seq + 1 + noise.length }
            : field === 'detail'
              ? { ...target, detail: { ...target.detail, noise } }
              : { ...target, [field]: `${String(target[field])}${noise}` };
        const tampered = entries.map((entry, position) => (position === index ? changed : entry));
        const result = await verifyActivityChain(tampered, 'a-1');
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.brokenSeq).toBe(index + 1);
      }),
      { numRuns: 60 },
    );
  });
});

describe('activity summary', () => {
  it('counts entries per kind, spans first to last, and carries the head hash', async () => {
    const entries = await chainOf('a-1', ['create', 'import', 'toggle', 'toggle', 'export']);
    const summary = await summariseActivity([...entries].reverse(), 'a-1');
    expect(summary).toEqual({
      entries: 5,
      firstAt: entries[0]?.at,
      lastAt: entries[4]?.at,
      headHash: entries[4]?.hash,
      chainVerified: true,
      byKind: { create: 1, edit: 0, import: 1, toggle: 2, export: 1, upgrade: 0, restore: 0 },
    });
  });

  it('says where a chain is broken', async () => {
    const entries = await chainOf('a-1', ['create', 'import']);
    const summary = await summariseActivity([entries[0]!, { ...entries[1]!, at: '2030-01-01T00:00:00.000Z' }], 'a-1');
    expect(summary).toMatchObject({ chainVerified: false, brokenSeq: 2, brokenReason: 'hash' });
  });

  it('summarises an empty log as empty and verified', async () => {
    expect(await summariseActivity([], 'a-1')).toMatchObject({ entries: 0, firstAt: null, lastAt: null, headHash: null, chainVerified: true });
  });
});
