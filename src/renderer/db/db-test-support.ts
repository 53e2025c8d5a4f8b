/**
 * Test-only helpers for the database tests (fake-indexeddb): throwaway databases that are deleted
 * after each test, and small audit outcomes. Never imported by the app.
 */
import { encodeSnapshot } from '../../shared/worker/snapshot-codec';
import type { AuditResult, CheckResult } from '../../shared/audit/result';
import type { Snapshot } from '../../shared/model';
import type { ImportCommit } from './audit-repository';
import { openDatabase, type DatabaseOptions, type SgAuditDatabase } from './database';

let counter = 0;
const opened: SgAuditDatabase[] = [];

export function uniqueDatabaseName(label: string): string {
  counter += 1;
  return `sg-audit-${label}-${counter}-${Date.now()}`;
}

export function freshDatabase(label = 'test', options: DatabaseOptions = {}): SgAuditDatabase {
  return trackDatabase(openDatabase(uniqueDatabaseName(label), options));
}

/** Registers a database to be closed and deleted by closeTestDatabases. */
export function trackDatabase<T extends SgAuditDatabase>(db: T): T {
  opened.push(db);
  return db;
}

export async function closeTestDatabases(): Promise<void> {
  const databases = opened.splice(0);
  databases.forEach((db) => db.close());
  for (const db of databases) await db.delete();
}

export const testDetails = {
  client: 'Demo Co.',
  engagement: 'FY25',
  auditor: 'A. Auditor',
  date: '2025-01-31',
  notes: '',
};

export function emptySnapshot(groups = 0): Snapshot {
  return {
    inputs: [],
    groups: Array.from({ length: groups }, (_, index) => ({
      id: `sg-${index}`,
      name: `group ${index}`,
      description: '',
      regionId: 'cn-shanghai',
      vpcId: '',
      type: 'normal',
      innerAccessPolicy: '',
      resourceGroupId: '',
      creationTime: '',
      serviceManaged: false,
      tags: [],
      rulesImported: true,
      rules: [],
      origins: [],
    })),
    instances: [],
    networkInterfaces: [],
    issues: [],
    gaps: [],
  };
}

export function check(id: string, groups: string[]): CheckResult {
  return {
    id,
    risk: 'high',
    enabled: true,
    status: groups.length > 0 ? 'at-risk' : 'passed',
    securityGroups: groups,
    instances: [],
    findings: [],
    gaps: [],
  };
}

export function result(...checks: CheckResult[]): AuditResult {
  return { catalogueVersion: 'test', checks };
}

export function commitFor(
  auditId: string,
  name: string,
  snapshot: Snapshot,
  audit: AuditResult,
  bytes = new Uint8Array([1, 2, 3]),
): ImportCommit {
  return {
    auditId,
    files: [
      {
        name,
        sha256: `hash-of-${name}`,
        kind: 'alibaba:DescribeSecurityGroups',
        records: 1,
        content: new Blob([bytes]),
      },
    ],
    rejected: [],
    issues: [{ severity: 'warning', code: 'w', message: 'a warning', file: name }],
    snapshot: encodeSnapshot(snapshot),
    result: audit,
  };
}

/** How many files the database stores, over every import of every audit. */
export async function storedFileCount(db: SgAuditDatabase): Promise<number> {
  return (await db.imports.toArray()).reduce((count, record) => count + record.files.length, 0);
}
