/** Entry of the Node worker thread: the audit session behind `parentPort`. */
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditSession } from '../shared/worker/audit-session';
import { checkCatalogue } from '../shared/checks/registry';
import type { HostToWorkerMessage } from '../shared/worker/protocol';
import { createNodePdfRenderer } from './pdf-engine';

const port = parentPort;
if (port === null) throw new Error('audit-worker must run as a worker thread');

/** A packaged app may say where its fonts are: `new Worker(url, { workerData: { fontDirectory } })`. */
const fontDirectory = (workerData as { fontDirectory?: unknown } | null)?.fontDirectory;

const session = createAuditSession((message, transfer) => port.postMessage(message, transfer ?? []), checkCatalogue, {
  pdf: createNodePdfRenderer(typeof fontDirectory === 'string' ? fontDirectory : undefined),
});
port.on('message', (message: HostToWorkerMessage) => session.handle(message));
