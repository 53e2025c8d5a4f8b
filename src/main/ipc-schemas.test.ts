/**
 * Main rebuilds the manifest from the provenance the renderer sends, through reportProvenanceSchema,
 * which drops unknown fields. A real provenance, from the worker's own renderer on the demo export,
 * must come through whole: a field added to ReportProvenance but not to the schema would otherwise
 * vanish from every manifest the desktop app writes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../shared/report/render';
import { createAuditSession } from '../shared/worker/audit-session';
import type { AuditOutcome } from '../shared/worker/protocol';
import { reportProvenanceSchema, saveReportRequestSchema } from './ipc-schemas';
import { decodeOutcome } from '../shared/worker/snapshot-codec';

const demoExport = join(import.meta.dirname, '../../test/fixtures/alibaba-demo');

function demoFiles(): { name: string; bytes: Uint8Array }[] {
  return readdirSync(demoExport, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ name: path.slice(demoExport.length + 1), bytes: readFileSync(path) }));
}

async function demoOutcome(): Promise<AuditOutcome> {
  return await new Promise<AuditOutcome>((resolve, reject) => {
    const session = createAuditSession((message) => {
      if (message.type === 'result') resolve(decodeOutcome(message.outcome));
      if (message.type === 'failed') reject(new Error(message.error.message));
    });
    const files = demoFiles();
    session.handle({ type: 'start', runId: 'r', fileCount: files.length, options: {} });
    for (const file of files)
      session.handle({ type: 'file', runId: 'r', name: file.name, bytes: file.bytes });
    session.handle({ type: 'finish', runId: 'r' });
  });
}

describe('reportProvenanceSchema', () => {
  it('keeps every field of a real report’s provenance, as it is', async () => {
    const outcome = await demoOutcome();
    const output = await renderReport(outcome.snapshot, outcome.result, {
      format: 'csv',
      language: 'zh',
      generatedAt: '2025-07-01T08:00:00.000Z',
      disabledChecks: ['exposed-ssh-22'],
      tool: { name: 'sg-audit', version: '0.1.0' },
      audit: { name: 'Q3', client: '演示客户', engagement: 'Q3', auditor: 'A', date: '2025-06-30' },
    });
    const provenance = output.provenance;
    expect(provenance?.inputs.length).toBeGreaterThan(0);
    expect(v.parse(reportProvenanceSchema, provenance)).toStrictEqual(provenance);
    const request = { suggestedName: 'r.csv', report: output.bytes, provenance };
    expect(v.parse(saveReportRequestSchema, request)).toStrictEqual(request);
  });
});
