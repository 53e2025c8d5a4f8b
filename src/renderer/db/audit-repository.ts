/**
 * Everything the app reads from and writes to IndexedDB, as named operations over the database.
 * Each operation that changes more than one table is one transaction: all or nothing.
 */
import type { AuditResult } from '../../shared/audit/result';
import { withDisabledChecks } from '../../shared/audit/run-checks';
import type { ImportIssue, Snapshot } from '../../shared/model';
import type { UnreadFile } from '../../shared/host/host-api';
import {
  decodeSnapshot,
  decodeSnapshotInSlices,
  type EncodedSnapshot,
} from '../../shared/worker/snapshot-codec';
import { headOf, type SnapshotHead } from '../../shared/worker/snapshot-head';
import {
  appendActivity,
  appendImportActivity,
  createActivityDetail,
  deleteActivityOfAudit,
  listActivity,
} from './activity-log';
import type {
  ActivityRecord,
  AuditRecord,
  AuditSummary,
  ImportFileSummary,
  ImportRecord,
  InputBundleRecord,
  SgAuditDatabase,
  SnapshotRecord,
} from './database';
import { nextTask } from '../next-task';
import { translateStorageError } from './storage-errors';

export type AuditDetails = Pick<
  AuditRecord,
  'client' | 'engagement' | 'auditor' | 'date' | 'notes'
>;

export interface NewInputFile extends Omit<ImportFileSummary, 'offset' | 'size'> {
  /** The file exactly as received (a picked File, or a Blob of bytes); its size is the Blob's. */
  content: Blob;
}

export interface ImportCommit {
  auditId: string;
  /** The audit row to create in the same transaction (the built-in sample), if it is new. */
  newAudit?: AuditRecord;
  files: NewInputFile[];
  rejected: { name: string; reason: string }[];
  issues: ImportIssue[];
  /** The outcome of the run over all of the audit's files, the new ones included. */
  snapshot: EncodedSnapshot;
  result: AuditResult;
  /** A meta flag to set with the import (e.g. "the sample audit was created"). */
  meta?: { key: string; value: string };
}

export interface LoadedAudit {
  audit: AuditRecord;
  snapshot: Snapshot | null;
  result: AuditResult | null;
  disabledChecks: string[];
  imports: ImportRecord[];
  /** The audit's activity log, in seq order. */
  activity: ActivityRecord[];
}

export function newId(): string {
  return crypto.randomUUID();
}

function now(): string {
  return new Date().toISOString();
}

/** The counts shown in the audits list, with the audit's switched-off items left out. */
export function summariseAudit(
  counts: Pick<AuditSummary, 'files' | 'securityGroups' | 'instances'>,
  result: AuditResult,
  disabledChecks: readonly string[],
): AuditSummary {
  const visible = withDisabledChecks(result, disabledChecks);
  const groups = new Set<string>();
  const instances = new Set<string>();
  let atRiskChecks = 0;
  for (const check of visible.checks) {
    if (check.status === 'at-risk') atRiskChecks += 1;
    check.securityGroups.forEach((id) => groups.add(id));
    check.instances.forEach((id) => instances.add(id));
  }
  return {
    ...counts,
    atRiskChecks,
    atRiskSecurityGroups: groups.size,
    atRiskInstances: instances.size,
  };
}

export async function listAudits(db: SgAuditDatabase): Promise<AuditRecord[]> {
  return db.audits.orderBy('updatedAt').reverse().toArray();
}

export async function createAudit(
  db: SgAuditDatabase,
  details: AuditDetails,
): Promise<AuditRecord> {
  const at = now();
  const audit: AuditRecord = { id: newId(), ...details, createdAt: at, updatedAt: at };
  try {
    await db.transaction('rw', [db.audits, db.activity], async () => {
      await db.audits.add(audit);
      await appendActivity(db, {
        auditId: audit.id,
        kind: 'create',
        detail: createActivityDetail(audit),
        at,
      });
    });
  } catch (error) {
    throw translateStorageError(error);
  }
  return audit;
}

export async function updateAuditDetails(
  db: SgAuditDatabase,
  id: string,
  details: AuditDetails,
): Promise<void> {
  const at = now();
  try {
    await db.transaction('rw', [db.audits, db.activity], async () => {
      const before = await db.audits.get(id);
      if (before === undefined) throw new Error('This audit no longer exists.');
      await db.audits.update(id, { ...details, updatedAt: at });
      const detail = editActivityDetail(before, details);
      if (detail !== null) await appendActivity(db, { auditId: id, kind: 'edit', detail, at });
    });
  } catch (error) {
    throw translateStorageError(error);
  }
}

const shortDetailFields = ['client', 'engagement', 'auditor', 'date'] as const;

/** Which details changed, with the new values of the short ones (notes can be long: named only). */
function editActivityDetail(
  before: AuditRecord,
  after: AuditDetails,
): { changed: string[]; to: Record<string, string> } | null {
  const changed = [...shortDetailFields, 'notes' as const].filter(
    (field) => before[field] !== after[field],
  );
  if (changed.length === 0) return null;
  const to: Record<string, string> = {};
  for (const field of shortDetailFields) if (changed.includes(field)) to[field] = after[field];
  return { changed, to };
}

/** The audit's row and every table that holds rows of one audit: what deleting or importing touches. */
function auditTables(db: SgAuditDatabase) {
  return [db.audits, db.inputBundles, db.imports, db.snapshots, db.results, db.checkSettings, db.activity];
}

/** Deletes the audit and everything stored for it (its activity log too), in one transaction. */
export async function deleteAudit(db: SgAuditDatabase, id: string): Promise<void> {
  await db.transaction(
    'rw',
    auditTables(db),
    async () => {
      await deleteActivityOfAudit(db, id);
      await db.inputBundles.where('auditId').equals(id).delete();
      await db.imports.where('auditId').equals(id).delete();
      await db.snapshots.delete(id);
      await db.results.delete(id);
      await db.checkSettings.delete(id);
      await db.audits.delete(id);
    },
  );
}

/** A stored snapshot's head, and its groups and instances read and decoded only when asked for. */
export interface LazySnapshot {
  head: SnapshotHead;
  read(): Promise<Snapshot>;
}

async function decodeBlob(json: Blob): Promise<Snapshot> {
  return decodeSnapshot(new Uint8Array(await json.arrayBuffer()));
}

/** Decoded in slices between which the page keeps drawing (a view is waiting, its spinner should turn). */
async function decodeBlobInSlices(json: Blob): Promise<Snapshot> {
  return decodeSnapshotInSlices(new Uint8Array(await json.arrayBuffer()), nextTask);
}

/** Rows stored before heads existed are decoded at once: their head comes from the snapshot. */
async function lazySnapshot(row: Pick<SnapshotRecord, 'json' | 'head'>): Promise<LazySnapshot> {
  if (row.head !== undefined) {
    const { head, json } = row;
    let reading: Promise<Snapshot> | undefined;
    return { head, read: () => (reading ??= decodeBlobInSlices(json)) };
  }
  const snapshot = await decodeBlob(row.json);
  return { head: headOf(snapshot), read: () => Promise.resolve(snapshot) };
}

/** loadAudit without decoding the snapshot: for opening an audit, whose results need only its head. */
export async function loadAuditLazily(
  db: SgAuditDatabase,
  id: string,
): Promise<(Omit<LoadedAudit, 'snapshot'> & { snapshot: LazySnapshot | null }) | null> {
  const loaded = await readAudit(db, id, true);
  if (loaded === null) return null;
  const { snapshotRow, ...rest } = loaded;
  return { ...rest, snapshot: snapshotRow === null ? null : await lazySnapshot(snapshotRow) };
}

/**
 * `withOutcome: false` leaves the snapshot and result unread (both null): for a caller that holds
 * the very outcome it just stored, since reading back a 2,000-group snapshot costs seconds.
 */
export async function loadAudit(
  db: SgAuditDatabase,
  id: string,
  { withOutcome = true }: { withOutcome?: boolean } = {},
): Promise<LoadedAudit | null> {
  const loaded = await readAudit(db, id, withOutcome);
  if (loaded === null) return null;
  // Read after the transaction: a Blob read is not an IndexedDB request and would end it.
  const { snapshotRow, ...rest } = loaded;
  return { ...rest, snapshot: snapshotRow === null ? null : await decodeBlob(snapshotRow.json) };
}

async function readAudit(db: SgAuditDatabase, id: string, withOutcome: boolean) {
  return db.transaction(
    'r',
    [db.audits, db.snapshots, db.results, db.checkSettings, db.imports, db.activity],
    async () => {
      const audit = await db.audits.get(id);
      if (audit === undefined) return null;
      const [snapshot, result, settings, imports, activity] = await Promise.all([
        withOutcome ? db.snapshots.get(id) : undefined,
        withOutcome ? db.results.get(id) : undefined,
        db.checkSettings.get(id),
        db.imports.where('auditId').equals(id).sortBy('at'),
        listActivity(db, id),
      ]);
      return {
        audit,
        snapshotRow: snapshot ?? null,
        result: result?.result ?? null,
        disabledChecks: settings?.disabledChecks ?? [],
        imports,
        activity,
      };
    },
  );
}

/** The audit's stored files, in import order, as slices of their bundles (nothing read yet). */
export async function storedFiles(
  db: SgAuditDatabase,
  auditId: string,
): Promise<(UnreadFile & { blob: Blob })[]> {
  const [imports, bundles] = await db.transaction('r', [db.imports, db.inputBundles], () =>
    Promise.all([
      db.imports.where('auditId').equals(auditId).sortBy('at'),
      db.inputBundles.where('auditId').equals(auditId).toArray(),
    ]),
  );
  return importedFiles(imports, bundles).map(({ file, blob }) => {
    if (blob === null)
      throw new Error(
        `The stored file ${file.name} has lost its contents (its import's bundle is missing or too short).`,
      );
    return { name: file.name, blob };
  });
}

/**
 * Every file the import records list, in their order, with its bytes as a slice of its import's
 * bundle: null where the bundle is missing or ends before the file does.
 */
export function importedFiles(
  imports: readonly ImportRecord[],
  bundles: readonly InputBundleRecord[],
): { file: ImportFileSummary; blob: Blob | null }[] {
  const blobs = new Map(bundles.map((bundle) => [bundle.importId, bundle.blob]));
  return imports.flatMap((record) => {
    const bundle = blobs.get(record.id);
    return record.files.map((file) => ({
      file,
      blob:
        bundle instanceof Blob && bundle.size >= file.offset + file.size
          ? bundle.slice(file.offset, file.offset + file.size)
          : null,
    }));
  });
}

/**
 * Stores one import: its files, its record, the new snapshot and result, and the audit's summary,
 * in ONE transaction. If anything fails (quota, a vanished audit, a value that cannot be stored)
 * the transaction aborts and the audit stays exactly as it was.
 */
export async function commitImport(
  db: SgAuditDatabase,
  commit: ImportCommit,
): Promise<ImportRecord> {
  const at = now();
  let offset = 0;
  const files = commit.files.map(({ name, sha256, kind, records, content }): ImportFileSummary => {
    // The bundle's bytes are the truth: each file lies at its offset, its Blob's size long.
    const placed = { name, size: content.size, sha256, kind, records, offset };
    offset += content.size;
    return placed;
  });
  const importRecord: ImportRecord = {
    id: newId(),
    auditId: commit.auditId,
    at,
    files,
    rejected: commit.rejected,
    errors: commit.issues.filter((issue) => issue.severity === 'error').length,
    warnings: commit.issues.filter((issue) => issue.severity === 'warning').length,
    issues: commit.issues,
  };
  const bundle = {
    id: newId(),
    auditId: commit.auditId,
    importId: importRecord.id,
    blob: new Blob(commit.files.map((file) => file.content)),
  };
  const snapshotJson = new Blob([commit.snapshot.json as Uint8Array<ArrayBuffer>]);
  try {
    await db.transaction(
      'rw',
      [...auditTables(db), db.meta],
      async () => {
        if (commit.newAudit !== undefined) await db.audits.add(commit.newAudit);
        const audit = await db.audits.get(commit.auditId);
        if (audit === undefined) throw new Error('This audit no longer exists.');
        const settings = await db.checkSettings.get(commit.auditId);
        const earlier = await db.imports.where('auditId').equals(commit.auditId).toArray();
        const fileCount = earlier.reduce((count, record) => count + record.files.length, 0);
        await db.inputBundles.add(bundle);
        await db.imports.add(importRecord);
        await appendImportActivity(db, {
          record: importRecord,
          newAudit: commit.newAudit,
          snapshot: commit.snapshot,
          result: commit.result,
        });
        await db.snapshots.put({
          auditId: commit.auditId,
          json: snapshotJson,
          groups: commit.snapshot.groups,
          instances: commit.snapshot.instances,
          head: commit.snapshot.head,
          updatedAt: at,
        });
        await db.results.put({ auditId: commit.auditId, result: commit.result, updatedAt: at });
        const summary = summariseAudit(
          {
            files: fileCount + files.length,
            securityGroups: commit.snapshot.groups,
            instances: commit.snapshot.instances,
          },
          commit.result,
          settings?.disabledChecks ?? [],
        );
        await db.audits.update(commit.auditId, { updatedAt: at, summary });
        if (commit.meta !== undefined) await db.meta.put(commit.meta);
      },
    );
  } catch (error) {
    throw translateStorageError(error);
  }
  return importRecord;
}

/** Switches check items on or off for one audit; the stored result is never changed. */
export async function saveDisabledChecks(
  db: SgAuditDatabase,
  auditId: string,
  disabledChecks: readonly string[],
): Promise<AuditSummary | null> {
  const sorted = [...new Set(disabledChecks)].sort();
  try {
    return await db.transaction(
      'rw',
      [db.audits, db.results, db.checkSettings, db.activity],
      async () => {
        const [audit, stored, settings] = await Promise.all([
          db.audits.get(auditId),
          db.results.get(auditId),
          db.checkSettings.get(auditId),
        ]);
        if (audit === undefined) throw new Error('This audit no longer exists.');
        const previous = new Set(settings?.disabledChecks ?? []);
        await db.checkSettings.put({ auditId, disabledChecks: sorted });
        const switchedOff = sorted.filter((id) => !previous.has(id));
        const switchedOn = [...previous].filter((id) => !sorted.includes(id)).sort();
        if (switchedOff.length > 0 || switchedOn.length > 0) {
          await appendActivity(db, {
            auditId,
            kind: 'toggle',
            detail: { switchedOff, switchedOn, disabledNow: sorted.length },
          });
        }
        if (audit.summary === undefined || stored === undefined) return null;
        const summary = summariseAudit(audit.summary, stored.result, sorted);
        await db.audits.update(auditId, { summary });
        return summary;
      },
    );
  } catch (error) {
    throw translateStorageError(error);
  }
}

export async function getMeta(db: SgAuditDatabase, key: string): Promise<string | undefined> {
  return (await db.meta.get(key))?.value;
}
