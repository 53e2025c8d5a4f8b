/**
 * The browser's audit worker: untrusted exports are decoded, validated and evaluated here, off the
 * UI thread, by the same session the Node worker thread runs.
 */
import type { HostToWorkerMessage, WorkerToHostMessage } from '../../shared/worker/protocol';
import { createAuditSession } from '../../shared/worker/audit-session';

/** The part of DedicatedWorkerGlobalScope used here (the DOM library does not declare it). */
interface WorkerScope {
  postMessage(message: WorkerToHostMessage): void;
  onmessage: ((event: MessageEvent<HostToWorkerMessage>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const session = createAuditSession((message) => scope.postMessage(message));

scope.onmessage = (event) => {
  const message = event.data;
  try {
    session.handle(message);
  } catch (error) {
    // A throw here would only reach the host as an opaque error event; say which run failed.
    scope.postMessage({
      type: 'failed',
      runId: typeof message?.runId === 'string' ? message.runId : '',
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    });
  }
};
