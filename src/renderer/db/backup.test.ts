import 'fake-indexeddb/auto';
import './node-file-reader';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextActivityEntry, verifyActivityChain } from '../../shared/activity/chain';
import { sha256Hex } from '../../shared/import/digest';
import { listActivity } from './activity-log';
import { commitImport, createAudit, loadAudit, saveDisabledChecks, storedFiles } from './audit-repository';
import { checkBackupFile, createBackup, restoreBackup, restoreDatabasePrefix } from './backup';
import { BackupRefusedError } from './backup-errors';
import { schemaV2, schemaV3, type SgAuditDatabase } from './database';
import { check, closeTestDatabases, commitFor, emptySnapshot, freshDatabase, result, testDetails, uniqueDatabaseName } from './db-test-support';

afterEach(closeTestDatabases);

const app = { name: 'sg-audit', version: '9.9.9-test' };

/** Two audits: one with an import (raw bytes), switches and a log; one just created. */
async function populated(): Promise<SgAuditDatabase> {
  const db = freshDatabase('source');
  const audit = await createAudit(db, { ...testDetails, engagement: 'Backup “审计” <b>' });
  const bytes = new TextEncoder().encode(JSON.stringify({ SecurityGroups: { SecurityGroup: [] }, note: '安全组' }));
  await commitImport(db, { ...commitFor(audit.id, 'groups.json', emptySnapshot(3), result(check('c1', ['sg-0'])), bytes), files: [{ ...commitFor(audit.id, 'groups.json', emptySnapshot(3), result(), bytes).files[0]!, sha256: await sha256Hex(bytes) }] });
  await saveDisabledChecks(db, audit.id, ['c1']);
  await createAudit(db, { ...testDetails, client: 'Second client' });
  await db.meta.put({ key: 'sample-created', value: '2025-01-01T00:00:00.000Z' });
  return db;
}

/** A row with its Blobs and bytes as plain arrays: toEqual sees no difference between two Blobs. */
async function comparable(row: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Blob) out[key] = { blob: [...new Uint8Array(await value.arrayBuffer())] };
    else if (value instanceof Uint8Array) out[key] = [...value];
    else out[key] = value;
  }
  return out;
}

/** Every table's rows, comparable (see above). */
async function contents(db: Dexie): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await Promise.all((await table.toArray()).map(comparable));
  return out;
}

function fileOf(bytes: Uint8Array<ArrayBuffer>): Blob {
  return new Blob([bytes]);
}

async function backupOf(db: SgAuditDatabase) {
  return createBackup(db, app, new Date('2025-06-30T08:15:00Z'));
}

/** The backup as text, edited, as a file again. */
function edited(bytes: Uint8Array, edit: (text: string) => string): Blob {
  return new Blob([edit(new TextDecoder().decode(bytes))]);
}

/** Replaces the last occurrence: inside the database part, not the header that lists the audits. */
function replaceLast(text: string, from: string, to: string): string {
  const at = text.lastIndexOf(from);
  expect(at).toBeGreaterThan(text.indexOf(',"payload":'));
  return `${text.slice(0, at)}${to}${text.slice(at + from.length)}`;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupRefusedError);
  return (error as Error).message;
}

describe('backup', () => {
  it('writes one JSON file: format, app and schema version, contents listed, the database and its SHA-256', async () => {
    const db = await populated();
    const backup = await backupOf(db);
    expect(backup.fileName).toBe('sg-audit-backup-2025-06-30-0815.json');
    const whole = JSON.parse(new TextDecoder().decode(backup.bytes)) as Record<string, unknown>;
    expect(whole).toMatchObject({ format: 'sg-audit-backup', formatVersion: 1, app, schemaVersion: 4, createdAt: '2025-06-30T08:15:00.000Z' });
    expect(whole.tables).toEqual({ audits: 2, inputBundles: 1, imports: 1, snapshots: 1, results: 1, checkSettings: 1, meta: 1, activity: 4 });
    expect((whole.audits as { client: string }[]).map((audit) => audit.client).sort()).toEqual(['Demo Co.', 'Second client']);
    expect((whole.payload as { formatName: string }).formatName).toBe('dexie');
  });
});

describe('restore', () => {
  it('round trip: the restored database is the backed-up one, each log continued by a restore entry', async () => {
    const source = await populated();
    const backup = await backupOf(source);
    const before = await contents(source);

    const target = freshDatabase('target');
    const other = await createAudit(target, { ...testDetails, client: 'Replaced client' });
    const checked = await checkBackupFile(fileOf(backup.bytes), backup.fileName);
    expect(checked.header.audits).toHaveLength(2);
    expect(await restoreBackup(target, checked)).toEqual({ audits: 2, replacedAudits: 1 });

    const after = await contents(target);
    for (const table of Object.keys(before).filter((name) => name !== 'activity')) expect(after[table], table).toEqual(before[table]);
    expect(await target.audits.get(other.id)).toBeUndefined();
    for (const audit of checked.header.audits) {
      const log = await listActivity(target, audit.id);
      expect(log.slice(0, -1)).toEqual(await listActivity(source, audit.id));
      expect(log[log.length - 1]).toMatchObject({ kind: 'restore', detail: { file: backup.fileName, fileSha256: await sha256Hex(backup.bytes), backupCreatedAt: '2025-06-30T08:15:00.000Z' } });
      expect((await verifyActivityChain(log, audit.id)).ok).toBe(true);
    }
    expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith(restoreDatabasePrefix))).toEqual([]);
  });

  it('restores a backup of storage format 2, upgrading it: the same files, snapshot and log', async () => {
    const name = uniqueDatabaseName('v2-source');
    const v2 = new Dexie(name);
    v2.version(2).stores(schemaV2);
    const raw = new TextEncoder().encode('{"SecurityGroups":{"SecurityGroup":[]},"note":"格式 2"}');
    const snapshot = emptySnapshot(2);
    const at = '2025-05-01T00:00:00.000Z';
    const auditRow = { id: 'a2', ...testDetails, createdAt: at, updatedAt: at };
    await v2.table('audits').add(auditRow);
    await v2.table('imports').add({ id: 'i2', auditId: 'a2', at, files: [{ name: 'groups.json', size: raw.byteLength, sha256: await sha256Hex(raw), kind: 'alibaba:DescribeSecurityGroups', records: 0 }], rejected: [], errors: 0, warnings: 0, issues: [] });
    await v2.table('inputFiles').add({ id: 'f2', auditId: 'a2', importId: 'i2', name: 'groups.json', size: raw.byteLength, sha256: await sha256Hex(raw), kind: 'alibaba:DescribeSecurityGroups', records: 0, bytes: raw, addedAt: at });
    await v2.table('snapshots').add({ auditId: 'a2', snapshot, updatedAt: at });
    await v2.table('activity').add(await nextActivityEntry(undefined, { auditId: 'a2', at, kind: 'create', detail: {} }));
    const backup = await createBackup(v2 as SgAuditDatabase, app, new Date('2025-06-30T08:15:00Z'));
    v2.close();
    await Dexie.delete(name);
    expect(backup.header.tables).not.toHaveProperty('inputBundles');
    const asV2 = edited(backup.bytes, (text) => text.replace('"schemaVersion":4', '"schemaVersion":2'));

    const target = freshDatabase('v2-target');
    await restoreBackup(target, await checkBackupFile(asV2, 'v2.json'));
    const [file] = await storedFiles(target, 'a2');
    expect(file?.name).toBe('groups.json');
    expect(new Uint8Array(await file!.blob.arrayBuffer())).toEqual(raw);
    expect((await loadAudit(target, 'a2'))?.snapshot).toEqual(snapshot);
    expect((await listActivity(target, 'a2')).map((entry) => entry.kind)).toEqual(['create', 'restore']);
  });

  it('restores a backup of storage format 3, upgrading it: files listed in their import with their offsets', async () => {
    const name = uniqueDatabaseName('v3-source');
    const v3 = new Dexie(name);
    v3.version(3).stores(schemaV3);
    const first = new TextEncoder().encode('{"SecurityGroups":{"SecurityGroup":[]}}');
    const second = new TextEncoder().encode('{"Instances":{"Instance":[]},"note":"格式 3"}');
    const at = '2025-05-01T00:00:00.000Z';
    const file = (id: string, fileName: string, bytes: Uint8Array, offset: number) => ({ id, auditId: 'a3', importId: 'i3', bundleId: 'b3', addedAt: at, name: fileName, size: bytes.byteLength, kind: 'alibaba:DescribeSecurityGroups', records: 0, offset });
    await v3.table('audits').add({ id: 'a3', ...testDetails, createdAt: at, updatedAt: at });
    await v3.table('imports').add({ id: 'i3', auditId: 'a3', at, files: [], rejected: [], errors: 0, warnings: 0, issues: [] });
    await v3.table('inputBundles').add({ id: 'b3', auditId: 'a3', importId: 'i3', blob: new Blob([first, second]) });
    await v3.table('inputFiles').bulkAdd([
      { ...file('f1', 'groups.json', first, 0), sha256: await sha256Hex(first) },
      { ...file('f2', 'instances.json', second, first.byteLength), sha256: await sha256Hex(second) },
    ]);
    await v3.table('activity').add(await nextActivityEntry(undefined, { auditId: 'a3', at, kind: 'create', detail: {} }));
    const backup = await createBackup(v3 as unknown as SgAuditDatabase, app, new Date('2025-06-30T08:15:00Z'));
    v3.close();
    await Dexie.delete(name);
    expect(backup.header.tables).toMatchObject({ inputFiles: 2, inputBundles: 1 });
    const asV3 = edited(backup.bytes, (text) => text.replace('"schemaVersion":4', '"schemaVersion":3'));

    const target = freshDatabase('v3-target');
    await restoreBackup(target, await checkBackupFile(asV3, 'v3.json'));
    const files = await storedFiles(target, 'a3');
    expect(files.map((stored) => stored.name)).toEqual(['groups.json', 'instances.json']);
    expect(new Uint8Array(await files[1]!.blob.arrayBuffer())).toEqual(second);
    expect((await target.imports.get('i3'))?.files.map((listed) => listed.offset)).toEqual([0, first.byteLength]);
  });

  it('refuses a backup whose stored file does not match its SHA-256 after the upgrade', async () => {
    const name = uniqueDatabaseName('v3-bad');
    const v3 = new Dexie(name);
    v3.version(3).stores(schemaV3);
    const at = '2025-05-01T00:00:00.000Z';
    await v3.table('audits').add({ id: 'a3', ...testDetails, createdAt: at, updatedAt: at });
    await v3.table('imports').add({ id: 'i3', auditId: 'a3', at, files: [], rejected: [], errors: 0, warnings: 0, issues: [] });
    await v3.table('inputBundles').add({ id: 'b3', auditId: 'a3', importId: 'i3', blob: new Blob(['abc']) });
    await v3.table('inputFiles').add({ id: 'f1', auditId: 'a3', importId: 'i3', bundleId: 'b3', addedAt: at, name: 'groups.json', size: 3, sha256: 'not-the-hash', kind: 'alibaba:DescribeSecurityGroups', records: 0, offset: 0 });
    await v3.table('activity').add(await nextActivityEntry(undefined, { auditId: 'a3', at, kind: 'create', detail: {} }));
    const backup = await createBackup(v3 as unknown as SgAuditDatabase, app, new Date('2025-06-30T08:15:00Z'));
    v3.close();
    await Dexie.delete(name);
    const asV3 = edited(backup.bytes, (text) => text.replace('"schemaVersion":4', '"schemaVersion":3'));
    const target = freshDatabase('v3-bad-target');
    const message = await refusal(restoreBackup(target, await checkBackupFile(asV3, 'v3.json')));
    expect(message).toContain('stored file groups.json does not match its SHA-256');
  });

  it('refuses a backup whose bundle ends before a file it lists', async () => {
    const source = await populated();
    await source.inputBundles.toCollection().modify((bundle) => {
      bundle.blob = new Blob([]);
    });
    const backup = await backupOf(source);
    const target = freshDatabase('short-bundle-target');
    const message = await refusal(restoreBackup(target, await checkBackupFile(fileOf(backup.bytes), backup.fileName)));
    expect(message).toMatch(/stored file .+ has no bytes/);
  });

  it('refuses a hand-edited backup, naming the file, and keeps the current audits', async () => {
    const backup = await backupOf(await populated());
    const target = freshDatabase('target');
    await createAudit(target, { ...testDetails, client: 'Kept client' });
    const before = await contents(target);

    const tampered = edited(backup.bytes, (text) => replaceLast(text, '"client":"Second client"', '"client":"Second CLIENT"'));
    const message = await refusal(checkBackupFile(tampered, 'edited.json'));
    expect(message).toContain('edited.json was changed after it was made');
    expect(message).toContain('Nothing was restored');
    expect(await contents(target)).toEqual(before);
  });

  it('refuses a backup whose header no longer matches what is inside', async () => {
    const backup = await backupOf(await populated());
    const target = freshDatabase('target');
    await createAudit(target, { ...testDetails, client: 'Kept client' });
    const before = await contents(target);

    // Only the header's listing is edited: the payload hash still holds, the read-back check does not.
    const relisted = edited(backup.bytes, (text) => text.replace('"client":"Second client","engagement"', '"client":"Other client","engagement"'));
    const checked = await checkBackupFile(relisted, 'relisted.json');
    expect(await refusal(restoreBackup(target, checked))).toContain('relisted.json does not hold together');

    const recounted = edited(backup.bytes, (text) => text.replace('"activity":4', '"activity":3'));
    expect(await refusal(restoreBackup(target, await checkBackupFile(recounted, 'recounted.json')))).toContain('table activity has 4 rows, the backup lists 3');
    expect(await contents(target)).toEqual(before);
    expect((await Dexie.getDatabaseNames()).filter((name) => name.startsWith(restoreDatabasePrefix))).toEqual([]);
  });

  it('refuses a backup edited with its hash recomputed when an activity log no longer verifies', async () => {
    const backup = await backupOf(await populated());
    const text = new TextDecoder().decode(backup.bytes);
    const start = text.indexOf(',"payload":') + ',"payload":'.length;
    const payload = text.slice(start, text.lastIndexOf('}')).replace('"switchedOff":["c1"]', '"switchedOff":["c9"]');
    const payloadBytes = new TextEncoder().encode(payload);
    const header = text.slice(0, start).replace(/"payloadBytes":\d+/, `"payloadBytes":${payloadBytes.byteLength}`).replace(/"payloadSha256":"[0-9a-f]+"/, `"payloadSha256":"${await sha256Hex(payloadBytes)}"`);
    const target = freshDatabase('target');
    const checked = await checkBackupFile(new Blob([header, payload, '}\n']), 'forged.json');
    expect(await refusal(restoreBackup(target, checked))).toMatch(/activity log of audit .* is broken: activity entry 3 was changed/);
    expect(await target.audits.count()).toBe(0);
  });

  it('refuses other schema and format versions, raw exports, other files and cut files', async () => {
    const source = await populated();
    const backup = await backupOf(source);
    expect(await refusal(checkBackupFile(edited(backup.bytes, (text) => text.replace('"schemaVersion":4', '"schemaVersion":1')), 'old.json'))).toContain(
      'old.json holds storage format 1 (made by SG Audit 9.9.9-test); this version of SG Audit restores storage formats 2, 3 and 4 only',
    );
    expect(await refusal(checkBackupFile(edited(backup.bytes, (text) => text.replace('"formatVersion":1,', '"formatVersion":2,')), 'next.json'))).toContain(
      'next.json is in backup format 2',
    );
    const raw = await (await import('dexie-export-import')).exportDB(source);
    expect(await refusal(checkBackupFile(raw, 'raw.json'))).toContain('raw.json is a raw database export, not an SG Audit backup');
    expect(await refusal(checkBackupFile(new Blob(['{"SecurityGroups":{}}']), 'groups.json'))).toContain('groups.json is not an SG Audit backup');
    expect(await refusal(checkBackupFile(new Blob([backup.bytes.slice(0, backup.bytes.byteLength - 200)]), 'cut.json'))).toContain('cut.json');
  });

  it('keeps the current audits when the swap itself fails (all or nothing)', async () => {
    const backup = await backupOf(await populated());
    const target = freshDatabase('target');
    await createAudit(target, { ...testDetails, client: 'Kept client' });
    const before = await contents(target);
    const checked = await checkBackupFile(fileOf(backup.bytes), backup.fileName);
    // Fails after every table was cleared and most were refilled.
    const spy = vi.spyOn(target.table('activity'), 'bulkAdd').mockRejectedValueOnce(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    await expect(restoreBackup(target, checked)).rejects.toThrow('storage for this app is full');
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(await contents(target)).toEqual(before);
  });
});
