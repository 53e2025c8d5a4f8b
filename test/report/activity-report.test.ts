/**
 * The audit's activity log in reports: the renderer passes the log, the report carries its summary
 * (entry count, first and last time, head hash, whether the chain verifies, counts per kind) in the
 * JSON contract and in the PDF appendix. The CLI keeps no log: its reports have no `activity`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodePdfRenderer } from '../../src/node/pdf-engine';
import { nextActivityEntry, type ActivityEntry, type ActivityKind } from '../../src/shared/activity/chain';
import { renderScanDocument, type RenderRequest } from '../../src/shared/report/render';
import { buildReportModel } from '../../src/shared/report/report-model';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { demoDocument, pdfToText, squeeze, temporaryDirectory } from './harness';

async function log(kinds: ActivityKind[]): Promise<ActivityEntry[]> {
  const entries: ActivityEntry[] = [];
  for (const [index, kind] of kinds.entries()) {
    const at = new Date(Date.UTC(2025, 5, 30, 8, index)).toISOString();
    entries.push(await nextActivityEntry(entries[entries.length - 1], { auditId: 'audit-1', at, kind, detail: { index } }));
  }
  return entries;
}

function request(format: RenderRequest['format'], language: RenderRequest['language'], entries?: ActivityEntry[]): RenderRequest {
  return {
    format,
    language,
    generatedAt: '2026-01-01T00:00:00.000Z',
    disabledChecks: [],
    tool: { name: 'sg-audit', version: 'test' },
    audit: { client: 'Example Holdings', engagement: 'FY2025', auditor: 'J. Smith' },
    ...(entries === undefined ? {} : { activity: { auditId: 'audit-1', entries } }),
  };
}

let document: ScanDocument;
let entries: ActivityEntry[];
beforeAll(async () => {
  document = await demoDocument();
  entries = await log(['create', 'import', 'toggle', 'toggle', 'export']);
});

function jsonOf(bytes: Uint8Array | undefined): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

describe('activity in the JSON report', () => {
  it('carries the summary after the findings hash, and the model rebuilt from the JSON has it', async () => {
    const output = await renderScanDocument(document, request('json', 'en', entries));
    const json = jsonOf(output.bytes);
    expect(Object.keys(json).slice(0, 10)).toEqual(['schemaVersion', 'tool', 'catalogueVersion', 'generatedAt', 'language', 'options', 'audit', 'findingsSha256', 'activity', 'inputs']);
    expect(json.schemaVersion).toBe('1.2.0');
    expect(json.activity).toEqual({
      entries: 5,
      firstAt: '2025-06-30T08:00:00.000Z',
      lastAt: '2025-06-30T08:04:00.000Z',
      headHash: entries[4]?.hash,
      chainVerified: true,
      byKind: { create: 1, edit: 0, import: 1, toggle: 2, export: 1, upgrade: 0, restore: 0 },
    });
    const model = await buildReportModel(json as unknown as ScanDocument);
    expect(model.activity).toEqual(json.activity);
  });

  it('says where the chain is broken', async () => {
    const tampered = entries.map((entry) => (entry.seq === 3 ? { ...entry, detail: { index: 99 } } : entry));
    const json = jsonOf((await renderScanDocument(document, request('json', 'en', tampered))).bytes);
    expect(json.activity).toMatchObject({ entries: 5, chainVerified: false, brokenSeq: 3, brokenReason: 'hash' });
  });

  it('has no activity when none was given (the CLI)', async () => {
    const json = jsonOf((await renderScanDocument(document, request('json', 'en'))).bytes);
    expect(json).not.toHaveProperty('activity');
    expect((await buildReportModel(json as unknown as ScanDocument)).activity).toBeNull();
  });
});

describe('activity in the PDF appendix', () => {
  const pdf = createNodePdfRenderer();
  const support = { pdf };

  async function pdfText(name: string, language: 'en' | 'zh', log?: ActivityEntry[]): Promise<string> {
    const output = await renderScanDocument(document, request('pdf', language, log), support);
    const path = join(temporaryDirectory('activity-pdf'), `${name}.pdf`);
    writeFileSync(path, output.bytes ?? new Uint8Array());
    return pdfToText(path);
  }

  it('English: section D with the entries, period, head hash, verified chain and counts per kind', async () => {
    const text = await pdfText('activity-en', 'en', entries);
    const squeezed = squeeze(text);
    expect(text).toContain('D Activity log');
    expect(squeezed).toContain(squeeze('2025-06-30 08:00:00 UTC – 2025-06-30 08:04:00 UTC'));
    expect(squeezed).toContain(entries[4]!.hash);
    expect(squeezed).toContain(squeeze('verified: every entry follows the one before it'));
    expect(squeezed).toContain(squeeze('created 1 · files imported 1 · items switched 2 · reports exported 1'));
    // The table of contents lists the section too.
    expect(text.split('D Activity log').length).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it('Chinese: the same section in Chinese, and a broken chain in words', async () => {
    const tampered = entries.map((entry) => (entry.seq === 2 ? { ...entry, at: '2030-01-01T00:00:00.000Z' } : entry));
    const squeezed = squeeze(await pdfText('activity-zh-broken', 'zh', tampered));
    expect(squeezed).toContain(squeeze('D 操作记录'));
    expect(squeezed).toContain(squeeze('在第 2 条记录处断开：该记录写入后被修改'));
    expect(squeezed).toContain(squeeze('开关检查项 2'));
  }, 60_000);

  it('has no section D without an activity log (the CLI)', async () => {
    const text = await pdfText('activity-none', 'en');
    expect(text).not.toContain('Activity log');
  }, 60_000);
});
