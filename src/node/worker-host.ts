/**
 * Runs an audit in a `worker_threads` worker under resource limits. The host only reads bytes and
 * streams them to the worker; it never parses client JSON itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type {
  ImportedOutcome,
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

export type RunOutput =
  { kind: 'outcome'; outcome: ImportedOutcome } | { kind: 'rendered'; output: RenderedOutput };

export class AuditWorkerError extends Error {}

/** The host aborted the run through `WorkerHostOptions.signal`. */
export class AuditCancelledError extends AuditWorkerError {}

/** The worker crossed its heap ceiling (`resourceLimits`) and was stopped by Node. */
export class AuditWorkerOutOfMemoryError extends AuditWorkerError {
  constructor(
    readonly limitMb: number,
    /** What the worker was doing, e.g. "while importing export/DescribeInstances.json". */
    readonly stage: string,
  ) {
    super(`the audit worker ran out of memory (limit ${limitMb} MB) ${stage}`);
  }
}

/** The worker threw where nothing caught it, or exited on its own. */
export class AuditWorkerCrashError extends AuditWorkerError {}

/** Heap ceiling of the worker unless the host says otherwise (`maxOldGenerationSizeMb`). */
export const defaultWorkerHeapMb = 3072;

function ownedBuffer(bytes: Uint8Array): Uint8Array {
  // Only a buffer that owns its whole ArrayBuffer can be transferred without exposing other memory.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

/**
 * Follows the run from the host's side, so that a worker that dies can be said to have died
 * "while importing X": the worker acknowledges files in the order they were sent.
 */
class RunStage {
  private readonly sent: string[] = [];
  private acknowledged = 0;
  private finishSent = false;
  private checks: AuditProgress | null = null;

  constructor(private readonly renders: string | null) {}

  fileSent(name: string): void {
    this.sent.push(name);
  }

  fileImported(): void {
    this.acknowledged += 1;
  }

  finished(): void {
    this.finishSent = true;
  }

  progress(progress: AuditProgress): void {
    if (progress.phase === 'check') this.checks = progress;
  }

  describe(): string {
    const importing = this.sent[this.acknowledged];
    if (importing !== undefined) return `while importing ${importing}`;
    if (!this.finishSent)
      return this.sent.length === 0
        ? 'while starting'
        : `after importing ${this.sent[this.sent.length - 1]}`;
    if (this.checks === null) return 'while merging the imported files';
    if (this.checks.done < this.checks.total) return 'while running the checks';
    return this.renders === null
      ? 'while handing the results over'
      : `while rendering the ${this.renders} report`;
  }
}

function describeFailure(error: Error, limitMb: number, stage: string): AuditWorkerError {
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return new AuditWorkerOutOfMemoryError(limitMb, stage);
  return new AuditWorkerCrashError(`the audit worker crashed ${stage}: ${error.message}`);
}

export async function runAuditInWorker(
  files: readonly AuditInputFile[],
  runOptions: AuditRunOptions,
  hostOptions: WorkerHostOptions,
  handlers: RunHandlers = {},
): Promise<RunOutput> {
  const limitMb = hostOptions.maxOldGenerationSizeMb ?? defaultWorkerHeapMb;
  const worker = new Worker(hostOptions.workerUrl, {
    resourceLimits: { maxOldGenerationSizeMb: limitMb },
    // The one file this worker may write (a streamed CSV report), fixed when the worker starts.
    workerData: { reportFile: runOptions.render?.outputFile },
  });
  const stage = new RunStage(runOptions.render?.format.toUpperCase() ?? null);
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
          stage.progress(message.progress);
          handlers.onProgress?.(message.progress);
          return;
        case 'file-imported':
          bytesInFlight -= sizes[acknowledged] ?? 0;
          acknowledged += 1;
          stage.fileImported();
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
    worker.on('error', (error) => reject(describeFailure(error, limitMb, stage.describe())));
    worker.on('exit', (code) =>
      reject(
        new AuditWorkerCrashError(
          `the audit worker stopped unexpectedly (exit code ${code}) ${stage.describe()}`,
        ),
      ),
    );
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
      stage.fileSent(file.name);
      send({ type: 'file', runId, name: file.name, bytes, sha256 }, [bytes.buffer as ArrayBuffer]);
    }
    stage.finished();
    send({ type: 'finish', runId });
    return await finished;
  } finally {
    removeAbortListener();
    await worker.terminate();
  }
}
