/** The audits list and the operations on whole audits (create, edit, delete, the sample). */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import {
  commitImport,
  createAudit,
  deleteAudit,
  getMeta,
  listAudits,
  newId,
  updateAuditDetails,
  type AuditDetails,
} from '../db/audit-repository';
import { useDatabase } from '../db/connection';
import type { AuditRecord } from '../db/database';
import { describeError, StorageFullError } from '../db/storage-errors';
import { selectHost } from '../hosts/select-host';
import { fileKind, fileRecordCount, fileSha256, runAudit } from '../importing/run-audit';
import { sampleAuditDetails, sampleCreatedKey, sampleFiles } from '../sample/sample-audit';

export const useAuditsStore = defineStore('audits', () => {
  const audits = ref<AuditRecord[]>([]);
  const loaded = ref(false);
  /** Set while the sample audit is being created on first start. */
  const preparingSample = ref(false);
  const sampleError = ref<string | null>(null);
  /** The sample could not be stored because the disk or quota is full. */
  const sampleStorageFull = ref(false);

  async function refresh(): Promise<void> {
    audits.value = await listAudits(useDatabase());
    loaded.value = true;
  }

  async function create(details: AuditDetails): Promise<AuditRecord> {
    const audit = await createAudit(useDatabase(), details);
    await refresh();
    return audit;
  }

  async function update(id: string, details: AuditDetails): Promise<void> {
    await updateAuditDetails(useDatabase(), id, details);
    await refresh();
  }

  async function remove(id: string): Promise<void> {
    await deleteAudit(useDatabase(), id);
    await refresh();
  }

  /**
   * On first start (no audits, sample never created) the demo export is audited by the real engine
   * and stored, so a new auditor sees what a finished audit looks like.
   */
  async function ensureSampleAudit(): Promise<void> {
    const db = useDatabase();
    if ((await db.audits.count()) > 0 || (await getMeta(db, sampleCreatedKey)) !== undefined)
      return;
    preparingSample.value = true;
    sampleError.value = null;
    try {
      const files = sampleFiles();
      const run = await runAudit(selectHost(), files);
      if (!run.ok) throw new Error(run.message);
      const at = new Date().toISOString();
      const auditId = newId();
      await commitImport(db, {
        auditId,
        newAudit: {
          id: auditId,
          ...sampleAuditDetails,
          createdAt: at,
          updatedAt: at,
          sample: true,
        },
        files: files.map((file, index) => ({
          name: file.name,
          sha256: fileSha256(run.files[index]),
          kind: fileKind(run.files[index]),
          records: fileRecordCount(run.files[index]),
          content: file.blob,
        })),
        rejected: [],
        issues: run.files.flatMap((file) => file.issues),
        snapshot: run.outcome.snapshot,
        result: run.outcome.result,
        meta: { key: sampleCreatedKey, value: at },
      });
    } catch (error) {
      sampleError.value = describeError(error);
      sampleStorageFull.value = error instanceof StorageFullError;
    } finally {
      preparingSample.value = false;
    }
    await refresh();
  }

  return {
    audits,
    loaded,
    preparingSample,
    sampleError,
    sampleStorageFull,
    refresh,
    create,
    update,
    remove,
    ensureSampleAudit,
  };
});
