/** Entry of the Node worker thread: the audit session behind `parentPort`. */
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditSession } from '../shared/worker/audit-session';
import { checkCatalogue } from '../shared/checks/registry';
import type { HostToWorkerMessage } from '../shared/worker/protocol';
import { createNodePdfRenderer } from './pdf-engine';
import { openReportFileSink } from './report-file-sink';

const port = parentPort;
if (port === null) throw new Error('audit-worker must run as a worker thread');

/** A packaged app may say where its fonts are: `new Worker(url, { workerData: { fontDirectory } })`. */
const options = workerData as { fontDirectory?: unknown; reportFile?: unknown } | null;
const fontDirectory = options?.fontDirectory;
/** Only the file the host named when it started this worker can be written; messages cannot add one. */
const reportFile = typeof options?.reportFile === 'string' ? options.reportFile : undefined;

const session = createAuditSession((message, transfer) => port.postMessage(message, transfer ?? []), checkCatalogue, {
  pdf: createNodePdfRenderer(typeof fontDirectory === 'string' ? fontDirectory : undefined),
  openOutput: (request) =>
    reportFile !== undefined && request.outputFile === reportFile ? openReportFileSink(reportFile) : undefined,
});
port.on('message', (message: HostToWorkerMessage) => session.handle(message));
