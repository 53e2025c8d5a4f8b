/**
 * Runs an audit in a `worker_threads` worker under resource limits. The host only reads bytes and
 * streams them to the worker; it never parses client JSON itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type {
  AuditOutcome,
  AuditProgress,
  AuditRunOptions,
  HostToWorkerMessage,
  WorkerToHostMessage,
} from '../shared/worker/protocol';
import type { ImportIssue, InputRecord } from '../shared/model';
import type { RenderedOutput } from '../shared/report/render';

export interface WorkerHostOptions {
  workerUrl: URL;
  /** Heap ceiling of the worker; an out-of-memory there is an error here, not a dead host. */
  maxOldGenerationSizeMb?: number;
  /** How many bytes may wait in the worker's queue before reading pauses. */
  maxBytesInFlight?: number;
  /** Aborting stops the run: the worker is terminated and the run rejects with `AuditCancelledError`. */
  signal?: AbortSignal;
}

export interface RunHandlers {
  onProgress?: (progress: AuditProgress) => void;
  onFileImported?: (records: InputRecord[], issues: ImportIssue[]) => void;
  /** A file that vanished or became unreadable after it was listed; the run goes on without it. */
  onReadError?: (file: InputFile, message: string) => void;
}

export interface InputFile {
  /** What the auditor sees as the file's name (the path given). */
  name: string;
  path: string;
}

/**
 * A file whose bytes the host already holds (the Electron renderer's files); nothing is read from disk.
 * Its buffer is transferred to the worker, so the caller's view is detached afterwards.
 */
export interface InMemoryInputFile {
  name: string;
  bytes: Uint8Array;
}

export type AuditInputFile = InputFile | InMemoryInputFile;

export type RunOutput = { kind: 'outcome'; outcome: AuditOutcome } | { kind: 'rendered'; output: RenderedOutput };

export class AuditWorkerError extends Error {}

/** The host aborted the run through `WorkerHostOptions.signal`. */
export class AuditCancelledError extends AuditWorkerError {}

function ownedBuffer(bytes: Uint8Array): Uint8Array {
  // Only a buffer that owns its whole ArrayBuffer can be transferred without exposing other memory.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

function describeExit(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return 'the audit worker ran out of memory (the export is too large for the configured limit)';
  }
  return `the audit worker crashed: ${error.message}`;
}

export async function runAuditInWorker(
  files: readonly AuditInputFile[],
  runOptions: AuditRunOptions,
  hostOptions: WorkerHostOptions,
  handlers: RunHandlers = {},
): Promise<RunOutput> {
  const worker = new Worker(hostOptions.workerUrl, {
    resourceLimits: { maxOldGenerationSizeMb: hostOptions.maxOldGenerationSizeMb ?? 3072 },
  });
  const runId = `run-${Date.now()}`;
  const maxBytesInFlight = hostOptions.maxBytesInFlight ?? 64 * 1024 * 1024;
  const sizes: number[] = [];
  let bytesInFlight = 0;
  let acknowledged = 0;
  let wakeReader: (() => void) | null = null;
  let removeAbortListener = (): void => undefined;

  const send = (message: HostToWorkerMessage, transfer: ArrayBuffer[] = []): void =>
    worker.postMessage(message, transfer);

  const finished = new Promise<RunOutput>((resolve, reject) => {
    worker.on('message', (message: WorkerToHostMessage) => {
      if (message.runId !== runId) return;
      switch (message.type) {
        case 'progress':
          handlers.onProgress?.(message.progress);
          return;
        case 'file-imported':
          bytesInFlight -= sizes[acknowledged] ?? 0;
          acknowledged += 1;
          handlers.onFileImported?.(message.records, message.issues);
          wakeReader?.();
          return;
        case 'result':
          return resolve({ kind: 'outcome', outcome: message.outcome });
        case 'rendered':
          return resolve({ kind: 'rendered', output: message.output });
        case 'failed':
          return reject(new AuditWorkerError(message.error.message));
      }
    });
    worker.on('error', (error) => reject(new AuditWorkerError(describeExit(error))));
    worker.on('exit', (code) => reject(new AuditWorkerError(`the audit worker stopped (exit code ${code})`)));
    const signal = hostOptions.signal;
    if (signal !== undefined) {
      const onAbort = (): void => reject(new AuditCancelledError('the audit was cancelled'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
      removeAbortListener = () => signal.removeEventListener('abort', onAbort);
    }
  });
  // The reader may stop early on a worker failure; the rejection is reported through `finished`.
  finished.catch(() => wakeReader?.());

  try {
    send({ type: 'start', runId, fileCount: files.length, options: runOptions });
    // A file skipped on a read error still counts in the worker's total; the progress bar tolerates that.
    let failed = false;
    finished.catch(() => (failed = true));
    for (const file of files) {
      while (bytesInFlight > maxBytesInFlight && !failed) {
        await new Promise<void>((resolve) => (wakeReader = resolve));
      }
      if (failed) break;
      let bytes: Uint8Array;
      if ('bytes' in file) {
        bytes = ownedBuffer(file.bytes);
      } else {
        try {
          bytes = ownedBuffer(await readFile(file.path));
        } catch (error) {
          handlers.onReadError?.(file, error instanceof Error ? error.message : String(error));
          continue;
        }
      }
      sizes.push(bytes.byteLength);
      bytesInFlight += bytes.byteLength;
      // Hashing here, natively, overlaps with parsing in the worker: the main thread is otherwise idle.
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      send({ type: 'file', runId, name: file.name, bytes, sha256 }, [bytes.buffer as ArrayBuffer]);
    }
    send({ type: 'finish', runId });
    return await finished;
  } finally {
    removeAbortListener();
    await worker.terminate();
  }
}
