/**
 * Runs audits for the app: one at a time, in the worker thread of src/node/worker-host.ts under a heap
 * limit. Main only hands the renderer's bytes over; the worker decodes,
 * validates and evaluates. Every failure becomes an `AuditRunResult`, so a crashed or out-of-memory
 * worker is a message in the UI and the app goes on.
 */
import type { AuditRunHandlers, AuditRunResult, RendererFile } from '../shared/host/host-api';
import type { ImportIssue } from '../shared/model';
import {
  AuditCancelledError,
  runAuditInWorker,
  type AuditInputFile,
  type RunHandlers,
} from '../node/worker-host';

export interface AuditRunnerOptions {
  workerUrl: URL;
  /**
   * The worker's heap ceiling. Electron's V8 caps every isolate's heap at 4 GB (pointer compression),
   * so this stays well below that and leaves main and the renderer room.
   */
  maxOldGenerationSizeMb: number;
  /** Injected by tests; the real one by default. */
  runAudit?: typeof runAuditInWorker;
}

export interface AuditRunner {
  /** Audits files the renderer holds. */
  auditFiles(files: readonly RendererFile[], handlers: AuditRunHandlers): Promise<AuditRunResult>;
  /** Terminates the run in progress, if any; its promise resolves as cancelled. */
  cancel(): void;
  readonly busy: boolean;
}

/** The files to audit, prepared once the run has claimed the runner. */
type PrepareInputs = () => Promise<readonly AuditInputFile[]>;

export const busyMessage = 'An audit is already running. Cancel it or wait for it to finish.';

/** A file the worker could not read, reported like any other file-level import error. */
function unreadableIssue(file: string, message: string): ImportIssue {
  return {
    severity: 'error',
    code: 'unreadable-file',
    message: `Cannot be read: ${message}.`,
    file,
  };
}

function failure(error: unknown): AuditRunResult {
  if (error instanceof AuditCancelledError)
    return { ok: false, cancelled: true, message: 'The audit was cancelled.' };
  const reason = error instanceof Error ? error.message : String(error);
  return { ok: false, cancelled: false, message: `The audit failed: ${reason}.` };
}

export function createAuditRunner(options: AuditRunnerOptions): AuditRunner {
  const runAudit = options.runAudit ?? runAuditInWorker;
  let active: AbortController | null = null;

  async function run(
    controller: AbortController,
    prepare: PrepareInputs,
    handlers: AuditRunHandlers,
  ): Promise<AuditRunResult> {
    try {
      const inputs = await prepare();
      if (controller.signal.aborted) return failure(new AuditCancelledError('cancelled'));
      const runHandlers: RunHandlers = {
        onProgress: handlers.onProgress,
        onFileImported: handlers.onFileImported,
        onReadError: (file, message) =>
          handlers.onFileImported?.([], [unreadableIssue(file.name, message)]),
      };
      const output = await runAudit(
        inputs,
        {},
        {
          workerUrl: options.workerUrl,
          maxOldGenerationSizeMb: options.maxOldGenerationSizeMb,
          signal: controller.signal,
        },
        runHandlers,
      );
      if (output.kind !== 'outcome')
        return failure(new Error('the worker returned rendered text instead of results'));
      return { ok: true, outcome: output.outcome };
    } catch (error) {
      return failure(error);
    } finally {
      if (active === controller) active = null;
    }
  }

  function start(prepare: PrepareInputs, handlers: AuditRunHandlers): Promise<AuditRunResult> {
    if (active !== null)
      return Promise.resolve({ ok: false, cancelled: false, message: busyMessage });
    // Claimed before the first await, so two requests arriving together cannot both start.
    const controller = new AbortController();
    active = controller;
    return run(controller, prepare, handlers);
  }

  return {
    auditFiles(files, handlers) {
      return start(
        async () => files.map((file) => ({ name: file.name, bytes: file.bytes })),
        handlers,
      );
    },
    cancel() {
      active?.abort();
      // The aborted run settles on its own; a new one may start at once.
      active = null;
    },
    get busy() {
      return active !== null;
    },
  };
}
