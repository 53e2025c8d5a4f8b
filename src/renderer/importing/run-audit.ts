/**
 * Runs the audit through the host and keeps what each file contributed, in the order the files
 * were sent (the worker imports them in arrival order and reports each one once).
 */
import type {
  AuditRunHandlers,
  AuditRunResult,
  HostApi,
  UnreadFile,
} from '../../shared/host/host-api';
import type { ImportIssue, InputKind, InputRecord } from '../../shared/model';
import type { AuditProgress, ImportedOutcome } from '../../shared/worker/protocol';

export interface FileContribution {
  records: InputRecord[];
  issues: ImportIssue[];
}

export type AuditRunOutcome =
  | { ok: true; outcome: ImportedOutcome; files: FileContribution[] }
  | { ok: false; cancelled: boolean; message: string };

export interface RunAuditCallbacks {
  onProgress?: (progress: AuditProgress) => void;
  /** The index (in the list given) of the file just imported, and what it contributed. */
  onFileImported?: (index: number, contribution: FileContribution) => void;
}

/** Reads the files on this thread for a host that takes bytes only (Electron: IPC carries bytes). */
async function auditReadFiles(
  host: HostApi,
  files: UnreadFile[],
  handlers: AuditRunHandlers,
): Promise<AuditRunResult> {
  const read = [];
  for (const file of files) {
    try {
      read.push({ name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) });
    } catch (error) {
      return {
        ok: false,
        cancelled: false,
        message: `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  return host.auditFiles(read, handlers);
}

export async function runAudit(
  host: HostApi,
  files: UnreadFile[],
  callbacks: RunAuditCallbacks = {},
): Promise<AuditRunOutcome> {
  const contributions: FileContribution[] = [];
  const handlers: AuditRunHandlers = {
    onProgress: (progress) => callbacks.onProgress?.(progress),
    onFileImported: (records, issues) => {
      const contribution = { records, issues };
      contributions.push(contribution);
      callbacks.onFileImported?.(contributions.length - 1, contribution);
    },
  };
  const result =
    host.auditUnreadFiles === undefined
      ? await auditReadFiles(host, files, handlers)
      : await host.auditUnreadFiles(files, handlers);
  if (!result.ok) return result;
  return { ok: true, outcome: result.outcome, files: contributions };
}

/** The kind of the file itself: its own record, or the first entry's for an archive. */
function ownRecord(contribution: FileContribution | undefined): InputRecord | undefined {
  return contribution?.records.find((record) => record.container === undefined);
}

export function fileKind(contribution: FileContribution | undefined): InputKind {
  if (contribution === undefined) return 'unreadable';
  return ownRecord(contribution)?.kind ?? (contribution.records.length > 0 ? 'zip' : 'unreadable');
}

export function fileRecordCount(contribution: FileContribution | undefined): number {
  return (contribution?.records ?? []).reduce((sum, record) => sum + record.records, 0);
}

/**
 * A file nothing could be used from (not JSON, not an export, too deep, …): it is shown to the
 * auditor and never stored, so the audit does not carry evidence that was not assessed.
 */
export function isUnusableFile(contribution: FileContribution | undefined): boolean {
  if (contribution === undefined) return true;
  if (contribution.records.length === 0) return true;
  return contribution.records.every((record) => record.kind === 'unreadable');
}

/** The SHA-256 of the file itself (its own record; an archive's is the archive's). */
export function fileSha256(contribution: FileContribution | undefined): string {
  return ownRecord(contribution)?.sha256 ?? '';
}

/** The worker recognised the file as the same bytes as one before it (stored or picked): nothing of it was used. */
export function isDuplicateFile(contribution: FileContribution | undefined): boolean {
  return (contribution?.issues ?? []).some(
    (issue) => issue.code === 'duplicate-file' && issue.file === ownRecord(contribution)?.name,
  );
}
