import { describe, expect, it } from 'vitest';
import { encodeSnapshot } from '../../shared/worker/snapshot-codec';
import type { HostToWorkerMessage, WorkerToHostMessage } from '../../shared/worker/protocol';
import { createWebHost } from './web-host';

/** Stands in for the module worker: records what it is sent and answers like the session does. */
class FakeWorker {
  onmessage: ((event: MessageEvent<WorkerToHostMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  readonly received: { message: HostToWorkerMessage; transfer: Transferable[] }[] = [];
  terminated = false;
  answer = true;

  postMessage(message: HostToWorkerMessage, transfer: Transferable[] = []): void {
    this.received.push({ message, transfer });
    if (!this.answer || message.type !== 'finish') return;
    const runId = message.runId;
    const files = this.received.filter((entry) => entry.message.type === 'file');
    queueMicrotask(() => {
      for (const entry of files) {
        const name = entry.message.type === 'file' ? entry.message.name : '';
        this.emit({ type: 'file-imported', runId, records: [], issues: [{ severity: 'warning', code: 'w', message: name, file: name }] });
      }
      this.emit({ type: 'progress', runId, progress: { phase: 'check', done: 1, total: 1, current: 'x' } });
      this.emit({
        type: 'result',
        runId,
        outcome: {
          snapshot: encodeSnapshot({ inputs: [], groups: [], instances: [], networkInterfaces: [], issues: [], gaps: [] }),
          result: { catalogueVersion: 't', checks: [] },
        },
      });
    });
  }

  emit(message: WorkerToHostMessage): void {
    this.onmessage?.({ data: message } as MessageEvent<WorkerToHostMessage>);
  }

  terminate(): void {
    this.terminated = true;
  }
}

function hostWithFakes() {
  const workers: FakeWorker[] = [];
  const host = createWebHost(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
  return { host, workers };
}

describe('web host', () => {
  it('streams one message per file, transferring each buffer, then finishes', async () => {
    const { host, workers } = hostWithFakes();
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array(new ArrayBuffer(10), 2, 4); // a view on part of a buffer
    const imported: string[] = [];
    const result = await host.auditFiles(
      [
        { name: 'a.json', bytes: a },
        { name: 'b.json', bytes: b },
      ],
      { onFileImported: (_records, issues) => imported.push(issues[0]?.file ?? '') },
    );
    expect(result.ok).toBe(true);
    expect(imported).toEqual(['a.json', 'b.json']);
    const worker = workers[0];
    expect(worker?.received.map((entry) => entry.message.type)).toEqual(['start', 'file', 'file', 'finish']);
    const [, first, second] = worker?.received ?? [];
    expect(first?.transfer).toHaveLength(1);
    expect(first?.transfer[0]).toBe(a.buffer);
    // Only the viewed bytes cross: a partial view is copied into its own buffer first.
    expect(second?.transfer[0]).not.toBe(b.buffer);
    expect((second?.transfer[0] as ArrayBuffer).byteLength).toBe(4);
  });

  it('starts the worker ahead of the first run when asked, and that run uses it', async () => {
    const { host, workers } = hostWithFakes();
    host.prepareAudit?.();
    host.prepareAudit?.();
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received).toEqual([]);
    await host.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.received.map((entry) => entry.message.type)).toEqual(['start', 'file', 'finish']);
  });

  it('cancels by terminating the worker and reports the run as cancelled', async () => {
    const { host, workers } = hostWithFakes();
    const pending = host.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }]);
    const worker = workers[0];
    if (worker) worker.answer = false;
    host.cancelAudit();
    await expect(pending).resolves.toMatchObject({ ok: false, cancelled: true });
    expect(worker?.terminated).toBe(true);
    // The next run gets a fresh worker.
    await host.auditFiles([]);
    expect(workers).toHaveLength(2);
  });

  it('turns a worker crash into a failed run with a message, and recovers', async () => {
    const { host, workers } = hostWithFakes();
    const worker = new FakeWorker();
    worker.answer = false;
    const crashing = createWebHost(() => worker as unknown as Worker);
    const pending = crashing.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }]);
    worker.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).resolves.toEqual({ ok: false, cancelled: false, message: 'The audit worker stopped: out of memory. It was importing a.json (file 1 of 1).' });
    expect(worker.terminated).toBe(true);
    expect(workers).toHaveLength(0);
    await expect(host.auditFiles([])).resolves.toMatchObject({ ok: true });
  });

  it('names the file the worker was importing when it died', async () => {
    const worker = new FakeWorker();
    worker.answer = false;
    const host = createWebHost(() => worker as unknown as Worker);
    const pending = host.auditFiles([
      { name: 'first.json', bytes: new Uint8Array([1]) },
      { name: 'second.json', bytes: new Uint8Array([2]) },
    ]);
    const runId = worker.received[0]?.message.runId ?? '';
    worker.emit({ type: 'file-imported', runId, records: [], issues: [] });
    worker.onerror?.({ message: 'Uncaught Error: boom', preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).resolves.toEqual({
      ok: false,
      cancelled: false,
      message: 'The audit worker stopped: Uncaught Error: boom. It was importing second.json (file 2 of 2).',
    });
  });

  it('a newer run replaces an older one, which resolves as cancelled', async () => {
    const { host } = hostWithFakes();
    const first = host.auditFiles([]);
    const second = host.auditFiles([]);
    await expect(first).resolves.toMatchObject({ ok: false, cancelled: true });
    await expect(second).resolves.toMatchObject({ ok: true });
  });
});
