/**
 * One import into one audit, from picked files to a committed transaction:
 * read → audit ALL of the audit's files plus the new ones → review → commit (or cancel).
 * Nothing is written before the auditor confirms, and the commit is one transaction.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { RendererFile } from '../../shared/host/host-api';
import { defaultImportLimits } from '../../shared/import/limits';
import type { ImportIssue, InputKind } from '../../shared/model';
import type { AuditOutcome, AuditProgress } from '../../shared/worker/protocol';
import { withDisabledChecks } from '../../shared/audit/run-checks';
import { buildCheckRows } from '../audit-view/audit-view';
import { commitImport, storedFileHashes, storedFiles } from '../db/audit-repository';
import { useDatabase } from '../db/connection';
import { describeError, StorageFullError } from '../db/storage-errors';
import { selectHost } from '../hosts/select-host';
import type { PickedFile } from '../importing/collect-files';
import {
  fileKind,
  fileRecordCount,
  isUnusableFile,
  runAudit,
  sha256Hex,
  type FileContribution,
} from '../importing/run-audit';
import { useAuditsStore } from './audits';
import { useWorkspaceStore } from './workspace';

export type ImportPhase = 'idle' | 'reading' | 'auditing' | 'review' | 'committing' | 'committed' | 'failed';

export type ImportEntryStatus =
  | 'queued'
  | 'reading'
  | 'read'
  | 'duplicate'
  | 'too-large'
  | 'imported'
  | 'unusable';

export interface ImportEntry {
  name: string;
  size: number;
  status: ImportEntryStatus;
  sha256: string;
  kind: InputKind | null;
  records: number;
  issues: ImportIssue[];
}

export const useImportSessionStore = defineStore('import-session', () => {
  const phase = ref<ImportPhase>('idle');
  const auditId = ref<string | null>(null);
  const entries = ref<ImportEntry[]>([]);
  const storedCount = ref(0);
  const progress = ref<AuditProgress | null>(null);
  const outcome = shallowRef<AuditOutcome | null>(null);
  const error = ref<string | null>(null);
  const storageFull = ref(false);
  /** Bytes of the files to store, by entry index; kept out of reactivity. */
  let pendingBytes = new Map<number, Uint8Array>();
  /** Bumped by every start/cancel so a stale run cannot write into a newer session. */
  let generation = 0;

  const storableEntries = computed(() => entries.value.filter((entry) => entry.status === 'imported'));
  const newIssues = computed(() => entries.value.flatMap((entry) => entry.issues));
  const errorCount = computed(() => newIssues.value.filter((issue) => issue.severity === 'error').length);
  const warningCount = computed(() => newIssues.value.filter((issue) => issue.severity === 'warning').length);
  const canCommit = computed(
    () => phase.value === 'review' && outcome.value !== null && storableEntries.value.length > 0,
  );
  const previewRows = computed(() => {
    if (outcome.value === null) return [];
    const workspace = useWorkspaceStore();
    const disabled = workspace.audit?.id === auditId.value ? workspace.disabledChecks : [];
    return buildCheckRows(withDisabledChecks(outcome.value.result, disabled));
  });

  function reset(): void {
    generation += 1;
    phase.value = 'idle';
    auditId.value = null;
    entries.value = [];
    storedCount.value = 0;
    progress.value = null;
    outcome.value = null;
    error.value = null;
    storageFull.value = false;
    pendingBytes = new Map();
  }

  function fail(message: string): void {
    phase.value = 'failed';
    error.value = message;
    outcome.value = null;
  }

  function fileLevelIssue(name: string, code: string, message: string): ImportIssue {
    return { severity: 'error', code, message, file: name };
  }

  async function readFiles(picked: PickedFile[], known: Set<string>, run: number): Promise<void> {
    const seen = new Set(known);
    for (const [index, item] of picked.entries()) {
      if (run !== generation) return;
      const entry = entries.value[index];
      if (entry === undefined) continue;
      if (item.file.size > defaultImportLimits.maxFileBytes) {
        entry.status = 'too-large';
        entry.issues = [
          fileLevelIssue(
            item.name,
            'file-too-large',
            `${item.name} is ${item.file.size} bytes, above the limit of ${defaultImportLimits.maxFileBytes} bytes; it was not read.`,
          ),
        ];
        continue;
      }
      entry.status = 'reading';
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await item.file.arrayBuffer());
      } catch (readError) {
        entry.status = 'unusable';
        entry.issues = [fileLevelIssue(item.name, 'unreadable-file', `${item.name} could not be read: ${describeError(readError)}`)];
        continue;
      }
      entry.sha256 = await sha256Hex(bytes);
      if (seen.has(entry.sha256)) {
        entry.status = 'duplicate';
        continue;
      }
      seen.add(entry.sha256);
      pendingBytes.set(index, bytes);
      entry.status = 'read';
    }
  }

  /** Audits stored files plus the given new entries; returns each new entry's contribution. */
  async function auditWith(
    indexes: number[],
    run: number,
  ): Promise<{ outcome: AuditOutcome; contributions: Map<number, FileContribution> } | null> {
    const db = useDatabase();
    const stored = await storedFiles(db, auditId.value ?? '');
    storedCount.value = stored.length;
    // The host takes ownership of the bytes it is given: send copies, keep ours for the commit.
    const fresh: RendererFile[] = indexes.map((index) => ({
      name: entries.value[index]?.name ?? '',
      bytes: (pendingBytes.get(index) ?? new Uint8Array()).slice(),
    }));
    const contributions = new Map<number, FileContribution>();
    const outcomeOfRun = await runAudit(selectHost(), [...stored, ...fresh], {
      onProgress: (update) => {
        if (run === generation) progress.value = update;
      },
      onFileImported: (position, contribution) => {
        const index = indexes[position - stored.length];
        if (index !== undefined) contributions.set(index, contribution);
      },
    });
    if (run !== generation) return null;
    if (!outcomeOfRun.ok) {
      fail(outcomeOfRun.message);
      if (outcomeOfRun.cancelled) reset();
      return null;
    }
    return { outcome: outcomeOfRun.outcome, contributions };
  }

  async function start(targetAuditId: string, picked: PickedFile[]): Promise<void> {
    reset();
    const run = generation;
    auditId.value = targetAuditId;
    entries.value = picked.map((item) => ({
      name: item.name,
      size: item.file.size,
      status: 'queued',
      sha256: '',
      kind: null,
      records: 0,
      issues: [],
    }));
    phase.value = 'reading';
    try {
      const known = await storedFileHashes(useDatabase(), targetAuditId);
      await readFiles(picked, known, run);
      if (run !== generation) return;

      let candidates = entries.value.flatMap((entry, index) => (entry.status === 'read' ? [index] : []));
      if (candidates.length === 0) {
        phase.value = 'review';
        return;
      }
      phase.value = 'auditing';
      let audited = await auditWith(candidates, run);
      if (audited === null) return;
      for (const index of candidates) {
        const entry = entries.value[index];
        const contribution = audited.contributions.get(index);
        if (entry === undefined) continue;
        entry.kind = fileKind(contribution);
        entry.records = fileRecordCount(contribution);
        entry.issues = contribution?.issues ?? [];
        entry.status = isUnusableFile(contribution) ? 'unusable' : 'imported';
      }
      const usable = candidates.filter((index) => entries.value[index]?.status === 'imported');
      if (usable.length === 0) {
        // Nothing to store: the audit keeps its current result untouched.
        audited = null;
      } else if (usable.length < candidates.length) {
        // Unusable files are not stored, so the result to store must not have seen them either.
        candidates = usable;
        audited = await auditWith(candidates, run);
        if (audited === null) return;
      }
      outcome.value = audited === null ? null : markRaw(audited.outcome);
      phase.value = 'review';
    } catch (caught) {
      if (run === generation) fail(describeError(caught));
    }
  }

  async function confirm(): Promise<boolean> {
    if (!canCommit.value || outcome.value === null || auditId.value === null) return false;
    const run = generation;
    phase.value = 'committing';
    try {
      const files = entries.value.flatMap((entry, index) => {
        const bytes = pendingBytes.get(index);
        if (entry.status !== 'imported' || bytes === undefined) return [];
        const kind = entry.kind ?? 'unreadable';
        return [{ name: entry.name, size: entry.size, sha256: entry.sha256, kind, records: entry.records, bytes }];
      });
      await commitImport(useDatabase(), {
        auditId: auditId.value,
        files,
        rejected: entries.value
          .filter((entry) => entry.status !== 'imported')
          .map((entry) => ({ name: entry.name, reason: entry.status })),
        issues: newIssues.value.map((issue) => ({ ...issue })),
        snapshot: outcome.value.snapshot,
        result: outcome.value.result,
      });
      if (run !== generation) return true;
      phase.value = 'committed';
      pendingBytes = new Map();
      const workspace = useWorkspaceStore();
      if (workspace.audit?.id === auditId.value) await workspace.reload();
      await useAuditsStore().refresh();
      return true;
    } catch (caught) {
      storageFull.value = caught instanceof StorageFullError;
      fail(describeError(caught));
      return false;
    }
  }

  function cancel(): void {
    if (phase.value === 'auditing') selectHost().cancelAudit();
    reset();
  }

  return {
    phase,
    auditId,
    entries,
    storedCount,
    progress,
    outcome,
    error,
    storageFull,
    storableEntries,
    newIssues,
    errorCount,
    warningCount,
    canCommit,
    previewRows,
    start,
    confirm,
    cancel,
    reset,
  };
});
