/**
 * Schema upgrades, from a fixture database of each earlier version: test/fixtures/db holds the
 * v1 database as dexie-export-import wrote it (made by test/fixtures/db/generate.mjs).
 */
import 'fake-indexeddb/auto';
import './node-file-reader';
import Dexie from 'dexie';
import { importDB } from 'dexie-export-import';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyActivityChain } from '../../shared/activity/chain';
import v1Export from '../../../test/fixtures/db/sg-audit-v1.dexie.json?raw';
import { listActivity } from './activity-log';
import { loadAudit, saveDisabledChecks, storedFiles } from './audit-repository';
import { currentSchemaVersion, openDatabase, schemaV1, schemaV3, type DatabaseOptions, type ImportRecord, type LegacyInputFileRecord, type LegacySnapshotRecord, type SgAuditDatabase } from './database';
import { decodeSnapshot } from '../../shared/worker/snapshot-codec';
import { closeTestDatabases, trackDatabase, uniqueDatabaseName } from './db-test-support';
import { describeOpenError } from './storage-errors';
import { sha256Hex } from '../../shared/import/digest';

afterEach(closeTestDatabases);

const v1Tables = Object.keys(schemaV1);

/** Installs the v1 fixture under a fresh name, as version 1 of the app left it. */
async function installV1Fixture(): Promise<string> {
  const name = uniqueDatabaseName('v1');
  const db = await importDB(new Blob([v1Export]), { name });
  expect(db.verno).toBe(1);
  db.close();
  return name;
}

/** Every row of every v1 table, read with the v1 schema only (no upgrade runs). */
async function v1Rows(name: string): Promise<Record<string, unknown[]>> {
  const db = new Dexie(name);
  db.version(1).stores(schemaV1);
  try {
    return Object.fromEntries(await Promise.all(v1Tables.map(async (table) => [table, await db.table(table).toArray()] as const)));
  } finally {
    db.close();
  }
}

/** The version on disk, opening the database without declaring any. */
async function storedVersion(name: string): Promise<{ version: number; tables: string[] }> {
  const db = await new Dexie(name).open();
  try {
    return { version: db.verno, tables: db.tables.map((table) => table.name).sort() };
  } finally {
    db.close();
  }
}

describe('upgrade from schema v1 (fixture database)', () => {
  it('keeps every v1 row and starts each audit\'s log with one verified genesis entry', async () => {
    const name = await installV1Fixture();
    const before = await v1Rows(name);
    expect(before.audits).toHaveLength(2);
    expect(before.inputFiles).toHaveLength(12);

    const db: SgAuditDatabase = trackDatabase(openDatabase(name));
    await db.open();
    expect(db.verno).toBe(currentSchemaVersion);
    const movedByV3AndV4 = ['inputFiles', 'snapshots', 'imports'];
    for (const table of v1Tables.filter((name) => !movedByV3AndV4.includes(name))) {
      expect(await db.table(table).toArray(), table).toEqual(before[table]);
    }
    expect(db.tables.map((table) => table.name)).not.toContain('inputFiles');
    // v3 + v4: each file's bytes, exactly, in its import's bundle at the offset its import record
    // gives; every other field of the file and of the import as it was.
    const bundles = new Map((await db.inputBundles.toArray()).map((bundle) => [bundle.importId, bundle]));
    expect(bundles.size).toBe(1);
    const imports = await db.imports.toArray();
    for (const oldImport of before.imports as ImportRecord[]) {
      const { files, ...fields } = oldImport;
      expect(imports.find((record) => record.id === oldImport.id)).toMatchObject(fields);
      expect(files.length).toBeGreaterThan(0);
    }
    for (const old of before.inputFiles as LegacyInputFileRecord[]) {
      const record = imports.find((candidate) => candidate.id === old.importId);
      const file = record?.files.find((entry) => entry.name === old.name);
      expect(file, old.name).toEqual({ name: old.name, size: old.bytes.byteLength, sha256: old.sha256, kind: old.kind, records: old.records, offset: file?.offset });
      const bundle = bundles.get(old.importId);
      const stored = new Uint8Array(await bundle!.blob.slice(file!.offset, file!.offset + file!.size).arrayBuffer());
      expect(stored, old.name).toEqual(new Uint8Array(old.bytes));
    }
    expect(imports.flatMap((record) => record.files)).toHaveLength(12);
    // v3: the snapshot as JSON, decoding to the very snapshot v1 stored.
    for (const old of before.snapshots as LegacySnapshotRecord[]) {
      const row = await db.snapshots.get(old.auditId);
      expect(row).toMatchObject({ groups: old.snapshot.groups.length, instances: old.snapshot.instances.length, updatedAt: old.updatedAt });
      expect(decodeSnapshot(new Uint8Array(await row!.json.arrayBuffer()))).toEqual(old.snapshot);
    }

    const imported = await listActivity(db, 'audit-v1-imported');
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({
      seq: 1,
      kind: 'upgrade',
      detail: { fromSchema: 1, toSchema: 2, files: 12, imports: 1, disabledChecks: 1, createdAt: '2025-03-01T08:00:00.000Z' },
    });
    expect(await verifyActivityChain(imported, 'audit-v1-imported')).toMatchObject({ ok: true, entries: 1 });
    expect((await listActivity(db, 'audit-v1-empty')).map((entry) => [entry.kind, entry.detail.files])).toEqual([['upgrade', 0]]);
  });

  it('leaves an upgraded audit fully usable: outcome, raw files with their hashes, new log entries', async () => {
    const name = await installV1Fixture();
    const db = trackDatabase(openDatabase(name));
    const loaded = await loadAudit(db, 'audit-v1-imported');
    expect(loaded?.snapshot?.groups.length).toBeGreaterThan(0);
    expect(loaded?.result?.checks).toHaveLength(16);
    expect(loaded?.disabledChecks).toEqual(['exposed-ssh-22']);
    const files = await storedFiles(db, 'audit-v1-imported');
    const listed = (await db.imports.toArray()).flatMap((record) => record.files);
    expect(files).toHaveLength(12);
    for (const file of files) {
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      expect(await sha256Hex(bytes), file.name).toBe(listed.find((entry) => entry.name === file.name)?.sha256);
    }
    await saveDisabledChecks(db, 'audit-v1-imported', []);
    const entries = await listActivity(db, 'audit-v1-imported');
    expect(entries.map((entry) => entry.kind)).toEqual(['upgrade', 'toggle']);
    expect((await verifyActivityChain(entries, 'audit-v1-imported')).ok).toBe(true);
  });

  it('a failing upgrade leaves the v1 database as it was, usable, and says so clearly', async () => {
    const name = await installV1Fixture();
    const before = await v1Rows(name);
    const failing = trackDatabase(
      openDatabase(name, {
        upgradeToV2: async (transaction) => {
          await transaction.table('activity').add({ auditId: 'audit-v1-empty', seq: 1, at: '', kind: 'upgrade', detail: {}, prevHash: '', hash: '' });
          throw new Error('injected upgrade failure');
        },
      }),
    );
    const error = await failing.open().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    const message = describeOpenError(error);
    expect(message).toContain('could not be upgraded from storage format 1 to 2');
    expect(message).toContain('injected upgrade failure');
    expect(message).toContain('Nothing was changed');
    failing.close();

    expect(await storedVersion(name)).toEqual({ version: 1, tables: [...v1Tables].sort() });
    expect(await v1Rows(name)).toEqual(before);

    // The old database is still there to upgrade once the cause is fixed.
    const retried = trackDatabase(openDatabase(name));
    expect((await loadAudit(retried, 'audit-v1-imported'))?.activity.map((entry) => entry.kind)).toEqual(['upgrade']);
  });

  // Each failing step first writes something, to show that its partial work is rolled back too.
  const failingSteps: [number, DatabaseOptions][] = [
    [3, { upgradeToV3: async (transaction) => {
      await transaction.table('inputBundles').add({ id: 'half', auditId: 'audit-v1-imported', importId: 'x', blob: new Blob([]) });
      throw new Error('injected v3 failure');
    } }],
    [4, { upgradeToV4: async (transaction) => {
      await transaction.table('imports').toCollection().modify((record: ImportRecord) => {
        record.files = [];
      });
      throw new Error('injected v4 failure');
    } }],
  ];
  it.each(failingSteps)('a failing v%i step rolls back the whole upgrade: the v1 database stays as it was', async (version, options) => {
    const name = await installV1Fixture();
    const before = await v1Rows(name);
    const failing = trackDatabase(openDatabase(name, options));
    const error = await failing.open().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(describeOpenError(error)).toContain(`could not be upgraded from storage format 1 to ${version}`);
    expect(describeOpenError(error)).toContain(`injected v${version} failure`);
    failing.close();
    expect(await storedVersion(name)).toEqual({ version: 1, tables: [...v1Tables].sort() });
    expect(await v1Rows(name)).toEqual(before);
  });

  it('refuses a database written by a newer version, saying so', async () => {
    const name = uniqueDatabaseName('v9');
    const newer = new Dexie(name);
    newer.version(9).stores({ ...schemaV1, future: 'id' });
    await newer.open();
    newer.close();
    const db = trackDatabase(openDatabase(name));
    const error = await db.open().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(describeOpenError(error)).toContain('newer version of SG Audit');
  });
});

/** A v3 database with one import of two files in one bundle, plus any extra file rows. */
async function installV3Database(extraRows: object[] = []): Promise<string> {
  const name = uniqueDatabaseName('v3');
  const v3 = new Dexie(name);
  v3.version(3).stores(schemaV3);
  await v3.open();
  const at = '2025-05-01T00:00:00.000Z';
  await v3.table('audits').add({ id: 'a1', client: 'c', engagement: 'e', auditor: '', date: '2025-05-01', notes: '', createdAt: at, updatedAt: at });
  await v3.table('imports').add({
    id: 'i1', auditId: 'a1', at, rejected: [], errors: 0, warnings: 0, issues: [],
    files: [
      { name: 'b.json', size: 2, sha256: 'hb', kind: 'alibaba:DescribeInstances', records: 1 },
      { name: 'a.json', size: 3, sha256: 'ha', kind: 'alibaba:DescribeSecurityGroups', records: 2 },
    ],
  });
  await v3.table('inputBundles').add({ id: 'b1', auditId: 'a1', importId: 'i1', blob: new Blob([new Uint8Array([1, 2, 3, 4, 5])]) });
  const row = { auditId: 'a1', importId: 'i1', bundleId: 'b1', addedAt: at };
  await v3.table('inputFiles').bulkAdd([
    { ...row, id: 'f2', name: 'b.json', size: 2, sha256: 'hb', kind: 'alibaba:DescribeInstances', records: 1, offset: 3 },
    { ...row, id: 'f1', name: 'a.json', size: 3, sha256: 'ha', kind: 'alibaba:DescribeSecurityGroups', records: 2, offset: 0 },
    ...extraRows,
  ]);
  v3.close();
  return name;
}

describe('upgrade from schema v3', () => {
  it('moves the file rows into their import record, in bundle order, and drops the table', async () => {
    const name = await installV3Database();
    const db = trackDatabase(openDatabase(name));
    await db.open();
    expect(db.verno).toBe(4);
    expect((await storedVersion(name)).tables).not.toContain('inputFiles');
    expect((await db.imports.get('i1'))?.files).toEqual([
      { name: 'a.json', size: 3, sha256: 'ha', kind: 'alibaba:DescribeSecurityGroups', records: 2, offset: 0 },
      { name: 'b.json', size: 2, sha256: 'hb', kind: 'alibaba:DescribeInstances', records: 1, offset: 3 },
    ]);
    const files = await storedFiles(db, 'a1');
    expect(files.map((file) => file.name)).toEqual(['a.json', 'b.json']);
    expect(new Uint8Array(await files[1]!.blob.arrayBuffer())).toEqual(new Uint8Array([4, 5]));
  });

  it('refuses to drop a file row whose import is gone: the v3 database stays as it was', async () => {
    const at = '2025-05-01T00:00:00.000Z';
    const orphan = { id: 'f9', auditId: 'a1', importId: 'gone', bundleId: 'b1', addedAt: at, name: 'c.json', size: 1, sha256: 'hc', kind: 'alibaba:DescribeInstances', records: 0, offset: 0 };
    const name = await installV3Database([orphan]);
    const db = trackDatabase(openDatabase(name));
    const error = await db.open().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(describeOpenError(error)).toContain('could not be upgraded from storage format 3 to 4');
    expect(describeOpenError(error)).toContain('the stored file c.json belongs to import gone, which does not exist');
    db.close();
    expect((await storedVersion(name)).version).toBe(3);
    expect((await storedVersion(name)).tables).toContain('inputFiles');
  });
});

describe('explaining an open error', () => {
  it('calls a failure while an upgrade was under way an upgrade failure, whatever failed', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const message = describeOpenError(Object.assign(new Error('aborted'), { name: 'AbortError', inner: quota }), { from: 1, to: 2 });
    expect(message).toContain('could not be upgraded from storage format 1 to 2: the browser storage for this app is full');
    expect(message).toContain('still stored in format 1');
    expect(describeOpenError(quota)).toContain('storage for this app is full');
  });
});
