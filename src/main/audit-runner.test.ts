/**
 * The runner against the real worker host (src/node/worker-host.ts) with tiny stand-in workers given
 * as data: URLs: the audit core is not needed to pin one-run-at-a-time, cancel, crash and OOM.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AuditRunResult } from '../shared/host/host-api';
import { busyMessage, createAuditRunner } from './audit-runner';

function workerUrl(source: string): URL {
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/** Answers like the audit worker, with the names and sizes of the files it was sent as the "outcome". */
const echoWorker = workerUrl(`
  import { parentPort } from 'node:worker_threads';
  const files = [];
  parentPort.on('message', (message) => {
    if (message.type === 'file') {
      files.push({ name: message.name, size: message.bytes.byteLength, first: message.bytes[0] });
      parentPort.postMessage({ type: 'progress', runId: message.runId, progress: { phase: 'import', done: files.length, total: 0, current: message.name } });
      parentPort.postMessage({ type: 'file-imported', runId: message.runId, records: [], issues: [] });
    }
    if (message.type === 'finish') parentPort.postMessage({ type: 'result', runId: message.runId, outcome: { files } });
  });
`);
const silentWorker = workerUrl(
  `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});`,
);
const crashingWorker = workerUrl(`
  import { parentPort } from 'node:worker_threads';
  parentPort.on('message', (message) => { if (message.type === 'finish') throw new Error('boom'); });
`);
const greedyWorker = workerUrl(`
  import { parentPort } from 'node:worker_threads';
  const hoard = [];
  parentPort.on('message', (message) => {
    if (message.type === 'finish') for (;;) hoard.push(new Array(100000).fill({ a: 1 }));
  });
`);

function filesOf(result: AuditRunResult): unknown {
  if (!result.ok) throw new Error(result.message);
  return (result.outcome as unknown as { files: unknown }).files;
}

describe('audit runner', () => {
  it('audits renderer files from memory, with progress and file events', async () => {
    const runner = createAuditRunner({ workerUrl: echoWorker, maxOldGenerationSizeMb: 64 });
    const onProgress = vi.fn();
    const onFileImported = vi.fn();
    const result = await runner.auditFiles(
      [
        { name: 'a.json', bytes: new Uint8Array([123, 125]) },
        // A view into a larger buffer: only its own bytes may reach the worker.
        { name: 'b.json', bytes: new Uint8Array([0, 91, 93, 0]).subarray(1, 3) },
      ],
      { onProgress, onFileImported },
    );
    expect(filesOf(result)).toEqual([
      { name: 'a.json', size: 2, first: 123 },
      { name: 'b.json', size: 2, first: 91 },
    ]);
    expect(onProgress).toHaveBeenCalledTimes(2);
    expect(onFileImported).toHaveBeenCalledTimes(2);
    expect(runner.busy).toBe(false);
  });

  it('runs one audit at a time, and cancel terminates the running one', async () => {
    const runner = createAuditRunner({ workerUrl: silentWorker, maxOldGenerationSizeMb: 64 });
    const first = runner.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }], {});
    expect(runner.busy).toBe(true);
    expect(await runner.auditFiles([{ name: 'b.json', bytes: new Uint8Array([1]) }], {})).toEqual({
      ok: false,
      cancelled: false,
      message: busyMessage,
    });
    runner.cancel();
    expect(await first).toEqual({
      ok: false,
      cancelled: true,
      message: 'The audit was cancelled.',
    });
    expect(runner.busy).toBe(false);
  });

  it('cancel with nothing running is harmless', () => {
    expect(() =>
      createAuditRunner({ workerUrl: silentWorker, maxOldGenerationSizeMb: 64 }).cancel(),
    ).not.toThrow();
  });

  it('turns a worker crash into a message and frees the runner', async () => {
    const crashing = createAuditRunner({ workerUrl: crashingWorker, maxOldGenerationSizeMb: 64 });
    const result = await crashing.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }], {});
    expect(result).toEqual({
      ok: false,
      cancelled: false,
      message: 'The audit failed: the audit worker crashed while importing a.json: boom.',
    });
    expect(crashing.busy).toBe(false);
  });

  it('turns an out-of-memory worker into a message', async () => {
    const runner = createAuditRunner({ workerUrl: greedyWorker, maxOldGenerationSizeMb: 16 });
    const result = await runner.auditFiles([{ name: 'big.json', bytes: new Uint8Array([1]) }], {});
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(/ran out of memory/);
  });
});
