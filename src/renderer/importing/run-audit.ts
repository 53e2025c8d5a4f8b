/**
 * Runs the audit through the host and keeps what each file contributed, in the order the files
 * were sent (the worker imports them in arrival order and reports each one once).
 */
import type { AuditRunHandlers, HostApi, RendererFile } from '../../shared/host/host-api';
import type { ImportIssue, InputKind, InputRecord } from '../../shared/model';
import type { AuditOutcome, AuditProgress } from '../../shared/worker/protocol';

export interface FileContribution {
  records: InputRecord[];
  issues: ImportIssue[];
}

export type AuditRunOutcome =
  | { ok: true; outcome: AuditOutcome; files: FileContribution[] }
  | { ok: false; cancelled: boolean; message: string };

export interface RunAuditCallbacks {
  onProgress?: (progress: AuditProgress) => void;
  /** The index (in the list given) of the file just imported, and what it contributed. */
  onFileImported?: (index: number, contribution: FileContribution) => void;
}

export async function runAudit(
  host: HostApi,
  files: RendererFile[],
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
  const result = await host.auditFiles(files, handlers);
  if (!result.ok) return result;
  return { ok: true, outcome: result.outcome, files: contributions };
}

/** The kind of the file itself: its own record, or the first entry's for an archive. */
export function fileKind(contribution: FileContribution | undefined): InputKind {
  if (contribution === undefined) return 'unreadable';
  const own = contribution.records.find((record) => record.container === undefined);
  return own?.kind ?? (contribution.records.length > 0 ? 'zip' : 'unreadable');
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

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
