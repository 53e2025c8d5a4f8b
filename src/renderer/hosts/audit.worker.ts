/**
 * The browser's audit worker: untrusted exports are decoded, validated and evaluated here, off the
 * UI thread, by the same session the Node worker thread runs. It also renders reports (JSON, CSV,
 * PDF) of stored audits: pdfmake's browser build and the report fonts are loaded on first use, the
 * fonts fetched from the app's own origin (never the network: CSP `connect-src 'self'`).
 */
import { checkCatalogue } from '../../shared/checks/registry';
import { createReportPdfRenderer, type PdfMakeEngine } from '../../shared/report/pdf-render';
import type { HostToWorkerMessage, WorkerToHostMessage } from '../../shared/worker/protocol';
import { createAuditSession } from '../../shared/worker/audit-session';
import {
  createReadAhead,
  readBatch,
  type FileBlobsMessage,
  type WebWorkerMessage,
} from './blob-files';

/** The part of DedicatedWorkerGlobalScope used here (the DOM library does not declare it). */
interface WorkerScope {
  postMessage(message: WorkerToHostMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WebWorkerMessage>) => void) | null;
  location: { href: string };
}

const scope = self as unknown as WorkerScope;

/**
 * The build serves the fonts at `<app>/fonts/` (vite.web.config.ts, reportFonts) and the worker
 * sits one folder below the app (`assets/` when built, `hosts/` under the dev server), so the path
 * is relative to the worker: the app works under any base (`./`, a sub-path, app://sg-audit/).
 */
async function fontBytes(file: string): Promise<Uint8Array> {
  const url = new URL(`../fonts/${file}`, scope.location.href);
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`the report font ${file} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

const pdf = createReportPdfRenderer(
  async () => (await import('pdfmake/build/pdfmake.js')).default as unknown as PdfMakeEngine,
  async () => {
    const [regular, bold] = await Promise.all([
      fontBytes('NotoSansSC-Regular.ttf'),
      fontBytes('NotoSansSC-Bold.ttf'),
    ]);
    return { regular, bold };
  },
);

const session = createAuditSession(
  (message, transfer) => scope.postMessage(message, transfer ?? []),
  checkCatalogue,
  { pdf },
);

function handle(message: HostToWorkerMessage): void {
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
}

const inbox = createReadAhead({ batchesHeld: 3, read: readBatch, imported: () => session.imported() });

function handleFileBlobs(message: FileBlobsMessage): void {
  inbox.batch(message.files, (file) => {
    if ('bytes' in file)
      handle({ type: 'file', runId: message.runId, name: file.name, bytes: file.bytes });
    else
      handle({
        type: 'unreadable-file',
        runId: message.runId,
        name: file.name,
        bytes: file.size,
        reason: file.error,
      });
  });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message?.type === 'file-blobs') return handleFileBlobs(message);
  // A cancel must not wait behind reads, and a report render is independent of any run.
  if (message?.type === 'cancel' || message?.type === 'render') return handle(message);
  inbox.after(() => handle(message));
};
