/**
 * Schema v1 → v2: the activity log starts. Audits stored before it get one genesis entry
 * ('upgrade') that records the change of format and what the audit held at that moment, so their
 * chain starts from a known state rather than from nothing.
 */
import Dexie, { type Transaction } from 'dexie';
import { nextActivityEntry } from '../../shared/activity/chain';
import type { AuditRecord, CheckSettingsRecord } from './database';

export async function addGenesisEntries(transaction: Transaction): Promise<void> {
  const at = new Date().toISOString();
  const audits = (await transaction.table('audits').toArray()) as AuditRecord[];
  for (const audit of audits) {
    const [files, imports, settings] = await Promise.all([
      transaction.table('inputFiles').where('auditId').equals(audit.id).count(),
      transaction.table('imports').where('auditId').equals(audit.id).count(),
      transaction.table('checkSettings').get(audit.id) as Promise<CheckSettingsRecord | undefined>,
    ]);
    const entry = await Dexie.waitFor(
      nextActivityEntry(undefined, {
        auditId: audit.id,
        at,
        kind: 'upgrade',
        detail: {
          fromSchema: 1,
          toSchema: 2,
          note: 'Activity log started: actions before this entry were not logged.',
          createdAt: audit.createdAt,
          files,
          imports,
          disabledChecks: settings?.disabledChecks.length ?? 0,
        },
      }),
    );
    await transaction.table('activity').add(entry);
  }
}
