/**
 * The one IndexedDB database of the app, behind Dexie. Every schema change is a new version with
 * an upgrade test; never edit a published version's stores.
 *
 * Evidence is kept: every imported file's raw bytes are stored as received, so an audit can be
 * re-run over all its files when more are imported, and the auditor can show what was assessed.
 * Since v3 an import's files are stored as ONE Blob (its bundle) and the snapshot as one Blob of
 * JSON: storing 2,000 small byte arrays and structured-cloning millions of snapshot objects took
 * seconds; one Blob each takes milliseconds. Since v4 the import record says where each file's
 * bytes lie in its bundle; there is no row per file any more.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { ActivityEntry } from '../../shared/activity/chain';
import type { AuditResult } from '../../shared/audit/result';
import type { ImportIssue, InputKind, Snapshot } from '../../shared/model';
import type { SnapshotHead } from '../../shared/worker/snapshot-head';
import { NewerSchemaError, SchemaUpgradeError } from './storage-errors';
import { addGenesisEntries } from './upgrade-v2';
import { bundleFilesAndEncodeSnapshots } from './upgrade-v3';
import { moveFileRowsIntoImports } from './upgrade-v4';

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

/** A v3 file row (v4 keeps the same facts in ImportRecord.files). */
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
  /** The bundle holding the file exactly as received, at `offset`, `size` bytes long. */
  bundleId: string;
  offset: number;
  addedAt: string;
}

/** A v1/v2 file row: its bytes inline (the v3 upgrade moves them into bundles). */
export type LegacyInputFileRecord = Omit<InputFileRecord, 'bundleId' | 'offset'> & {
  bytes: Uint8Array;
};

/** The files of one import, concatenated in the order of their offsets. */
export interface InputBundleRecord {
  id: string;
  auditId: string;
  importId: string;
  blob: Blob;
}

export interface ImportFileSummary {
  name: string;
  size: number;
  /** Hex SHA-256 of the bytes stored for it. */
  sha256: string;
  kind: InputKind;
  records: number;
  /** Where its bytes start in the import's bundle (the inputBundles row with this importId). */
  offset: number;
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

/** The snapshot as UTF-8 JSON (shared/worker/snapshot-codec.ts), with the counts beside it. */
export interface SnapshotRecord {
  auditId: string;
  json: Blob;
  groups: number;
  instances: number;
  /** Absent from rows stored before the head existed: those are decoded whole to find it. */
  head?: SnapshotHead;
  updatedAt: string;
}

/** A v1/v2 snapshot row: the snapshot as objects. */
export interface LegacySnapshotRecord {
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

/** One entry of an audit's activity log (append-only, hash-chained; see shared/activity/chain.ts). */
export type ActivityRecord = ActivityEntry;

export type SgAuditDatabase = Dexie & {
  audits: EntityTable<AuditRecord, 'id'>;
  inputBundles: EntityTable<InputBundleRecord, 'id'>;
  imports: EntityTable<ImportRecord, 'id'>;
  snapshots: EntityTable<SnapshotRecord, 'auditId'>;
  results: EntityTable<ResultRecord, 'auditId'>;
  checkSettings: EntityTable<CheckSettingsRecord, 'auditId'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /** Keyed by [auditId+seq]: a second writer of the same seq fails, so the chain cannot fork. */
  activity: Table<ActivityRecord, [string, number]>;
  /** Set when opening started a schema upgrade: how an open error is explained (describeOpenError). */
  attemptedUpgrade?: { from: number; to: number };
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

/** Version 2 adds the activity log. */
export const schemaV2 = {
  ...schemaV1,
  activity: '[auditId+seq]',
} as const;

/** Version 3 stores each import's files as one Blob (inputBundles) and the snapshot as JSON. */
export const schemaV3 = {
  ...schemaV2,
  inputBundles: 'id, auditId',
} as const;

/** Version 4 drops the row per file: each import record lists its files and their offsets. */
export const schemaV4 = {
  ...schemaV3,
  inputFiles: null,
} as const;

/** The schema version this build writes; backups carry it. */
export const currentSchemaVersion = 4;

export type UpgradeFunction = (transaction: Transaction) => Promise<void>;

export interface DatabaseOptions {
  /** Test seam: the v1 → v2 upgrade (default: a genesis activity entry per existing audit). */
  upgradeToV2?: UpgradeFunction;
  /** Test seam: the v2 → v3 upgrade (default: files into bundles, snapshots into JSON). */
  upgradeToV3?: UpgradeFunction;
  /** Test seam: the v3 → v4 upgrade (default: file rows into their import records). */
  upgradeToV4?: UpgradeFunction;
}

/**
 * Declares `version` with its stores and upgrade step. One versionchange transaction runs every
 * step from the stored version up: a failure in any leaves the database at its first version, and
 * the error names that version and the step that failed.
 */
function addVersion(
  db: SgAuditDatabase,
  version: number,
  stores: Record<string, string | null>,
  step: UpgradeFunction,
): void {
  db.version(version)
    .stores(stores)
    .upgrade(async (transaction) => {
      db.attemptedUpgrade = { from: db.attemptedUpgrade?.from ?? version - 1, to: version };
      try {
        await step(transaction);
      } catch (error) {
        throw new SchemaUpgradeError(db.attemptedUpgrade.from, version, { cause: error });
      }
    });
}

/**
 * Opens (lazily, on first use) the database at the current version. An upgrade runs inside
 * IndexedDB's versionchange transaction: if it throws, the transaction aborts, the database stays
 * at its old version with its old rows, and open() rejects (see describeOpenError).
 */
export function openDatabase(
  name: string = databaseName,
  options: DatabaseOptions = {},
): SgAuditDatabase {
  // 'strict' makes Chromium flush each transaction to disk before reporting success, so a crash
  // right after "imported" cannot lose the import.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SgAuditDatabase;
  db.version(1).stores(schemaV1);
  addVersion(db, 2, schemaV2, options.upgradeToV2 ?? addGenesisEntries);
  addVersion(db, 3, schemaV3, options.upgradeToV3 ?? bundleFilesAndEncodeSnapshots);
  addVersion(db, 4, schemaV4, options.upgradeToV4 ?? moveFileRowsIntoImports);
  // Dexie 4 opens a database of a higher version as it is; this build must not write into a
  // format it does not know. (IndexedDB's version is Dexie's times ten, plus Dexie's own patches.)
  db.on('ready', () => {
    const stored = Math.floor(db.backendDB().version / 10);
    if (stored > currentSchemaVersion)
      return Promise.reject(new NewerSchemaError(stored, currentSchemaVersion));
    return undefined;
  });
  return db;
}
