/**
 * The storage store and the activity log in the open audit: opening the database (and the clear
 * error when an upgrade fails), persistence and space, backup and restore through the host, and the
 * workspace's log after changes. Real importer and engine (in-process host), fake IndexedDB.
 */
import 'fake-indexeddb/auto';
import '../db/node-file-reader';
import Dexie from 'dexie';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HostApi, SaveRequest } from '../../shared/host/host-api';
import { setDatabaseForTesting } from '../db/connection';
import { openDatabase, schemaV1, type SgAuditDatabase } from '../db/database';
import { closeTestDatabases, trackDatabase, uniqueDatabaseName } from '../db/db-test-support';
import { createInProcessHost } from '../hosts/in-process-host';
import { useHostForTesting } from '../hosts/select-host';
import { useAuditsStore } from './audits';
import { useStorageStore } from './storage';
import { useWorkspaceStore } from './workspace';

let db: SgAuditDatabase;
let saved: SaveRequest[];

function installHost(kind: HostApi['kind'] = 'web'): void {
  const host = createInProcessHost();
  saved = [];
  useHostForTesting({
    ...host,
    kind,
    auditFiles: host.auditFiles.bind(host),
    async saveFile(request: SaveRequest): Promise<boolean> {
      saved.push(request);
      return true;
    },
  });
}

beforeEach(() => {
  db = trackDatabase(openDatabase(uniqueDatabaseName('storage-store')));
  setDatabaseForTesting(db);
  installHost();
  setActivePinia(createPinia());
});

afterEach(async () => {
  await closeTestDatabases();
  setDatabaseForTesting(null);
  useHostForTesting(null);
  vi.unstubAllGlobals();
});

describe('opening the stored audits', () => {
  it('opens the current database', async () => {
    const storage = useStorageStore();
    expect(await storage.open()).toBe(true);
    expect(storage.openError).toBeNull();
  });

  it('says clearly that nothing was changed when an upgrade fails', async () => {
    // A v1 database with one audit, then the app's module with an upgrade that throws.
    const name = uniqueDatabaseName('v1-store');
    const old = new Dexie(name);
    old.version(1).stores(schemaV1);
    await old.table('audits').add({ id: 'a', client: 'c', engagement: 'e', auditor: '', date: '', notes: '', createdAt: '', updatedAt: '' });
    old.close();
    setDatabaseForTesting(trackDatabase(openDatabase(name, { upgradeToV2: () => Promise.reject(new Error('disk says no')) })));
    const storage = useStorageStore();
    expect(await storage.open()).toBe(false);
    expect(storage.openError).toContain('could not be upgraded from storage format 1 to 2: disk says no');
    expect(storage.openError).toContain('Nothing was changed');
  });
});

describe('persistence and space', () => {
  it('asks the browser once to keep the audits, and shows its answer', async () => {
    const persist = vi.fn(async () => false);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist, estimate: async () => ({ usage: 2048, quota: 4096 }) } });
    const storage = useStorageStore();
    await storage.requestPersistence();
    expect(storage.persistence).toBe('best-effort');
    await storage.requestPersistence();
    expect(persist).toHaveBeenCalledTimes(1);
    await storage.refreshEstimate();
    expect([storage.usage, storage.quota]).toEqual([2048, 4096]);
  });

  it('reports persistent storage when the browser grants it or already has', async () => {
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => true } });
    const storage = useStorageStore();
    await storage.requestPersistence();
    expect(storage.persistence).toBe('persistent');
    setActivePinia(createPinia());
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist: () => Promise.reject(new Error('not asked')) } });
    const again = useStorageStore();
    await again.requestPersistence();
    expect(again.persistence).toBe('persistent');
  });

  it('the desktop app is persistent whatever the browser API says', async () => {
    installHost('electron');
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist: async () => false } });
    const storage = useStorageStore();
    await storage.requestPersistence();
    expect(storage.persistence).toBe('persistent');
    expect(storage.desktop).toBe(true);
  });
});

describe('backup and restore through the store', () => {
  it('saves one JSON file through the host and restores it over changed audits', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const sample = audits.audits[0]!;
    const storage = useStorageStore();
    const backup = await storage.backUp('9.9.9-test');
    expect(backup).toMatchObject({ audits: 1 });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ suggestedName: backup?.fileName, mimeType: 'application/json' });
    const bytes = saved[0]!.data as Uint8Array<ArrayBuffer>;

    await audits.remove(sample.id);
    await audits.create({ client: 'New', engagement: 'To be replaced', auditor: '', date: '', notes: '' });
    const checked = await storage.checkRestoreFile(new Blob([bytes]), backup!.fileName);
    expect(await storage.restore(checked)).toEqual({ audits: 1, replacedAudits: 1 });
    expect(audits.audits.map((audit) => audit.engagement)).toEqual([sample.engagement]);

    const workspace = useWorkspaceStore();
    await workspace.open(sample.id);
    expect(workspace.checkRows.filter((row) => row.status === 'at-risk')).toHaveLength(16);
    expect(workspace.activity.map((entry) => entry.kind)).toEqual(['create', 'import', 'restore']);
    expect(workspace.activityVerification).toMatchObject({ ok: true, entries: 3 });
  });
});

describe('the open audit\'s activity log', () => {
  it('follows switches and exports, and verifies the chain; the audits list follows the switch', async () => {
    const audits = useAuditsStore();
    await audits.ensureSampleAudit();
    const workspace = useWorkspaceStore();
    await workspace.open(audits.audits[0]!.id);
    await workspace.setCheckEnabled('exposed-ssh-22', false);
    await workspace.recordExport({ format: 'pdf', language: 'en', file: 'r.pdf', bytes: 1, sha256: 'a'.repeat(64), findingsSha256: 'b'.repeat(64), activityHeadHash: null });
    expect(workspace.activity.map((entry) => entry.kind)).toEqual(['create', 'import', 'toggle', 'export']);
    expect(workspace.activity[2]?.detail).toMatchObject({ switchedOff: ['exposed-ssh-22'] });
    // The audits list follows the switch too.
    expect(audits.audits[0]?.summary?.atRiskChecks).toBe(15);
    expect(workspace.activityVerification).toMatchObject({ ok: true, entries: 4, headHash: workspace.activity[3]?.hash });
  });
});
