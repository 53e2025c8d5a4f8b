/**
 * One import into one audit, from picked files to a committed transaction:
 * audit ALL of the audit's files plus the new ones → review → commit (or cancel).
 * The page never reads the files: the host's worker reads, hashes and imports them, and the
 * commit stores the picked files as they are (one Blob). Nothing is written before the auditor
 * confirms, and the commit is one transaction.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { UnreadFile } from '../../shared/host/host-api';
import { defaultImportLimits } from '../../shared/import/limits';
import { formatBytes } from '../../shared/import/text';
import type { ImportIssue, InputKind } from '../../shared/model';
import type { AuditProgress, ImportedOutcome } from '../../shared/worker/protocol';
import { withDisabledChecks } from '../../shared/audit/run-checks';
import { buildCheckRows } from '../audit-view/audit-view';
import { commitImport, storedFiles } from '../db/audit-repository';
import { useDatabase } from '../db/connection';
import { describeError, StorageFullError } from '../db/storage-errors';
import { selectHost } from '../hosts/select-host';
import type { PickedFile } from '../importing/collect-files';
import {
  fileKind,
  fileRecordCount,
  fileSha256,
  isDuplicateFile,
  isUnusableFile,
  runAudit,
  type FileContribution,
} from '../importing/run-audit';
import { useAuditsStore } from './audits';
import { useWorkspaceStore } from './workspace';

export type ImportPhase = 'idle' | 'auditing' | 'review' | 'committing' | 'committed' | 'failed';

export type ImportEntryStatus = 'queued' | 'duplicate' | 'too-large' | 'imported' | 'unusable';

export interface ImportEntry {
  name: string;
  size: number;
  status: ImportEntryStatus;
  sha256: string;
  kind: InputKind | null;
  records: number;
  issues: ImportIssue[];
}

/**
 * How often the view follows the run. The progress bar is cheap to redraw; the entries table of
 * thousands of rows is not, and redrawing it every 100 ms doubled the time to read the files.
 */
const progressIntervalMs = 100;
const entriesIntervalMs = 1000;

export const useImportSessionStore = defineStore('import-session', () => {
  const phase = ref<ImportPhase>('idle');
  const auditId = ref<string | null>(null);
  /**
   * What the view shows: a plain array of plain entries, replaced (never mutated) at most every
   * `publishIntervalMs` while files are read and audited. A deep ref here made every one of
   * thousands of status changes re-render the entries table and rescan the list (quadratic).
   */
  const entries = shallowRef<ImportEntry[]>([]);
  const storedCount = ref(0);
  const progress = shallowRef<AuditProgress | null>(null);
  const outcome = shallowRef<ImportedOutcome | null>(null);
  const error = ref<string | null>(null);
  const storageFull = ref(false);
  /** The entries as this run knows them; an entry is replaced, not changed, when its status moves. */
  let working: ImportEntry[] = [];
  /** The latest worker progress not yet shown. */
  let pendingProgress: AuditProgress | null = null;
  let entriesTimer: ReturnType<typeof setTimeout> | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;
  /** The picked files, by entry index; kept out of reactivity. */
  let pickedFiles: File[] = [];
  /** Bumped by every start/cancel so a stale run cannot write into a newer session. */
  let generation = 0;

  /** Shows the working entries and the latest progress now. */
  function publish(): void {
    publishEntries();
    publishProgress();
  }

  function publishEntries(): void {
    if (entriesTimer !== null) clearTimeout(entriesTimer);
    entriesTimer = null;
    if (
      entries.value.length !== working.length ||
      entries.value.some((entry, index) => entry !== working[index])
    ) {
      entries.value = working.slice();
    }
  }

  function publishProgress(): void {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    if (pendingProgress !== null) progress.value = pendingProgress;
    pendingProgress = null;
  }

  /** Shows them soon: one render for many file events, the list less often than the bar. */
  function publishSoon(): void {
    entriesTimer ??= setTimeout(publishEntries, entriesIntervalMs);
    progressTimer ??= setTimeout(publishProgress, progressIntervalMs);
  }

  function updateEntry(index: number, change: Partial<ImportEntry>): void {
    const entry = working[index];
    if (entry === undefined) return;
    working[index] = { ...entry, ...change };
    publishSoon();
  }

  function cancelPublishing(): void {
    if (entriesTimer !== null) clearTimeout(entriesTimer);
    if (progressTimer !== null) clearTimeout(progressTimer);
    entriesTimer = null;
    progressTimer = null;
  }

  const storableEntries = computed(() =>
    entries.value.filter((entry) => entry.status === 'imported'),
  );
  const newIssues = computed(() => entries.value.flatMap((entry) => entry.issues));
  const errorCount = computed(
    () => newIssues.value.filter((issue) => issue.severity === 'error').length,
  );
  const warningCount = computed(
    () => newIssues.value.filter((issue) => issue.severity === 'warning').length,
  );
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
    cancelPublishing();
    phase.value = 'idle';
    auditId.value = null;
    working = [];
    entries.value = [];
    pendingProgress = null;
    storedCount.value = 0;
    progress.value = null;
    outcome.value = null;
    error.value = null;
    storageFull.value = false;
    pickedFiles = [];
  }

  function fail(message: string): void {
    phase.value = 'failed';
    error.value = message;
    outcome.value = null;
  }

  function fileLevelIssue(name: string, code: string, message: string): ImportIssue {
    return { severity: 'error', code, message, file: name };
  }

  /** Refused by its size alone, before anything reads it. */
  function tooLargeIssue(item: PickedFile): ImportIssue {
    return fileLevelIssue(
      item.name,
      'file-too-large',
      `${item.name} is ${formatBytes(item.file.size)}, above the limit of ${formatBytes(defaultImportLimits.maxFileBytes)} for one file; it was not read.`,
    );
  }

  /** What the worker made of one new file, as its entry shows it. */
  function entryOutcome(contribution: FileContribution | undefined): Partial<ImportEntry> {
    const status: ImportEntryStatus = isDuplicateFile(contribution)
      ? 'duplicate'
      : isUnusableFile(contribution)
        ? 'unusable'
        : 'imported';
    return {
      sha256: fileSha256(contribution),
      kind: fileKind(contribution),
      records: fileRecordCount(contribution),
      issues: contribution?.issues ?? [],
      status,
    };
  }

  /** Audits stored files plus the given new entries, updating each entry as the worker reports it. */
  async function auditWith(indexes: number[], run: number): Promise<ImportedOutcome | null> {
    const db = useDatabase();
    const stored = await storedFiles(db, auditId.value ?? '');
    storedCount.value = stored.length;
    const fresh: UnreadFile[] = indexes.map((index) => ({
      name: working[index]?.name ?? '',
      blob: pickedFiles[index] ?? new Blob(),
    }));
    const outcomeOfRun = await runAudit(selectHost(), [...stored, ...fresh], {
      onProgress: (update) => {
        if (run !== generation) return;
        pendingProgress = update;
        publishSoon();
      },
      onFileImported: (position, contribution) => {
        const index = indexes[position - stored.length];
        if (index === undefined || run !== generation) return;
        updateEntry(index, entryOutcome(contribution));
      },
    });
    if (run !== generation) return null;
    if (!outcomeOfRun.ok) {
      fail(outcomeOfRun.message);
      if (outcomeOfRun.cancelled) reset();
      return null;
    }
    return outcomeOfRun.outcome;
  }

  async function start(targetAuditId: string, picked: PickedFile[]): Promise<void> {
    reset();
    const run = generation;
    auditId.value = targetAuditId;
    pickedFiles = picked.map((item) => item.file);
    working = picked.map((item) => {
      const tooLarge = item.file.size > defaultImportLimits.maxFileBytes;
      return {
        name: item.name,
        size: item.file.size,
        status: tooLarge ? 'too-large' : 'queued',
        sha256: '',
        kind: null,
        records: 0,
        issues: tooLarge ? [tooLargeIssue(item)] : [],
      };
    });
    publish();
    try {
      let candidates = working.flatMap((entry, index) =>
        entry.status === 'queued' ? [index] : [],
      );
      if (candidates.length === 0) {
        phase.value = 'review';
        return;
      }
      phase.value = 'auditing';
      let audited = await auditWith(candidates, run);
      if (audited === null) return;
      publish();
      const usable = candidates.filter((index) => working[index]?.status === 'imported');
      if (usable.length === 0) {
        // Nothing to store: the audit keeps its current result untouched.
        audited = null;
      } else if (usable.length < candidates.length) {
        // Files not stored (unusable, duplicates) must not be in the result that is stored either.
        candidates = usable;
        const rerun = await auditWith(candidates, run);
        if (rerun === null) return;
        audited = rerun;
      }
      outcome.value = audited === null ? null : markRaw(audited);
      publish();
      phase.value = 'review';
    } catch (caught) {
      if (run === generation) fail(describeError(caught));
    }
  }

  async function confirm(): Promise<boolean> {
    if (!canCommit.value || outcome.value === null || auditId.value === null) return false;
    const run = generation;
    const committed = outcome.value;
    const target = auditId.value;
    phase.value = 'committing';
    try {
      const files = working.flatMap((entry, index) => {
        const content = pickedFiles[index];
        if (entry.status !== 'imported' || content === undefined) return [];
        const kind = entry.kind ?? 'unreadable';
        return [
          {
            name: entry.name,
            sha256: entry.sha256,
            kind,
            records: entry.records,
            content,
          },
        ];
      });
      await commitImport(useDatabase(), {
        auditId: target,
        files,
        rejected: working
          .filter((entry) => entry.status !== 'imported')
          .map((entry) => ({ name: entry.name, reason: entry.status })),
        issues: newIssues.value.map((issue) => ({ ...issue })),
        snapshot: committed.snapshot,
        result: committed.result,
      });
      if (run !== generation) return true;
      phase.value = 'committed';
      pickedFiles = [];
      const workspace = useWorkspaceStore();
      await workspace.adoptCommitted(target, committed);
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
