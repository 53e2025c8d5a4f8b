/**
 * Backup of every audit to one file, and restore from it (dexie-export-import underneath).
 *
 * Restore never touches the current audits until the backup has been checked: its format and
 * schema version, the SHA-256 of its database part, then the database itself, imported into a
 * temporary database and verified there (row counts, the audits it lists, every activity chain,
 * every stored file against its SHA-256, no orphan rows). Only then are the current tables
 * replaced, in ONE transaction: if anything fails, the current audits stay as they were.
 */
import Dexie from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import { describeChainBreak, verifyActivityChain } from '../../shared/activity/chain';
import { sha256Hex } from '../../shared/import/digest';
import { appendActivity, listActivity } from './activity-log';
import { importedFiles, newId } from './audit-repository';
import { BackupRefusedError } from './backup-errors';
import {
  backupEnvelope,
  backupFormatName,
  backupFormatVersion,
  locateBackup,
  type BackupAuditListing,
  type BackupHeader,
} from './backup-format';
import {
  currentSchemaVersion,
  openDatabase,
  schemaV2,
  schemaV3,
  schemaV4,
  type AuditRecord,
  type SgAuditDatabase,
} from './database';
import { describeError, translateStorageError } from './storage-errors';

/** Temporary databases of a restore are named with this prefix (and removed afterwards). */
export const restoreDatabasePrefix = 'sg-audit-restore-';

export interface Backup {
  header: BackupHeader;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** `sg-audit-backup-2025-06-30-0815.json` (UTC). */
export function backupFileName(createdAt: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(createdAt);
  return match === null
    ? 'sg-audit-backup.json'
    : `sg-audit-backup-${match[1]}-${match[2]}${match[3]}.json`;
}

/** Storage formats a backup may hold: older formats are upgraded as they are restored. */
export const restorableSchemaVersions = [2, 3, currentSchemaVersion] as const;

/** The tables a schema declares (a null entry deletes a table of an older version). */
function declaredStores(schema: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(schema).filter((entry): entry is [string, string] => entry[1] !== null),
  );
}

/** The stores of each restorable format, to read a backup into before upgrading it. */
const storesOfVersion: Record<number, Record<string, string>> = {
  2: schemaV2,
  3: schemaV3,
  4: declaredStores(schemaV4),
};

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** Every audit and everything stored for it, read in one transaction, as one file. */
export async function createBackup(
  db: SgAuditDatabase,
  app: { name: string; version: string },
  now: Date = new Date(),
): Promise<Backup> {
  const audits: BackupAuditListing[] = [];
  const tables: Record<string, number> = {};
  for (const table of db.tables) tables[table.name] = 0;
  const payloadBlob = await exportDB(db, {
    prettyJson: false,
    // Counted as exported, inside the export's own read transaction: the header matches the payload.
    filter: (table: string, value: unknown) => {
      tables[table] = (tables[table] ?? 0) + 1;
      if (table === 'audits') {
        const audit = value as AuditRecord;
        audits.push({
          id: audit.id,
          client: audit.client,
          engagement: audit.engagement,
          updatedAt: audit.updatedAt,
        });
      }
      return true;
    },
  });
  const payload = new Uint8Array(await payloadBlob.arrayBuffer());
  const createdAt = now.toISOString();
  const header: BackupHeader = {
    format: backupFormatName,
    formatVersion: backupFormatVersion,
    app,
    schemaVersion: currentSchemaVersion,
    createdAt,
    tables,
    audits,
    payloadBytes: payload.byteLength,
    payloadSha256: await sha256Hex(payload),
  };
  const { prefix, suffix } = backupEnvelope(header);
  return { header, fileName: backupFileName(createdAt), bytes: concat([prefix, payload, suffix]) };
}

export interface CheckedBackup {
  header: BackupHeader;
  fileName: string;
  payload: Blob;
  /** SHA-256 of the whole file, for the activity entry the restore writes. */
  fileSha256: string;
}

/**
 * Everything that can be checked without opening the database inside: what the file is, its
 * schema version, and the SHA-256 of its database part. Throws BackupRefusedError, naming the file.
 */
export async function checkBackupFile(file: Blob, fileName: string): Promise<CheckedBackup> {
  const located = await locateBackup(file, fileName, restorableSchemaVersions);
  const payload = file.slice(located.payloadStart, located.payloadEnd);
  const payloadBytes = new Uint8Array(await payload.arrayBuffer());
  const actual = await sha256Hex(payloadBytes);
  if (actual !== located.header.payloadSha256) {
    throw new BackupRefusedError(
      `${fileName} was changed after it was made, or is damaged: the SHA-256 of its contents is ${actual}, the backup records ${located.header.payloadSha256}. Nothing was restored.`,
    );
  }
  return {
    header: located.header,
    fileName,
    payload,
    fileSha256: await sha256Hex(new Uint8Array(await file.arrayBuffer())),
  };
}

function refusal(fileName: string, reason: string): BackupRefusedError {
  return new BackupRefusedError(
    `${fileName} does not hold together: ${reason}. Nothing was restored.`,
  );
}

/** The rows read back, table by table, are the rows the header lists (before any upgrade changes them). */
async function verifyRowCounts(staging: Dexie, checked: CheckedBackup): Promise<void> {
  const { header, fileName } = checked;
  for (const table of staging.tables) {
    const rows = await table.count();
    if (rows !== (header.tables[table.name] ?? 0))
      throw refusal(
        fileName,
        `table ${table.name} has ${rows} rows, the backup lists ${header.tables[table.name] ?? 0}`,
      );
  }
}

/** Rows of the restored (and upgraded) database that do not hold together. */
async function verifyRestoredDatabase(
  temp: SgAuditDatabase,
  checked: CheckedBackup,
): Promise<void> {
  const { header, fileName } = checked;
  const refuse = (reason: string): never => {
    throw refusal(fileName, reason);
  };
  const audits = await temp.audits.toArray();
  const ids = new Set(audits.map((audit) => audit.id));
  const listed = header.audits.map((audit) => audit.id).sort();
  if (listed.join('\n') !== [...ids].sort().join('\n'))
    refuse('the audits inside are not the audits the backup lists');
  for (const audit of header.audits) {
    const stored = audits.find((row) => row.id === audit.id);
    if (stored?.client !== audit.client || stored.engagement !== audit.engagement)
      refuse(`audit ${audit.id} is not as the backup lists it`);
  }
  const owners: [string, unknown[]][] = [
    ['inputBundles', await temp.inputBundles.orderBy('auditId').uniqueKeys()],
    ['imports', await temp.imports.orderBy('auditId').uniqueKeys()],
    ['snapshots', await temp.snapshots.toCollection().primaryKeys()],
    ['results', await temp.results.toCollection().primaryKeys()],
    ['checkSettings', await temp.checkSettings.toCollection().primaryKeys()],
    ['activity', (await temp.activity.toCollection().primaryKeys()).map((key) => key[0])],
  ];
  for (const [table, auditIds] of owners) {
    const orphan = auditIds.find((id) => typeof id !== 'string' || !ids.has(id));
    if (orphan !== undefined)
      refuse(`table ${table} has rows of audit ${String(orphan)}, which is not in the backup`);
  }
  for (const audit of audits) {
    const verification = await verifyActivityChain(await listActivity(temp, audit.id), audit.id);
    if (!verification.ok)
      refuse(
        `the activity log of audit ${audit.id} is broken: ${describeChainBreak(verification)}`,
      );
  }
  // File by file, so that only one file's bytes are in memory at a time.
  const files = importedFiles(await temp.imports.toArray(), await temp.inputBundles.toArray());
  for (const { file, blob } of files) {
    if (blob === null) refuse(`stored file ${file.name} has no bytes`);
    const bytes = new Uint8Array(await (blob as Blob).arrayBuffer());
    if ((await sha256Hex(bytes)) !== file.sha256)
      refuse(`stored file ${file.name} does not match its SHA-256`);
  }
}

/**
 * Reads the backup into a temporary database of the backup's own format, checks its row counts,
 * then opens it as this build's format: an older backup is upgraded exactly as a stored database is.
 */
async function readBackupInto(tempName: string, checked: CheckedBackup): Promise<SgAuditDatabase> {
  const version = checked.header.schemaVersion;
  const staging = new Dexie(tempName, { chromeTransactionDurability: 'strict' });
  staging.version(version).stores(storesOfVersion[version] ?? declaredStores(schemaV4));
  try {
    try {
      await importInto(staging, checked.payload, {
        acceptNameDiff: true,
        chunkSizeBytes: 4 * 1024 * 1024,
      });
    } catch (error) {
      throw new BackupRefusedError(
        `${checked.fileName} could not be read back: ${describeError(error)}. Nothing was restored.`,
      );
    }
    await verifyRowCounts(staging, checked);
  } finally {
    staging.close();
  }
  const temp = openDatabase(tempName);
  await temp.open();
  return temp;
}

/** Removes temporary databases a previous restore left behind (a closed tab, a crash). */
async function removeStaleRestoreDatabases(): Promise<void> {
  const names = await Dexie.getDatabaseNames();
  for (const name of names) if (name.startsWith(restoreDatabasePrefix)) await Dexie.delete(name);
}

export interface RestoreOutcome {
  audits: number;
  replacedAudits: number;
}

/**
 * Replaces every audit with the backup's, after checking it in full (see the top of this file).
 * Each restored audit's activity log gets a 'restore' entry naming the backup file and its hash.
 */
export async function restoreBackup(
  db: SgAuditDatabase,
  checked: CheckedBackup,
): Promise<RestoreOutcome> {
  await removeStaleRestoreDatabases();
  const tempName = `${restoreDatabasePrefix}${newId()}`;
  let temp: SgAuditDatabase | null = null;
  try {
    temp = await readBackupInto(tempName, checked);
    await verifyRestoredDatabase(temp, checked);
    // Read before the swap: a transaction on the app's database cannot wait on another database.
    const rows = new Map<string, unknown[]>();
    for (const table of temp.tables) rows.set(table.name, await table.toArray());
    const currentMeta = await db.meta.toArray();
    const at = new Date().toISOString();
    let replacedAudits = 0;
    try {
      await db.transaction('rw', db.tables, async () => {
        replacedAudits = await db.audits.count();
        for (const table of db.tables) await table.clear();
        for (const table of db.tables) await table.bulkAdd(rows.get(table.name) ?? []);
        // App flags (e.g. "the sample was created") the backup does not set stay as they were.
        for (const meta of currentMeta)
          if ((await db.meta.get(meta.key)) === undefined) await db.meta.add(meta);
        for (const audit of checked.header.audits) {
          await appendActivity(db, {
            auditId: audit.id,
            kind: 'restore',
            at,
            detail: {
              file: checked.fileName,
              fileSha256: checked.fileSha256,
              backupCreatedAt: checked.header.createdAt,
              appVersion: checked.header.app.version,
            },
          });
        }
      });
    } catch (error) {
      throw translateStorageError(error);
    }
    return { audits: checked.header.audits.length, replacedAudits };
  } finally {
    temp?.close();
    await Dexie.delete(tempName);
  }
}
