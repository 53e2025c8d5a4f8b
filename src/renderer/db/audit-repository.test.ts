import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  commitImport,
  createAudit,
  deleteAudit,
  listAudits,
  loadAudit,
  loadAuditLazily,
  saveDisabledChecks,
  storedFiles,
  updateAuditDetails,
} from './audit-repository';
import type { AuditResult } from '../../shared/audit/result';
import { openDatabase, type SgAuditDatabase } from './database';
import { check, closeTestDatabases, commitFor, emptySnapshot, freshDatabase, result, storedFileCount, testDetails, trackDatabase } from './db-test-support';
import { isQuotaError, StorageFullError, translateStorageError } from './storage-errors';

afterEach(closeTestDatabases);

const details = testDetails;

/** The SHA-256 of every file stored for the audit, as its import records list them. */
async function storedHashes(db: SgAuditDatabase, auditId: string): Promise<string[]> {
  return (await db.imports.where('auditId').equals(auditId).toArray()).flatMap((record) => record.files.map((file) => file.sha256));
}

describe('audit repository', () => {
  it('creates, lists, edits and deletes audits', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    expect((await listAudits(db)).map((row) => row.client)).toEqual(['Demo Co.']);
    await updateAuditDetails(db, audit.id, { ...details, client: 'Renamed Co.' });
    expect((await loadAudit(db, audit.id))?.audit.client).toBe('Renamed Co.');
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(1), result(check('c1', ['sg-0']))));
    await deleteAudit(db, audit.id);
    expect(await listAudits(db)).toEqual([]);
    expect(await storedFileCount(db)).toBe(0);
    expect(await db.imports.count()).toBe(0);
    expect(await db.snapshots.count()).toBe(0);
    expect(await db.results.count()).toBe(0);
  });

  it('commits an import in exactly one transaction and keeps the raw bytes', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    const spy = vi.spyOn(db, 'transaction');
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(2), result(check('c1', ['sg-0']))));
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();

    const loaded = await loadAudit(db, audit.id);
    expect(loaded?.snapshot?.groups).toHaveLength(2);
    expect(loaded?.result?.checks[0]?.id).toBe('c1');
    expect(loaded?.imports).toHaveLength(1);
    expect(loaded?.imports[0]?.warnings).toBe(1);
    expect(loaded?.audit.summary).toEqual({
      files: 1,
      securityGroups: 2,
      instances: 0,
      atRiskChecks: 1,
      atRiskSecurityGroups: 1,
      atRiskInstances: 0,
    });
    expect(await storedHashes(db, audit.id)).toEqual(['hash-of-a.json']);
    const files = await storedFiles(db, audit.id);
    const contents = await Promise.all(files.map(async (file) => [file.name, [...new Uint8Array(await file.blob.arrayBuffer())]]));
    expect(contents).toEqual([['a.json', [1, 2, 3]]]);
  });

  it('leaves the previous state intact when an import fails mid-transaction', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(1), result(check('c1', ['sg-0']))));
    const before = await loadAudit(db, audit.id);

    // A value IndexedDB cannot store makes the result write fail after the files and snapshot were added.
    const broken = result(check('c1', [])) as AuditResult & { poison?: unknown };
    broken.poison = () => undefined;
    await expect(commitImport(db, commitFor(audit.id, 'b.json', emptySnapshot(5), broken))).rejects.toThrow();

    const after = await loadAudit(db, audit.id);
    expect(after?.snapshot).toEqual(before?.snapshot);
    expect(after?.result).toEqual(before?.result);
    expect(after?.imports).toHaveLength(1);
    expect(after?.audit).toEqual(before?.audit);
    expect(await storedFileCount(db)).toBe(1);
    expect(await storedHashes(db, audit.id)).toEqual(['hash-of-a.json']);
  });

  it('refuses to import into an audit that no longer exists, writing nothing', async () => {
    const db = freshDatabase();
    await expect(
      commitImport(db, commitFor('missing', 'a.json', emptySnapshot(1), result())),
    ).rejects.toThrow('no longer exists');
    expect(await storedFileCount(db)).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('creates the sample audit together with its import and meta flag', async () => {
    const db = freshDatabase();
    const at = new Date().toISOString();
    await commitImport(db, {
      ...commitFor('sample', 'a.json', emptySnapshot(1), result()),
      newAudit: { id: 'sample', ...details, createdAt: at, updatedAt: at, sample: true },
      meta: { key: 'sample-created', value: at },
    });
    expect((await listAudits(db))[0]?.sample).toBe(true);
    expect((await db.meta.get('sample-created'))?.value).toBe(at);
  });

  it('stores switched-off items per audit and updates the summary without touching the result', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    const full = result(check('c1', ['sg-0']), check('c2', ['sg-1']));
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(2), full));
    const summary = await saveDisabledChecks(db, audit.id, ['c2', 'c2']);
    expect(summary?.atRiskChecks).toBe(1);
    expect(summary?.atRiskSecurityGroups).toBe(1);
    const loaded = await loadAudit(db, audit.id);
    expect(loaded?.disabledChecks).toEqual(['c2']);
    expect(loaded?.result).toEqual(full);
  });

  it('opens an audit with the snapshot head only, and decodes the rest on request', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    const snapshot = emptySnapshot(3);
    await commitImport(db, commitFor(audit.id, 'a.json', snapshot, result(check('exposed-ssh-22', ['sg-1']))));
    const lazy = await loadAuditLazily(db, audit.id);
    expect(lazy?.snapshot?.head.counts).toEqual({ groups: 3, instances: snapshot.instances.length, rules: 0 });
    expect(lazy?.snapshot?.head.issues).toEqual(snapshot.issues);
    expect(await lazy?.snapshot?.read()).toEqual(snapshot);
  });

  it('finds the head of a snapshot stored before heads existed by decoding it', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    const snapshot = emptySnapshot(2);
    await commitImport(db, commitFor(audit.id, 'a.json', snapshot, result()));
    await db.snapshots.where('auditId').equals(audit.id).modify((row) => {
      delete row.head;
    });
    const lazy = await loadAuditLazily(db, audit.id);
    expect(lazy?.snapshot?.head.counts.groups).toBe(2);
    expect(await lazy?.snapshot?.read()).toEqual(snapshot);
  });

  it('refuses to hand out a stored file whose bundle is gone or ends before it', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    await commitImport(db, commitFor(audit.id, 'a.json', emptySnapshot(1), result(), new Uint8Array([1, 2, 3, 4])));
    expect((await storedFiles(db, audit.id)).map((file) => file.name)).toEqual(['a.json']);
    await db.inputBundles.where('auditId').equals(audit.id).modify((bundle) => {
      bundle.blob = new Blob([new Uint8Array([1, 2])]);
    });
    await expect(storedFiles(db, audit.id)).rejects.toThrow('The stored file a.json has lost its contents');
    await db.inputBundles.where('auditId').equals(audit.id).delete();
    await expect(storedFiles(db, audit.id)).rejects.toThrow('The stored file a.json has lost its contents');
  });

  it('survives closing and reopening the database', async () => {
    const db = freshDatabase();
    const audit = await createAudit(db, details);
    await saveDisabledChecks(db, audit.id, ['exposed-ssh-22']);
    db.close();
    const reopened = trackDatabase(openDatabase(db.name));
    expect((await loadAudit(reopened, audit.id))?.disabledChecks).toEqual(['exposed-ssh-22']);
  });
});

describe('storage errors', () => {
  it('recognises quota errors directly and inside an AbortError', () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const abort = Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota });
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError(abort)).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(translateStorageError(abort)).toBeInstanceOf(StorageFullError);
    const other = new Error('x');
    expect(translateStorageError(other)).toBe(other);
  });
});
