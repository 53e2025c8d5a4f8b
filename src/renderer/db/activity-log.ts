/**
 * Appending to and reading an audit's activity log. Entries are written inside the transaction of
 * the change they record, so a change and its entry are stored together or not at all. Hashing is
 * Web Crypto, which is not IndexedDB: Dexie.waitFor keeps the transaction open while it runs.
 */
import Dexie from 'dexie';
import {
  nextActivityEntry,
  type ActivityDetail,
  type ActivityKind,
} from '../../shared/activity/chain';
import { canonicalJson, sha256OfText } from '../../shared/report/canonical-json';
import type { AuditResult } from '../../shared/audit/result';
import type { ActivityRecord, AuditRecord, ImportRecord, SgAuditDatabase } from './database';

export interface ActivityAction {
  auditId: string;
  kind: ActivityKind;
  detail: ActivityDetail;
  /** ISO 8601; defaults to now. */
  at?: string;
}

function auditRange(auditId: string): [[string, unknown], [string, unknown]] {
  return [
    [auditId, Dexie.minKey],
    [auditId, Dexie.maxKey],
  ];
}

/** The audit's entries in seq order. */
export async function listActivity(
  db: SgAuditDatabase,
  auditId: string,
): Promise<ActivityRecord[]> {
  const [lower, upper] = auditRange(auditId);
  return db.activity.where('[auditId+seq]').between(lower, upper, true, true).toArray();
}

/** The audit's last entry, if any. */
export async function activityHead(
  db: SgAuditDatabase,
  auditId: string,
): Promise<ActivityRecord | undefined> {
  const [lower, upper] = auditRange(auditId);
  return db.activity.where('[auditId+seq]').between(lower, upper, true, true).last();
}

/** Only with the whole audit: the log is never edited or shortened otherwise. */
export async function deleteActivityOfAudit(db: SgAuditDatabase, auditId: string): Promise<void> {
  const [lower, upper] = auditRange(auditId);
  await db.activity.where('[auditId+seq]').between(lower, upper, true, true).delete();
}

/**
 * Appends one entry after the audit's head. Call it inside a 'rw' transaction that includes
 * db.activity (and the tables of the change it records); on its own it is a transaction of its own.
 * The key [auditId+seq] is unique: two writers racing for the same seq cannot both succeed.
 */
export async function appendActivity(
  db: SgAuditDatabase,
  action: ActivityAction,
): Promise<ActivityRecord> {
  const head = await activityHead(db, action.auditId);
  const entry = await Dexie.waitFor(
    nextActivityEntry(head, {
      auditId: action.auditId,
      at: action.at ?? new Date().toISOString(),
      kind: action.kind,
      detail: action.detail,
    }),
  );
  await db.activity.add(entry);
  return entry;
}

/** SHA-256 of the canonical JSON of the files' hashes, sorted: one value that pins the files. */
export function inputsDigest(hashes: readonly string[]): Promise<string> {
  return sha256OfText(canonicalJson([...hashes].sort()));
}

export function createActivityDetail(audit: AuditRecord): ActivityDetail {
  return {
    client: audit.client,
    engagement: audit.engagement,
    auditor: audit.auditor,
    date: audit.date,
    sample: audit.sample === true,
  };
}

export interface ImportActivity {
  record: ImportRecord;
  /** The audit created by this same import (the built-in sample): logged as created first. */
  newAudit?: AuditRecord;
  /** The counts of the snapshot stored with the import. */
  snapshot: { groups: number; instances: number };
  result: AuditResult;
}

/**
 * The import's entry (and the audit's 'create' entry when the import creates it): counts, and one
 * hash over the SHA-256 of every file stored, so the log pins the evidence without holding it.
 * Call it inside the import's transaction.
 */
export async function appendImportActivity(
  db: SgAuditDatabase,
  activity: ImportActivity,
): Promise<void> {
  const { record, newAudit, snapshot, result } = activity;
  if (newAudit !== undefined) {
    await appendActivity(db, {
      auditId: newAudit.id,
      kind: 'create',
      detail: createActivityDetail(newAudit),
      at: newAudit.createdAt,
    });
  }
  const inputsSha256 = await Dexie.waitFor(inputsDigest(record.files.map((file) => file.sha256)));
  await appendActivity(db, {
    auditId: record.auditId,
    kind: 'import',
    at: record.at,
    detail: {
      importId: record.id,
      files: record.files.length,
      bytes: record.files.reduce((sum, file) => sum + file.size, 0),
      inputsSha256,
      rejected: record.rejected.length,
      errors: record.errors,
      warnings: record.warnings,
      securityGroups: snapshot.groups,
      instances: snapshot.instances,
      atRiskChecks: result.checks.filter((check) => check.status === 'at-risk').length,
    },
  });
}

/** What an export entry records: the saved report, by name and hash. */
export interface ExportActivityDetail {
  format: string;
  language: string;
  file: string;
  bytes: number;
  sha256: string;
  findingsSha256: string;
  /** The log's head when the report was made: the hash the report itself carries. */
  activityHeadHash: string | null;
}

/** After a report was saved: its own transaction, and only while the audit still exists. */
export async function appendExportActivity(
  db: SgAuditDatabase,
  auditId: string,
  detail: ExportActivityDetail,
): Promise<ActivityRecord> {
  return db.transaction('rw', [db.audits, db.activity], async () => {
    if ((await db.audits.get(auditId)) === undefined)
      throw new Error('This audit no longer exists.');
    return appendActivity(db, { auditId, kind: 'export', detail: { ...detail } });
  });
}
