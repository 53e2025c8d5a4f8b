import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyActivityChain } from '../../shared/activity/chain';
import type { AuditResult } from '../../shared/audit/result';
import { appendActivity, appendExportActivity, inputsDigest, listActivity } from './activity-log';
import { commitImport, createAudit, deleteAudit, loadAudit, saveDisabledChecks, updateAuditDetails } from './audit-repository';
import { check, closeTestDatabases, commitFor, emptySnapshot, freshDatabase, result, testDetails } from './db-test-support';

afterEach(closeTestDatabases);

async function kinds(db: ReturnType<typeof freshDatabase>, auditId: string): Promise<string[]> {
  return (await listActivity(db, auditId)).map((entry) => entry.kind);
}

describe('activity log in the database (schema v2)', () => {
  it('logs create, edit, import and toggle in one verified chain', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, testDetails);
    await updateAuditDetails(db, audit.id, { ...testDetails, client: 'Renamed Co.', notes: 'long notes' });
    await updateAuditDetails(db, audit.id, { ...testDetails, client: 'Renamed Co.', notes: 'long notes' });
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(2), result(check('c1', ['sg-0']))));
    await saveDisabledChecks(db, audit.id, ['c2', 'c1']);
    await saveDisabledChecks(db, audit.id, ['c2']);
    await saveDisabledChecks(db, audit.id, ['c2']);

    const entries = await listActivity(db, audit.id);
    expect(entries.map((entry) => [entry.seq, entry.kind])).toEqual([
      [1, 'create'],
      [2, 'edit'],
      [3, 'import'],
      [4, 'toggle'],
      [5, 'toggle'],
    ]);
    expect(entries[1]?.detail).toEqual({ changed: ['client', 'notes'], to: { client: 'Renamed Co.' } });
    expect(entries[2]?.detail).toMatchObject({ files: 1, bytes: 3, securityGroups: 2, atRiskChecks: 1, warnings: 1, inputsSha256: await inputsDigest(['hash-of-a.json']) });
    expect(entries[3]?.detail).toEqual({ switchedOff: ['c1', 'c2'], switchedOn: [], disabledNow: 2 });
    expect(entries[4]?.detail).toEqual({ switchedOff: [], switchedOn: ['c1'], disabledNow: 1 });
    expect(await verifyActivityChain(entries, audit.id)).toMatchObject({ ok: true, entries: 5 });
    expect((await loadAudit(db, audit.id))?.activity).toEqual(entries);
  });

  it('writes the import entry in the import transaction: a failing import leaves no entry', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, testDetails);
    // The result write fails after the activity entry was added: the whole transaction aborts.
    const broken = result() as AuditResult & { poison?: unknown };
    broken.poison = () => undefined;
    await expect(commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(1), broken))).rejects.toThrow();
    expect(await kinds(db, audit.id)).toEqual(['create']);
    expect(await db.imports.count()).toBe(0);

    await expect(commitImport(db, commitFor('missing', 'a.json', emptySnapshot(1), result()))).rejects.toThrow('no longer exists');
    expect(await db.activity.count()).toBe(1);
  });

  it('logs the built-in sample as created and imported in the one transaction that stores it', async () => {
    const db = freshDatabase();
    const at = '2025-01-01T00:00:00.000Z';
    await commitImport(db, {
      ...commitFor('sample', 'a.json', emptySnapshot(1), result()),
      newAudit: { id: 'sample', ...testDetails, createdAt: at, updatedAt: at, sample: true },
    });
    const entries = await listActivity(db, 'sample');
    expect(entries.map((entry) => entry.kind)).toEqual(['create', 'import']);
    expect(entries[0]).toMatchObject({ at, detail: { sample: true, client: 'Demo Co.' } });
  });

  it('logs nothing for a switch of an audit that no longer exists', async () => {
    const db = freshDatabase();
    await expect(saveDisabledChecks(db, 'missing', ['c1'])).rejects.toThrow('no longer exists');
    expect(await db.activity.count()).toBe(0);
    expect(await db.checkSettings.count()).toBe(0);
  });

  it('logs a saved report after the fact, never for a deleted audit', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, testDetails);
    const detail = { format: 'pdf', language: 'en', file: 'r.pdf', bytes: 10, sha256: 'a'.repeat(64), findingsSha256: 'b'.repeat(64), activityHeadHash: null };
    await appendExportActivity(db, audit.id, detail);
    expect((await listActivity(db, audit.id))[1]).toMatchObject({ kind: 'export', detail });
    await expect(appendExportActivity(db, 'missing', detail)).rejects.toThrow('no longer exists');
    expect(await listActivity(db, 'missing')).toEqual([]);
  });

  it('keeps one chain when two writers append at once', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, testDetails);
    await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        db.transaction('rw', [db.activity], () => appendActivity(db, { auditId: audit.id, kind: 'toggle', detail: { index } })),
      ),
    );
    const entries = await listActivity(db, audit.id);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await verifyActivityChain(entries, audit.id)).ok).toBe(true);
  });

  it('refuses a second entry with the same seq: the log cannot fork', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, testDetails);
    const [first] = await listActivity(db, audit.id);
    await expect(db.activity.add({ ...first!, detail: { forged: true } })).rejects.toThrow();
    expect(await listActivity(db, audit.id)).toEqual([first]);
  });

  it('deletes the log of a deleted audit with it, and only that log', async () => {
    const db = freshDatabase();
    const kept = await createAudit(db, testDetails);
    const removed = await createAudit(db, { ...testDetails, client: 'Other' });
    await saveDisabledChecks(db, removed.id, ['c1']);
    await deleteAudit(db, removed.id);
    expect(await listActivity(db, removed.id)).toEqual([]);
    expect(await kinds(db, kept.id)).toEqual(['create']);
  });
});
