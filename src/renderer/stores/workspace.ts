/**
 * The audit that is open: its stored snapshot and result, the item switches, and every view
 * derived from them. Big data is held in shallow refs and marked raw: Vue must not wrap 100,000
 * findings in proxies, and IndexedDB cannot store proxies.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { AuditResult } from '../../shared/audit/result';
import { withDisabledChecks } from '../../shared/audit/run-checks';
import type { Snapshot } from '../../shared/model';
import type { ImportedOutcome } from '../../shared/worker/protocol';
import { decodeSnapshotInSlices } from '../../shared/worker/snapshot-codec';
import type { SnapshotHead } from '../../shared/worker/snapshot-head';
import {
  buildCheckRows,
  buildGroupRows,
  buildInstanceRows,
  buildOverview,
  findingsByObject,
} from '../audit-view/audit-view';
import { verifyActivityChain, type ChainVerification } from '../../shared/activity/chain';
import { appendExportActivity, listActivity, type ExportActivityDetail } from '../db/activity-log';
import {
  loadAudit,
  loadAuditLazily,
  saveDisabledChecks,
  type LazySnapshot,
} from '../db/audit-repository';
import { useDatabase } from '../db/connection';
import type { ActivityRecord, AuditRecord, ImportRecord } from '../db/database';
import { nextTask } from '../next-task';
import { useAuditsStore } from './audits';

export const useWorkspaceStore = defineStore('workspace', () => {
  const audit = ref<AuditRecord | null>(null);
  /** Inputs, issues, gaps and counts: all the results screen needs of the snapshot. */
  const head = shallowRef<SnapshotHead | null>(null);
  /**
   * Groups and instances, decoded only once a view asks (ensureSnapshot): a 2,000-group snapshot
   * takes a second or two to decode in Chromium, which opening an audit or committing an import
   * need not wait for.
   */
  const snapshot = shallowRef<Snapshot | null>(null);
  let stored: LazySnapshot | null = null;
  /** The decode under way or done for `stored`, shared by every view that asks. */
  let decoding: Promise<Snapshot | null> | null = null;
  const snapshotLoading = ref(false);
  const result = shallowRef<AuditResult | null>(null);
  const disabledChecks = ref<string[]>([]);
  const imports = shallowRef<ImportRecord[]>([]);
  /** The audit's activity log in seq order, and whether its hash chain holds (null: not checked yet). */
  const activity = shallowRef<ActivityRecord[]>([]);
  const activityVerification = shallowRef<ChainVerification | null>(null);
  const loading = ref(false);
  const missing = ref(false);
  /** The check whose fixing details are open, if any. */
  const detailsCheckId = ref<string | null>(null);

  /** The result as the auditor configured it: switched-off items emptied, nothing re-run. */
  const visibleResult = computed(() =>
    result.value === null ? null : markRaw(withDisabledChecks(result.value, disabledChecks.value)),
  );
  const checkRows = computed(() =>
    visibleResult.value === null ? [] : markRaw(buildCheckRows(visibleResult.value)),
  );
  const overview = computed(() =>
    head.value === null || visibleResult.value === null
      ? null
      : buildOverview(head.value, visibleResult.value),
  );
  const findingsIndex = computed(() =>
    visibleResult.value === null
      ? markRaw(new Map())
      : markRaw(findingsByObject(visibleResult.value)),
  );
  // Computed lazily: only the Groups/Instances tabs read these.
  const groupRows = computed(() =>
    snapshot.value === null ? [] : markRaw(buildGroupRows(snapshot.value, findingsIndex.value)),
  );
  const instanceRows = computed(() =>
    snapshot.value === null ? [] : markRaw(buildInstanceRows(snapshot.value, findingsIndex.value)),
  );
  const groupsById = computed(() =>
    markRaw(new Map((snapshot.value?.groups ?? []).map((group) => [group.id, group]))),
  );
  const instancesById = computed(() =>
    markRaw(new Map((snapshot.value?.instances ?? []).map((instance) => [instance.id, instance]))),
  );
  const detailsCheck = computed(
    () => visibleResult.value?.checks.find((check) => check.id === detailsCheckId.value) ?? null,
  );

  async function open(auditId: string): Promise<boolean> {
    loading.value = true;
    detailsCheckId.value = null;
    try {
      const loaded = await loadAuditLazily(useDatabase(), auditId);
      missing.value = loaded === null;
      audit.value = loaded?.audit ?? null;
      adoptSnapshot(loaded?.snapshot ?? null);
      result.value = loaded?.result ? markRaw(loaded.result) : null;
      disabledChecks.value = loaded?.disabledChecks ?? [];
      imports.value = markRaw(loaded?.imports ?? []);
      await adoptActivity(auditId, loaded?.activity ?? []);
      return loaded !== null;
    } finally {
      loading.value = false;
    }
  }

  async function reload(): Promise<void> {
    if (audit.value !== null) await open(audit.value.id);
  }

  /**
   * After an import into the open audit was committed: the audit's row, switches and imports are
   * read again, the snapshot and result are the ones just stored (decoded here, not read back).
   */
  async function adoptCommitted(auditId: string, committed: ImportedOutcome): Promise<void> {
    if (audit.value?.id !== auditId) return;
    const loaded = await loadAudit(useDatabase(), auditId, { withOutcome: false });
    if (audit.value?.id !== auditId) return;
    if (loaded === null) {
      close();
      missing.value = true;
      return;
    }
    audit.value = loaded.audit;
    const { json } = committed.snapshot;
    adoptSnapshot({ head: committed.snapshot.head, read: () => decodeSnapshotInSlices(json, nextTask) });
    result.value = markRaw(committed.result);
    disabledChecks.value = loaded.disabledChecks;
    imports.value = markRaw(loaded.imports);
    await adoptActivity(auditId, loaded.activity);
  }

  function adoptSnapshot(lazy: LazySnapshot | null): void {
    stored = lazy;
    decoding = null;
    head.value = lazy === null ? null : markRaw(lazy.head);
    snapshot.value = null;
    snapshotLoading.value = false;
  }

  /** The open audit's groups and instances, decoded on first call (once); null when it has none. */
  function ensureSnapshot(): Promise<Snapshot | null> {
    if (snapshot.value !== null || stored === null) return Promise.resolve(snapshot.value);
    decoding ??= decodeStored(stored);
    return decoding;
  }

  async function decodeStored(source: LazySnapshot): Promise<Snapshot | null> {
    snapshotLoading.value = true;
    try {
      // Let the loading state paint first.
      await nextTask();
      const decoded = await source.read();
      if (stored !== source) return null;
      snapshot.value = markRaw(decoded);
      return decoded;
    } catch (error) {
      // The next view that asks tries again.
      if (stored === source) decoding = null;
      throw error;
    } finally {
      if (stored === source) snapshotLoading.value = false;
    }
  }

  async function adoptActivity(auditId: string, entries: ActivityRecord[]): Promise<void> {
    activity.value = markRaw(entries);
    activityVerification.value = null;
    const verification = await verifyActivityChain(entries, auditId);
    if (audit.value?.id === auditId && activity.value === entries)
      activityVerification.value = verification;
  }

  /** Reads the open audit's log again (after a change that wrote an entry). */
  async function refreshActivity(): Promise<void> {
    const auditId = audit.value?.id;
    if (auditId === undefined) return;
    const entries = await listActivity(useDatabase(), auditId);
    if (audit.value?.id === auditId) await adoptActivity(auditId, entries);
  }

  /** A report of the open audit was saved: log it (after the save, never before). */
  async function recordExport(detail: ExportActivityDetail): Promise<void> {
    if (audit.value === null) return;
    await appendExportActivity(useDatabase(), audit.value.id, detail);
    await refreshActivity();
  }

  function close(): void {
    audit.value = null;
    adoptSnapshot(null);
    result.value = null;
    disabledChecks.value = [];
    imports.value = [];
    activity.value = [];
    activityVerification.value = null;
    detailsCheckId.value = null;
  }

  /** Switching an item is stored at once; if storing fails the switch flips back. */
  async function setCheckEnabled(checkId: string, enabled: boolean): Promise<void> {
    if (audit.value === null) return;
    const previous = disabledChecks.value;
    const next = enabled
      ? previous.filter((id) => id !== checkId)
      : [...new Set([...previous, checkId])].sort();
    disabledChecks.value = next;
    try {
      const summary = await saveDisabledChecks(useDatabase(), audit.value.id, next);
      if (summary !== null && audit.value !== null) audit.value = { ...audit.value, summary };
    } catch (error) {
      disabledChecks.value = previous;
      throw error;
    }
    await refreshActivity();
    // The audits list shows the summary too.
    await useAuditsStore().refresh();
  }

  function openDetails(checkId: string): void {
    detailsCheckId.value = checkId;
  }

  function closeDetails(): void {
    detailsCheckId.value = null;
  }

  return {
    audit,
    head,
    snapshot,
    snapshotLoading,
    ensureSnapshot,
    result,
    disabledChecks,
    imports,
    activity,
    activityVerification,
    loading,
    missing,
    detailsCheckId,
    visibleResult,
    checkRows,
    overview,
    findingsIndex,
    groupRows,
    instanceRows,
    groupsById,
    instancesById,
    detailsCheck,
    open,
    reload,
    adoptCommitted,
    close,
    setCheckEnabled,
    refreshActivity,
    recordExport,
    openDetails,
    closeDetails,
  };
});
