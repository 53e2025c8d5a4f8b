/** Entry of the Node worker thread: the audit session behind `parentPort`. */
import { parentPort } from 'node:worker_threads';
import { createAuditSession } from '../shared/worker/audit-session';
import type { HostToWorkerMessage } from '../shared/worker/protocol';

const port = parentPort;
if (port === null) throw new Error('audit-worker must run as a worker thread');

const session = createAuditSession((message) => port.postMessage(message));
port.on('message', (message: HostToWorkerMessage) => session.handle(message));
