/**
 * The worker side of the protocol, free of any host API: the Node worker thread and the browser
 * Web Worker both wrap it around their own `postMessage`. Files are imported in arrival order;
 * checks run once the host says `finish`.
 */
import { runChecks } from '../audit/run-checks';
import { catalogueVersion, checkCatalogue } from '../checks/registry';
import type { CheckDefinition } from '../checks/types';
import { createSnapshotBuilder, type AddedInput } from '../import/snapshot-builder';
import { renderReport, type RenderedOutput, type RenderSupport } from '../report/render';
import type { AuditRunOptions, HostToWorkerMessage, WorkerToHostMessage } from './protocol';
import { encodeSnapshot } from './snapshot-codec';

/** `transfer`: buffers to move rather than copy (a PDF's bytes, an encoded snapshot); a host may ignore it and copy. */
export type PostToHost = (message: WorkerToHostMessage, transfer?: ArrayBuffer[]) => void;

function transferList(output: RenderedOutput): ArrayBuffer[] {
  return output.bytes === undefined ? [] : [output.bytes.buffer as ArrayBuffer];
}

interface ActiveRun {
  runId: string;
  fileCount: number;
  filesDone: number;
  options: AuditRunOptions;
  builder: ReturnType<typeof createSnapshotBuilder>;
  /** Serialises the asynchronous file imports so results stay in arrival order. */
  pending: Promise<void>;
  cancelled: boolean;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `support.pdf` makes PDF reports possible: the host lends the pdfmake module and the fonts
 * (src/node/pdf-engine.ts in Node; the browser worker fetches them from its own origin).
 */
export function createAuditSession(
  post: PostToHost,
  checks: readonly CheckDefinition[] = checkCatalogue,
  support: RenderSupport = {},
) {
  let active: ActiveRun | null = null;

  function fail(runId: string, code: 'cancelled' | 'protocol' | 'internal', message: string): void {
    post({ type: 'failed', runId, error: { code, message } });
  }

  function currentRun(runId: string): ActiveRun | null {
    if (active !== null && active.runId === runId && !active.cancelled) return active;
    return null;
  }

  /** Queues one file's work after the files before it, then reports what it added and the progress. */
  function inTurn(run: ActiveRun, name: string, work: () => Promise<AddedInput> | AddedInput): void {
    run.pending = run.pending.then(async () => {
      if (run.cancelled) return;
      const added = await work();
      run.filesDone += 1;
      post({ type: 'file-imported', runId: run.runId, records: added.records, issues: added.issues });
      post({
        type: 'progress',
        runId: run.runId,
        progress: { phase: 'import', done: run.filesDone, total: run.fileCount, current: name },
      });
    });
  }

  function importFile(
    run: ActiveRun,
    name: string,
    bytes: Uint8Array,
    sha256: string | undefined,
  ): void {
    inTurn(run, name, () =>
      run.builder.add(sha256 === undefined ? { name, bytes } : { name, bytes, sha256 }),
    );
  }

  /** A file the host could not read: reported in its place, as the importer reports a bad file. */
  function reportUnreadable(run: ActiveRun, name: string, bytes: number, reason: string): void {
    inTurn(run, name, () => ({
      records: [{ name, bytes, sha256: '', kind: 'unreadable', records: 0 }],
      issues: [
        {
          severity: 'error',
          code: 'unreadable-file',
          message: `${name}: the file could not be read (${reason}).`,
          file: name,
        },
      ],
    }));
  }

  function finishRun(run: ActiveRun): void {
    run.pending
      .then(async () => {
        if (run.cancelled) return;
        const snapshot = run.builder.build();
        const result = runChecks(snapshot, checks, {
          catalogueVersion,
          onProgress: (done, total) =>
            post({
              type: 'progress',
              runId: run.runId,
              progress: { phase: 'check', done, total, current: checks[done - 1]?.id ?? '' },
            }),
        });
        if (run.options.render === undefined) {
          const encoded = encodeSnapshot(snapshot);
          post({ type: 'result', runId: run.runId, outcome: { snapshot: encoded, result } }, [
            encoded.json.buffer as ArrayBuffer,
          ]);
        } else {
          const output = await renderReport(snapshot, result, run.options.render, support);
          if (run.cancelled) return;
          post({ type: 'rendered', runId: run.runId, output }, transferList(output));
        }
      })
      .catch((error: unknown) => fail(run.runId, 'internal', describeError(error)))
      .finally(() => {
        if (active === run) active = null;
      });
  }

  function handle(message: HostToWorkerMessage): void {
    switch (message.type) {
      case 'start':
        if (active !== null) active.cancelled = true;
        if (message.options.render?.format === 'pdf') support.pdf?.prepare?.();
        active = {
          runId: message.runId,
          fileCount: message.fileCount,
          filesDone: 0,
          options: message.options,
          builder: createSnapshotBuilder(message.options.limits),
          pending: Promise.resolve(),
          cancelled: false,
        };
        return;
      case 'file': {
        const run = currentRun(message.runId);
        if (run === null)
          return fail(message.runId, 'protocol', 'file sent for a run that is not active');
        return importFile(run, message.name, message.bytes, message.sha256);
      }
      case 'unreadable-file': {
        const run = currentRun(message.runId);
        if (run === null)
          return fail(message.runId, 'protocol', 'file sent for a run that is not active');
        return reportUnreadable(run, message.name, message.bytes, message.reason);
      }
      case 'finish': {
        const run = currentRun(message.runId);
        if (run === null)
          return fail(message.runId, 'protocol', 'finish sent for a run that is not active');
        return finishRun(run);
      }
      case 'render': {
        // A stored outcome (the app's export of a saved audit): render it here, off the UI thread.
        const { runId, outcome, request } = message;
        renderReport(outcome.snapshot, outcome.result, request, support).then(
          (output) => post({ type: 'rendered', runId, output }, transferList(output)),
          (error: unknown) => fail(runId, 'internal', describeError(error)),
        );
        return;
      }
      case 'cancel': {
        const run = currentRun(message.runId);
        if (run === null) return;
        run.cancelled = true;
        active = null;
        return fail(message.runId, 'cancelled', 'the run was cancelled');
      }
    }
  }

  /**
   * Resolves once every file handed over so far has been imported (or dropped by a cancel): a host
   * that reads ahead waits for it before reading more, so the bytes it holds stay bounded.
   */
  function imported(): Promise<void> {
    return (active?.pending ?? Promise.resolve()).then(
      () => undefined,
      () => undefined,
    );
  }

  return { handle, imported };
}
