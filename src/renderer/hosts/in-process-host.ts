/**
 * A HostApi that runs the audit session on the calling thread. Used by unit tests (Node has no
 * Web Worker) so stores are tested against the real importer and engine, not a stub.
 */
import type { AuditRunHandlers, AuditRunResult, HostApi, RendererFile, ReportSaveRequest, ReportSaveResult } from '../../shared/host/host-api';
import { createAuditSession } from '../../shared/worker/audit-session';
import type { WorkerToHostMessage } from '../../shared/worker/protocol';
import { downloadReport } from './download-report';

export interface InProcessHost extends HostApi {
  /** The file names of every run, in order. */
  readonly runs: string[][];
  /** What saveFile was asked to save. */
  readonly saved: { name: string; text: string }[];
}

export function createInProcessHost(): InProcessHost {
  let pending: { runId: string; handlers: AuditRunHandlers; resolve: (result: AuditRunResult) => void } | null = null;
  const runs: string[][] = [];
  const saved: { name: string; text: string }[] = [];

  const session = createAuditSession((message: WorkerToHostMessage) => {
    if (pending === null || message.runId !== pending.runId) return;
    const run = pending;
    switch (message.type) {
      case 'progress':
        run.handlers.onProgress?.(message.progress);
        return;
      case 'file-imported':
        run.handlers.onFileImported?.(message.records, message.issues);
        return;
      case 'result':
        pending = null;
        run.resolve({ ok: true, outcome: message.outcome });
        return;
      case 'rendered':
        return;
      case 'failed':
        pending = null;
        run.resolve({ ok: false, cancelled: message.error.code === 'cancelled', message: message.error.message });
    }
  });

  return {
    kind: 'web',
    runs,
    saved,
    auditFiles(files: RendererFile[], handlers: AuditRunHandlers = {}): Promise<AuditRunResult> {
      runs.push(files.map((file) => file.name));
      return new Promise((resolve) => {
        const runId = crypto.randomUUID();
        pending = { runId, handlers, resolve };
        session.handle({ type: 'start', runId, fileCount: files.length, options: {} });
        for (const file of files) session.handle({ type: 'file', runId, name: file.name, bytes: file.bytes });
        session.handle({ type: 'finish', runId });
      });
    },
    cancelAudit(): void {
      if (pending !== null) session.handle({ type: 'cancel', runId: pending.runId });
    },
    async saveFile(request): Promise<boolean> {
      saved.push({ name: request.suggestedName, text: typeof request.data === 'string' ? request.data : '' });
      return true;
    },
    saveReport(request: ReportSaveRequest): Promise<ReportSaveResult> {
      return downloadReport((file) => this.saveFile(file), request);
    },
  };
}
