/**
 * HostApi for a plain browser page: audits run in a module Web Worker, files go to it one message
 * each with their bytes transferred, saving is a Blob download.
 */
import type {
  AuditRunHandlers,
  AuditRunResult,
  HostApi,
  RendererFile,
  ReportSaveRequest,
  ReportSaveResult,
  SaveRequest,
  UnreadFile,
} from '../../shared/host/host-api';
import type { WorkerToHostMessage } from '../../shared/worker/protocol';
import { batchFiles, type NamedBlob, type WebWorkerMessage } from './blob-files';
import { downloadReport } from './download-report';
import { createAuditWorker, createRestartingWorker, type WorkerFactory } from './restarting-worker';

interface RunningAudit {
  runId: string;
  handlers: AuditRunHandlers;
  settle: (result: AuditRunResult) => void;
  /** The files' names in the order sent, and how many the worker has finished: to say where it died. */
  names: string[];
  imported: number;
}

/** Where a worker that died had got to: it imports files in the order they were sent. */
function stageOf(run: RunningAudit): string {
  const current = run.names[run.imported];
  if (current !== undefined)
    return ` It was importing ${current} (file ${run.imported + 1} of ${run.names.length}).`;
  return ' It had imported every file and was running the checks.';
}

/** A buffer that holds exactly these bytes, so transferring it hands over nothing else. */
function transferableBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole =
    bytes.byteOffset === 0 &&
    bytes.byteLength === bytes.buffer.byteLength &&
    bytes.buffer instanceof ArrayBuffer;
  return whole ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function createWebHost(createWorker: WorkerFactory = createAuditWorker): HostApi {
  let running: RunningAudit | null = null;

  function finish(result: AuditRunResult): void {
    const run = running;
    running = null;
    run?.settle(result);
  }

  function onMessage(message: WorkerToHostMessage): void {
    if (running === null || message.runId !== running.runId) return;
    switch (message.type) {
      case 'progress':
        running.handlers.onProgress?.(message.progress);
        return;
      case 'file-imported':
        running.imported += 1;
        running.handlers.onFileImported?.(message.records, message.issues);
        return;
      case 'result':
        finish({ ok: true, outcome: message.outcome });
        return;
      case 'rendered':
        finish({
          ok: false,
          cancelled: false,
          message: 'The worker rendered a report nobody asked for.',
        });
        return;
      case 'failed':
        finish({
          ok: false,
          cancelled: message.error.code === 'cancelled',
          message: message.error.message,
        });
        return;
    }
  }

  /** Set just before a deliberate discard, so the run it carried ends as cancelled rather than failed. */
  let cancelling = false;
  // A crashed or out-of-memory worker is replaced; the run it carried fails with a clear message.
  const worker = createRestartingWorker({
    create: createWorker,
    name: 'audit worker',
    onMessage,
    onFailure: (reason) =>
      finish({
        ok: false,
        cancelled: cancelling,
        message: cancelling || running === null ? reason : `${reason}${stageOf(running)}`,
      }),
  });

  function discardWorker(reason: string, cancelled = false): void {
    cancelling = cancelled;
    worker.discard(reason);
    cancelling = false;
  }

  function post(target: Worker, message: WebWorkerMessage, transfer: Transferable[] = []): void {
    target.postMessage(message, transfer);
  }

  /** Starts a run (replacing any), and lets `send` hand the worker its files between start and finish. */
  function startRun(
    names: string[],
    handlers: AuditRunHandlers,
    send: (target: Worker, runId: string) => void,
  ): Promise<AuditRunResult> {
    if (running !== null) {
      const previous = running;
      const current = worker.current();
      if (current !== null) post(current, { type: 'cancel', runId: previous.runId });
      finish({ ok: false, cancelled: true, message: 'Replaced by a newer run.' });
    }
    return new Promise<AuditRunResult>((resolve) => {
      const runId = crypto.randomUUID();
      running = { runId, handlers, settle: resolve, names, imported: 0 };
      try {
        const target = worker.ensure();
        post(target, { type: 'start', runId, fileCount: names.length, options: {} });
        send(target, runId);
        post(target, { type: 'finish', runId });
      } catch (error) {
        discardWorker(
          `Could not hand the files to the audit worker: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    });
  }

  return {
    kind: 'web',

    auditFiles(files: RendererFile[], handlers: AuditRunHandlers = {}): Promise<AuditRunResult> {
      return startRun(
        files.map((file) => file.name),
        handlers,
        (target, runId) => {
          for (const file of files) {
            // Transferred, never copied: the caller gives up these bytes.
            const bytes = transferableBytes(file.bytes);
            post(target, { type: 'file', runId, name: file.name, bytes }, [bytes.buffer]);
          }
        },
      );
    },

    auditUnreadFiles(
      files: UnreadFile[],
      handlers: AuditRunHandlers = {},
    ): Promise<AuditRunResult> {
      // Files and Blobs are handed over by reference (structured clone of a Blob copies no bytes).
      const blobs: NamedBlob[] = files.map((file) => {
        if (!(file.blob instanceof Blob))
          throw new TypeError(`${file.name} is not a Blob the worker can read`);
        return { name: file.name, blob: file.blob };
      });
      return startRun(
        blobs.map((file) => file.name),
        handlers,
        (target, runId) => {
          for (const batch of batchFiles(blobs))
            post(target, { type: 'file-blobs', runId, files: batch });
        },
      );
    },

    prepareAudit(): void {
      worker.ensure();
    },

    cancelAudit(): void {
      if (running === null) return;
      // Terminating is the only way to stop a file that is being parsed right now.
      discardWorker('The audit was cancelled.', true);
    },

    async saveFile(request: SaveRequest): Promise<boolean> {
      const blob = new Blob([request.data as BlobPart], { type: request.mimeType });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = request.suggestedName;
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later: revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return true;
    },

    saveReport(request: ReportSaveRequest): Promise<ReportSaveResult> {
      return downloadReport((file) => this.saveFile(file), request);
    },
  };
}
