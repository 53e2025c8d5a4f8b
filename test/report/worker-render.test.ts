/** The worker session renders reports: after a run, and for an outcome the host already holds. */
import { decodeOutcome } from '../../src/shared/worker/snapshot-codec';
import { describe, expect, it } from 'vitest';
import { createNodePdfRenderer } from '../../src/node/pdf-engine';
import type { RenderRequest } from '../../src/shared/report/render';
import { createAuditSession } from '../../src/shared/worker/audit-session';
import { checkCatalogue } from '../../src/shared/checks/registry';
import type { AuditOutcome, WorkerToHostMessage } from '../../src/shared/worker/protocol';
import { demoInputs } from '../support/import-inputs';

interface Posted {
  message: WorkerToHostMessage;
  transfer: ArrayBuffer[];
}

function session(): { posted: Posted[]; handle: ReturnType<typeof createAuditSession>['handle']; next: () => Promise<Posted> } {
  const posted: Posted[] = [];
  const waiting: ((value: Posted) => void)[] = [];
  const { handle } = createAuditSession(
    (message, transfer = []) => {
      const entry = { message, transfer };
      posted.push(entry);
      if (message.type === 'rendered' || message.type === 'failed' || message.type === 'result') waiting.shift()?.(entry);
    },
    checkCatalogue,
    { pdf: createNodePdfRenderer() },
  );
  return { posted, handle, next: () => new Promise((resolve) => waiting.push(resolve)) };
}

const request = (format: RenderRequest['format']): RenderRequest => ({
  format,
  language: 'zh',
  generatedAt: '2026-01-01T00:00:00.000Z',
  disabledChecks: [],
  tool: { name: 'sg-audit', version: 'test' },
  audit: { client: '客户', engagement: 'E', auditor: 'A' },
});

async function outcome(): Promise<AuditOutcome> {
  const { handle, next } = session();
  const inputs = demoInputs();
  handle({ type: 'start', runId: 'r1', fileCount: inputs.length, options: {} });
  for (const input of inputs) handle({ type: 'file', runId: 'r1', name: input.name, bytes: input.bytes });
  const done = next();
  handle({ type: 'finish', runId: 'r1' });
  const { message } = await done;
  if (message.type !== 'result') throw new Error(`expected a result, got ${message.type}`);
  return decodeOutcome(message.outcome);
}

describe('rendering in the worker session', () => {
  it('renders a stored outcome as a PDF and transfers its buffer', async () => {
    const stored = await outcome();
    const { handle, next } = session();
    const done = next();
    handle({ type: 'render', runId: 'export-1', outcome: stored, request: request('pdf') });
    const { message, transfer } = await done;
    if (message.type !== 'rendered') throw new Error(message.type === 'failed' ? message.error.message : message.type);
    const bytes = message.output.bytes;
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(bytes?.subarray(0, 5))).toBe('%PDF-');
    expect(transfer).toEqual([bytes?.buffer]);
    expect(bytes?.byteLength).toBe(bytes?.buffer.byteLength);
    expect(message.output.provenance?.audit.client).toBe('客户');
    expect(message.output.provenance?.inputs).toHaveLength(12);
  }, 60_000);

  it('renders JSON and CSV as bytes after a run, with the audit block and findings hash in the JSON', async () => {
    for (const format of ['json', 'csv'] as const) {
      const { handle, next } = session();
      const inputs = demoInputs();
      handle({ type: 'start', runId: format, fileCount: inputs.length, options: { render: request(format) } });
      for (const input of inputs) handle({ type: 'file', runId: format, name: input.name, bytes: input.bytes });
      const done = next();
      handle({ type: 'finish', runId: format });
      const { message } = await done;
      if (message.type !== 'rendered') throw new Error(message.type);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(message.output.bytes);
      if (format === 'json') {
        const document = JSON.parse(text) as { audit: { client: string }; findingsSha256: string; schemaVersion: string };
        expect(document.audit.client).toBe('客户');
        expect(document.findingsSha256).toBe(message.output.provenance?.findingsSha256);
        expect(document.schemaVersion).toBe('1.2.0');
      } else {
        expect(text.startsWith('\uFEFF"check_id"')).toBe(true);
      }
    }
  }, 60_000);

  it('fails a PDF request clearly when the host gave no PDF renderer', async () => {
    const stored = await outcome();
    let failed: WorkerToHostMessage | undefined;
    const { handle } = createAuditSession((message) => (failed = message));
    handle({ type: 'render', runId: 'x', outcome: stored, request: request('pdf') });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(failed).toMatchObject({ type: 'failed', error: { code: 'internal' } });
    expect(failed?.type === 'failed' ? failed.error.message : '').toContain('PDF');
  });
});
