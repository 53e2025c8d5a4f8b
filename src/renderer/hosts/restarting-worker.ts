/**
 * The audit worker as both renderer-side clients use it: started on first use, and after a crash or
 * an unreadable message terminated and forgotten, so the next request starts a fresh one. The failure
 * reaches the client as one readable sentence.
 */
import type { WorkerToHostMessage } from '../../shared/worker/protocol';

export type WorkerFactory = () => Worker;

export function createAuditWorker(): Worker {
  return new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });
}

export interface RestartingWorkerOptions {
  create: WorkerFactory;
  /** How the failure messages name the worker, e.g. "audit worker". */
  name: string;
  onMessage: (message: WorkerToHostMessage) => void;
  /** Called once the worker is gone, with the reason to show. */
  onFailure: (reason: string) => void;
}

export interface RestartingWorker {
  /** The running worker, started if there is none. */
  ensure(): Worker;
  /** The running worker, or null; never starts one. */
  current(): Worker | null;
  /** Terminates the worker (if any) and reports `reason` to `onFailure`. */
  discard(reason: string): void;
}

export function createRestartingWorker(options: RestartingWorkerOptions): RestartingWorker {
  let worker: Worker | null = null;

  function discard(reason: string): void {
    worker?.terminate();
    worker = null;
    options.onFailure(reason);
  }

  function ensure(): Worker {
    if (worker !== null) return worker;
    const created = options.create();
    created.onmessage = (event: MessageEvent<WorkerToHostMessage>) => options.onMessage(event.data);
    created.onerror = (event) => {
      event.preventDefault();
      discard(`The ${options.name} stopped: ${event.message || 'unknown error'}.`);
    };
    created.onmessageerror = () =>
      discard(`The ${options.name} sent a message that could not be read.`);
    worker = created;
    return created;
  }

  return { ensure, current: () => worker, discard };
}
