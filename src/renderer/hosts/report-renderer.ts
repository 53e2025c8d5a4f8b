/**
 * Reports (JSON, CSV, PDF) of a stored audit, rendered in a Web Worker of the renderer's own, never
 * on the UI thread. The same module worker as the web host's audit (audit.worker.ts) answers the
 * protocol's `render` message; it runs in a plain browser and in Electron's renderer (served from
 * app://) alike, so both hosts render the same way and only saving differs (HostApi.saveFile).
 * The worker stays alive between exports: pdfmake and the fonts are loaded once.
 */
import type { RenderRequest, RenderedOutput } from '../../shared/report/render';
import type {
  AuditOutcome,
  HostToWorkerMessage,
  WorkerToHostMessage,
} from '../../shared/worker/protocol';
import { createAuditWorker, createRestartingWorker, type WorkerFactory } from './restarting-worker';

export interface ReportRenderer {
  /** Resolves with the rendered file (`output.bytes`) and its provenance; rejects with a readable message. */
  render(outcome: AuditOutcome, request: RenderRequest): Promise<RenderedOutput>;
  /** Stops the worker; renders in progress reject. */
  dispose(): void;
}

interface PendingRender {
  resolve: (output: RenderedOutput) => void;
  reject: (error: Error) => void;
}

export function createReportRenderer(
  createWorker: WorkerFactory = createAuditWorker,
): ReportRenderer {
  const pending = new Map<string, PendingRender>();

  function rejectAll(message: string): void {
    const waiting = [...pending.values()];
    pending.clear();
    for (const render of waiting) render.reject(new Error(message));
  }

  function onMessage(message: WorkerToHostMessage): void {
    const render = pending.get(message.runId);
    if (render === undefined) return;
    if (message.type === 'rendered') {
      pending.delete(message.runId);
      render.resolve(message.output);
    } else if (message.type === 'failed') {
      pending.delete(message.runId);
      render.reject(new Error(message.error.message));
    }
  }

  const worker = createRestartingWorker({
    create: createWorker,
    name: 'report worker',
    onMessage,
    onFailure: rejectAll,
  });

  return {
    render(outcome: AuditOutcome, request: RenderRequest): Promise<RenderedOutput> {
      return new Promise<RenderedOutput>((resolve, reject) => {
        const runId = crypto.randomUUID();
        pending.set(runId, { resolve, reject });
        try {
          // Copied (structured clone), not transferred: the open audit keeps its snapshot and result.
          const message: HostToWorkerMessage = { type: 'render', runId, outcome, request };
          worker.ensure().postMessage(message);
        } catch (error) {
          pending.delete(runId);
          reject(
            new Error(
              `Could not hand the audit to the report worker: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
        }
      });
    },
    dispose(): void {
      worker.discard('The report worker was stopped.');
    },
  };
}

let shared: ReportRenderer | null = null;

/** The app's report renderer, created on first use. */
export function reportRenderer(): ReportRenderer {
  shared ??= createReportRenderer();
  return shared;
}

/** Renders one report of an outcome the renderer holds, in the report worker. */
export function renderReport(
  outcome: AuditOutcome,
  request: RenderRequest,
): Promise<RenderedOutput> {
  return reportRenderer().render(outcome, request);
}

/** Tests install a renderer (e.g. one over an in-process session) before the view asks for one. */
export function useReportRendererForTesting(renderer: ReportRenderer | null): void {
  shared = renderer;
}
