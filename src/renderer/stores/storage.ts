/**
 * The app's storage as a whole: opening the database (and what to say when that fails), whether
 * the browser keeps it persistently, how much space it uses, and backup and restore of every audit.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { sha256Hex } from '../../shared/import/digest';
import { checkBackupFile, createBackup, restoreBackup, type CheckedBackup, type RestoreOutcome } from '../db/backup';
import { useDatabase } from '../db/connection';
import { describeOpenError } from '../db/storage-errors';
import { selectHost } from '../hosts/select-host';
import { useAuditsStore } from './audits';
import { useWorkspaceStore } from './workspace';

/** 'persistent': kept until the auditor deletes it; 'best-effort': the browser may evict it. */
export type Persistence = 'persistent' | 'best-effort' | 'unknown';

export interface SavedBackup {
  fileName: string;
  audits: number;
  bytes: number;
  sha256: string;
}

interface StorageManagerLike {
  persisted?: () => Promise<boolean>;
  persist?: () => Promise<boolean>;
  estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

function storageManager(): StorageManagerLike | null {
  return typeof navigator === 'undefined' ? null : ((navigator.storage as StorageManagerLike | undefined) ?? null);
}

export const useStorageStore = defineStore('storage', () => {
  /** Set when the database could not be opened (a failed upgrade, a newer database, …). */
  const openError = ref<string | null>(null);
  const persistence = ref<Persistence>('unknown');
  /** The desktop app keeps its data in its own profile: persistent whatever the browser API says. */
  const desktop = ref(false);
  const usage = ref<number | null>(null);
  const quota = ref<number | null>(null);
  let persistenceAsked = false;

  /** Opens the database (running any upgrade); false, with openError set, when it cannot be. */
  async function open(): Promise<boolean> {
    const db = useDatabase();
    try {
      await db.open();
      openError.value = null;
      return true;
    } catch (error) {
      openError.value = describeOpenError(error, db.attemptedUpgrade);
      return false;
    }
  }

  /** Asks once per start that the browser not evict the audits, and records the answer. */
  async function requestPersistence(): Promise<void> {
    desktop.value = selectHost().kind === 'electron';
    if (desktop.value) {
      persistence.value = 'persistent';
      return;
    }
    const manager = storageManager();
    try {
      if ((await manager?.persisted?.()) === true) {
        persistence.value = 'persistent';
      } else if (!persistenceAsked && manager?.persist !== undefined) {
        persistenceAsked = true;
        persistence.value = (await manager.persist()) ? 'persistent' : 'best-effort';
      } else {
        persistence.value = manager?.persisted === undefined ? 'unknown' : 'best-effort';
      }
    } catch {
      persistence.value = 'unknown';
    }
  }

  async function refreshEstimate(): Promise<void> {
    try {
      const estimate = await storageManager()?.estimate?.();
      usage.value = estimate?.usage ?? null;
      quota.value = estimate?.quota ?? null;
    } catch {
      usage.value = null;
      quota.value = null;
    }
  }

  /** Every audit to one file, saved by the host (download or save dialog); null if cancelled. */
  async function backUp(appVersion: string): Promise<SavedBackup | null> {
    const backup = await createBackup(useDatabase(), { name: 'sg-audit', version: appVersion });
    const sha256 = await sha256Hex(backup.bytes);
    const saved = await selectHost().saveFile({ suggestedName: backup.fileName, mimeType: 'application/json', data: backup.bytes });
    if (!saved) return null;
    return { fileName: backup.fileName, audits: backup.header.audits.length, bytes: backup.bytes.byteLength, sha256 };
  }

  /** Checks a chosen file before anything is replaced; throws BackupRefusedError with the reason. */
  function checkRestoreFile(file: Blob, fileName: string): Promise<CheckedBackup> {
    return checkBackupFile(file, fileName);
  }

  /** Replaces every audit with the checked backup's (all or nothing), then shows the new list. */
  async function restore(checked: CheckedBackup): Promise<RestoreOutcome> {
    const workspace = useWorkspaceStore();
    workspace.close();
    try {
      return await restoreBackup(useDatabase(), checked);
    } finally {
      await useAuditsStore().refresh();
      await refreshEstimate();
    }
  }

  return { openError, persistence, desktop, usage, quota, open, requestPersistence, refreshEstimate, backUp, checkRestoreFile, restore };
});
