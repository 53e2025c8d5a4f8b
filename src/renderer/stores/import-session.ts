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

type ReadOutcome =
  | { status: 'read'; bytes: Uint8Array; sha256: string }
  | { status: 'too-large' | 'unusable'; issue: ImportIssue };

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
/** Files read (and hashed) at once: reading one at a time leaves the disk and the hasher idle. */
const readConcurrency = 8;

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
  /** Files whose reading is over (read, refused or failed), for the reading progress bar. */
  const readCount = ref(0);
  const progress = shallowRef<AuditProgress | null>(null);
  const outcome = shallowRef<AuditOutcome | null>(null);
  const error = ref<string | null>(null);
  const storageFull = ref(false);
  /** The entries as this run knows them; an entry is replaced, not changed, when its status moves. */
  let working: ImportEntry[] = [];
  /** The latest worker progress not yet shown. */
  let pendingProgress: AuditProgress | null = null;
  /** Files read so far (or refused without reading), not yet shown. */
  let pendingReadCount = 0;
  let entriesTimer: ReturnType<typeof setTimeout> | null = null;
  let progressTimer: ReturnType<typeof setTimeout> | null = null;
  /** Bytes of the files to store, by entry index; kept out of reactivity. */
  let pendingBytes = new Map<number, Uint8Array>();
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
    if (entries.value.length !== working.length || entries.value.some((entry, index) => entry !== working[index])) {
      entries.value = working.slice();
    }
  }

  function publishProgress(): void {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    readCount.value = pendingReadCount;
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
    cancelPublishing();
    phase.value = 'idle';
    auditId.value = null;
    working = [];
    entries.value = [];
    pendingProgress = null;
    pendingReadCount = 0;
    readCount.value = 0;
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

  /** Reads and hashes one picked file; never throws. */
  async function readOne(item: PickedFile): Promise<ReadOutcome> {
    if (item.file.size > defaultImportLimits.maxFileBytes) {
      return {
        status: 'too-large',
        issue: fileLevelIssue(
          item.name,
          'file-too-large',
          `${item.name} is ${item.file.size} bytes, above the limit of ${defaultImportLimits.maxFileBytes} bytes; it was not read.`,
        ),
      };
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await item.file.arrayBuffer());
    } catch (readError) {
      return {
        status: 'unusable',
        issue: fileLevelIssue(item.name, 'unreadable-file', `${item.name} could not be read: ${describeError(readError)}`),
      };
    }
    return { status: 'read', bytes, sha256: await sha256Hex(bytes) };
  }

  /**
   * Reads a few files at a time; outcomes are settled in list order, so of two identical files
   * the first is kept and the later one is the duplicate, whatever order the reads finish in.
   */
  async function readFiles(picked: PickedFile[], known: Set<string>, run: number): Promise<void> {
    const seen = new Set(known);
    const outcomes = new Map<number, ReadOutcome>();
    let next = 0;
    let settled = 0;

    function settleInOrder(): void {
      for (let outcome = outcomes.get(settled); outcome !== undefined; outcome = outcomes.get(settled)) {
        outcomes.delete(settled);
        const index = settled;
        settled += 1;
        pendingReadCount += 1;
        if (outcome.status !== 'read') {
          updateEntry(index, { status: outcome.status, issues: [outcome.issue] });
        } else if (seen.has(outcome.sha256)) {
          updateEntry(index, { status: 'duplicate', sha256: outcome.sha256 });
        } else {
          seen.add(outcome.sha256);
          pendingBytes.set(index, outcome.bytes);
          updateEntry(index, { status: 'read', sha256: outcome.sha256 });
        }
      }
    }

    async function reader(): Promise<void> {
      while (run === generation && next < picked.length) {
        const index = next;
        next += 1;
        const item = picked[index];
        if (item === undefined) continue;
        if (item.file.size <= defaultImportLimits.maxFileBytes) updateEntry(index, { status: 'reading' });
        outcomes.set(index, await readOne(item));
        if (run !== generation) return;
        settleInOrder();
      }
    }

    await Promise.all(Array.from({ length: Math.min(readConcurrency, picked.length) }, reader));
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
      name: working[index]?.name ?? '',
      bytes: (pendingBytes.get(index) ?? new Uint8Array()).slice(),
    }));
    const contributions = new Map<number, FileContribution>();
    const outcomeOfRun = await runAudit(selectHost(), [...stored, ...fresh], {
      onProgress: (update) => {
        if (run !== generation) return;
        pendingProgress = update;
        publishSoon();
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
    working = picked.map((item) => ({
      name: item.name,
      size: item.file.size,
      status: 'queued',
      sha256: '',
      kind: null,
      records: 0,
      issues: [],
    }));
    publish();
    phase.value = 'reading';
    try {
      const known = await storedFileHashes(useDatabase(), targetAuditId);
      await readFiles(picked, known, run);
      if (run !== generation) return;

      let candidates = working.flatMap((entry, index) => (entry.status === 'read' ? [index] : []));
      if (candidates.length === 0) {
        publish();
        phase.value = 'review';
        return;
      }
      publish();
      phase.value = 'auditing';
      let audited = await auditWith(candidates, run);
      if (audited === null) return;
      for (const index of candidates) {
        const contribution = audited.contributions.get(index);
        updateEntry(index, {
          kind: fileKind(contribution),
          records: fileRecordCount(contribution),
          issues: contribution?.issues ?? [],
          status: isUnusableFile(contribution) ? 'unusable' : 'imported',
        });
      }
      publish();
      const usable = candidates.filter((index) => working[index]?.status === 'imported');
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
        const bytes = pendingBytes.get(index);
        if (entry.status !== 'imported' || bytes === undefined) return [];
        const kind = entry.kind ?? 'unreadable';
        return [{ name: entry.name, size: entry.size, sha256: entry.sha256, kind, records: entry.records, bytes }];
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
      pendingBytes = new Map();
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
    readCount,
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
