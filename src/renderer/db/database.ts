/**
 * The one IndexedDB database of the app, behind Dexie. Every schema change is a new version with
 * an upgrade test; never edit a published version's stores.
 *
 * Evidence is kept: every imported file's raw bytes are stored as received, so an audit can be
 * re-run over all its files when more are imported, and the auditor can show what was assessed.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { AuditResult } from '../../shared/audit/result';
import type { ImportIssue, InputKind, Snapshot } from '../../shared/model';

export const databaseName = 'sg-audit';

/** Counts kept on the audit row so the audits list needs no snapshot or result. */
export interface AuditSummary {
  files: number;
  securityGroups: number;
  instances: number;
  atRiskChecks: number;
  atRiskSecurityGroups: number;
  atRiskInstances: number;
}

export interface AuditRecord {
  id: string;
  client: string;
  engagement: string;
  auditor: string;
  /** The audit's date as the auditor gave it, `YYYY-MM-DD`. */
  date: string;
  notes: string;
  /** ISO 8601. */
  createdAt: string;
  updatedAt: string;
  /** Set once an import was committed. */
  summary?: AuditSummary;
  /** True for the built-in sample audit. */
  sample?: boolean;
}

export interface InputFileRecord {
  id: string;
  auditId: string;
  importId: string;
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes below. */
  sha256: string;
  kind: InputKind;
  records: number;
  /** The file exactly as received. */
  bytes: Uint8Array;
  addedAt: string;
}

export interface ImportFileSummary {
  name: string;
  size: number;
  sha256: string;
  kind: InputKind;
  records: number;
}

export interface ImportRecord {
  id: string;
  auditId: string;
  at: string;
  files: ImportFileSummary[];
  /** Files offered but not stored (unreadable, or already in the audit). */
  rejected: { name: string; reason: string }[];
  errors: number;
  warnings: number;
  /** The issues this import's files raised, as the summary before commit showed them. */
  issues: ImportIssue[];
}

export interface SnapshotRecord {
  auditId: string;
  snapshot: Snapshot;
  updatedAt: string;
}

export interface ResultRecord {
  auditId: string;
  result: AuditResult;
  updatedAt: string;
}

export interface CheckSettingsRecord {
  auditId: string;
  disabledChecks: string[];
}

export interface MetaRecord {
  key: string;
  value: string;
}

export type SgAuditDatabase = Dexie & {
  audits: EntityTable<AuditRecord, 'id'>;
  inputFiles: EntityTable<InputFileRecord, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  snapshots: EntityTable<SnapshotRecord, 'auditId'>;
  results: EntityTable<ResultRecord, 'auditId'>;
  checkSettings: EntityTable<CheckSettingsRecord, 'auditId'>;
  meta: EntityTable<MetaRecord, 'key'>;
};

/** Version 1 stores. Indexes only; Dexie stores every other field as is. */
export const schemaV1 = {
  audits: 'id, updatedAt',
  inputFiles: 'id, auditId, [auditId+sha256]',
  imports: 'id, auditId, at',
  snapshots: 'auditId',
  results: 'auditId',
  checkSettings: 'auditId',
  meta: 'key',
} as const;

export function openDatabase(name: string = databaseName): SgAuditDatabase {
  // 'strict' makes Chromium flush each transaction to disk before reporting success, so a crash
  // right after "imported" cannot lose the import.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SgAuditDatabase;
  db.version(1).stores(schemaV1);
  return db;
}
