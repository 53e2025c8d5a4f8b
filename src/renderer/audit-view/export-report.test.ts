/**
 * Exporting a stored audit: the request carries the audit's details and switched-off items, the
 * report is rendered by the report worker's protocol (here a fake Worker over the real session),
 * and handed to the host in one saveReport call; the web host downloads the report before its
 * manifest and checksum, whose hash is the report's (Electron's side: src/main/report-files.test.ts).
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportSaveRequest, SaveRequest } from '../../shared/host/host-api';
import { createAuditSession } from '../../shared/worker/audit-session';
import type { AuditOutcome, HostToWorkerMessage, WorkerToHostMessage } from '../../shared/worker/protocol';
import { downloadReport } from '../hosts/download-report';
import { createReportRenderer } from '../hosts/report-renderer';
import { sampleFiles } from '../sample/sample-audit';
import { exportReport, reportFileName, reportRequest } from './export-report';
import { decodeOutcome } from '../../shared/worker/snapshot-codec';

vi.stubGlobal('__APP_VERSION__', '9.9.9-test');

const audit = { client: 'Demo Co.', engagement: 'Q3 review', auditor: 'Tester', date: '2025-06-30' };

/** A Worker whose other side is the real audit session, answering asynchronously like a thread. */
class SessionWorker {
  onmessage: ((event: MessageEvent<WorkerToHostMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  private readonly session = createAuditSession((message) => {
    setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<WorkerToHostMessage>), 0);
  });
  postMessage(message: HostToWorkerMessage): void {
    this.session.handle(structuredClone(message));
  }
  terminate(): void {
    this.terminated = true;
  }
}

async function demoOutcome(): Promise<AuditOutcome> {
  const files = await Promise.all(sampleFiles().map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) })));
  return await new Promise<AuditOutcome>((resolve, reject) => {
    const session = createAuditSession((message) => {
      if (message.type === 'result') resolve(decodeOutcome(message.outcome));
      if (message.type === 'failed') reject(new Error(message.error.message));
    });
    session.handle({ type: 'start', runId: 'r', fileCount: files.length, options: {} });
    for (const file of files) session.handle({ type: 'file', runId: 'r', name: file.name, bytes: file.bytes });
    session.handle({ type: 'finish', runId: 'r' });
  });
}

let outcome: AuditOutcome;
beforeAll(async () => {
  outcome = await demoOutcome();
});

afterEach(() => vi.useRealTimers());

async function sha256(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('reportRequest and reportFileName', () => {
  it('carries the audit details, the switched-off items and the app version', () => {
    const request = reportRequest(audit, ['exposed-ssh-22'], { format: 'pdf', language: 'zh' }, new Date('2025-07-01T08:00:00Z'));
    expect(request).toEqual({
      format: 'pdf',
      language: 'zh',
      generatedAt: '2025-07-01T08:00:00.000Z',
      disabledChecks: ['exposed-ssh-22'],
      tool: { name: 'sg-audit', version: '9.9.9-test' },
      auditName: 'Q3 review',
      audit: { name: 'Q3 review', client: 'Demo Co.', engagement: 'Q3 review', auditor: 'Tester', date: '2025-06-30' },
    });
  });

  it('names the file after the engagement, date and language, with only safe characters', () => {
    expect(reportFileName(audit, { format: 'csv', language: 'en' })).toBe('Q3-review-2025-06-30-en.csv');
    expect(reportFileName({ ...audit, engagement: '../审计 <x>', date: '' }, { format: 'pdf', language: 'zh' })).toBe('审计-x-zh.pdf');
  });
});

describe('exportReport', () => {
  it('renders in the worker and downloads the report, its manifest and its checksum (web)', async () => {
    const worker = new SessionWorker();
    const renderer = createReportRenderer(() => worker as unknown as Worker);
    const saved: SaveRequest[] = [];
    const host = { saveReport: (item: ReportSaveRequest) => downloadReport(async (file) => (saved.push(file), true), item) };
    const request = reportRequest(audit, ['exposed-rdp-3389'], { format: 'csv', language: 'en' });
    const result = await exportReport({ render: renderer.render, host }, outcome, request, 'report.csv');

    expect(result).toEqual({ saved: true, files: ['report.csv', 'report.csv.manifest.json', 'report.csv.sha256'] });
    expect(saved.map((item) => [item.suggestedName, item.mimeType])).toEqual([
      ['report.csv', 'text/csv'],
      ['report.csv.manifest.json', 'application/json'],
      ['report.csv.sha256', 'text/plain'],
    ]);
    const report = saved[0]?.data as Uint8Array;
    expect([...report.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(report);
    expect(text).toContain('exposed-ssh-22');
    expect(text).toContain('Q3 review');
    const manifest = JSON.parse(saved[1]?.data as string) as { report: { sha256: string; file: string }; options: { disabledChecks: string[] } };
    const hash = await sha256(report);
    expect(manifest.report).toMatchObject({ file: 'report.csv', sha256: hash });
    expect(manifest.options.disabledChecks).toEqual(['exposed-rdp-3389']);
    expect(saved[2]?.data).toBe(`${hash}  report.csv\n`);
  });

  it('hands the host one request, the rendered bytes with their provenance, and passes on a cancel', async () => {
    const renderer = createReportRenderer(() => new SessionWorker() as unknown as Worker);
    const request = reportRequest(audit, [], { format: 'json', language: 'zh' });
    const saveReport = vi.fn(async (_item: ReportSaveRequest) => ({ saved: false as const }));
    expect(await exportReport({ render: renderer.render, host: { saveReport } }, outcome, request, 'r.json')).toEqual({ saved: false });
    expect(saveReport).toHaveBeenCalledOnce();
    const item = saveReport.mock.calls[0]?.[0];
    expect(Object.keys(item ?? {}).sort()).toEqual(['provenance', 'report', 'suggestedName']);
    expect(item?.suggestedName).toBe('r.json');
    expect(item?.provenance).toMatchObject({ format: 'json', language: 'zh', audit: { engagement: 'Q3 review' } });
    expect(JSON.parse(new TextDecoder().decode(item?.report))).toMatchObject({ schemaVersion: expect.any(String) });
  });

  it('downloads nothing more when the report’s download is refused', async () => {
    const renderer = createReportRenderer(() => new SessionWorker() as unknown as Worker);
    const request = reportRequest(audit, [], { format: 'json', language: 'en' });
    const attempted: SaveRequest[] = [];
    const host = { saveReport: (item: ReportSaveRequest) => downloadReport(async (file) => (attempted.push(file), false), item) };
    expect(await exportReport({ render: renderer.render, host }, outcome, request, 'r.json')).toEqual({ saved: false });
    expect(attempted.map((item) => item.suggestedName)).toEqual(['r.json']);
  });

  it('rejects with the worker’s message when rendering fails (a PDF without a PDF renderer)', async () => {
    const renderer = createReportRenderer(() => new SessionWorker() as unknown as Worker);
    const saveReport = vi.fn(async () => ({ saved: true as const, files: [] }));
    const request = reportRequest(audit, [], { format: 'pdf', language: 'en' });
    await expect(exportReport({ render: renderer.render, host: { saveReport } }, outcome, request, 'r.pdf')).rejects.toThrow(
      /cannot make PDF reports/,
    );
    expect(saveReport).not.toHaveBeenCalled();
  });

  it('rejects every render in progress when the worker stops', async () => {
    const worker = new SessionWorker();
    worker.postMessage = () => undefined;
    const renderer = createReportRenderer(() => worker as unknown as Worker);
    const pending = renderer.render(outcome, reportRequest(audit, [], { format: 'json', language: 'en' }));
    worker.onerror?.({ message: 'out of memory', preventDefault: () => undefined } as ErrorEvent);
    await expect(pending).rejects.toThrow('The report worker stopped: out of memory.');
    expect(worker.terminated).toBe(true);
  });
});
