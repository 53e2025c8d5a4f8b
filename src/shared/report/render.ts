/** Turns an audit outcome into the text of one output format. Runs in the worker. */
import type { AuditResult, CheckStatus, RiskLevel } from '../audit/result';
import { withDisabledChecks } from '../audit/run-checks';
import type { Language } from '../checks/types';
import type { Snapshot } from '../model';
import { findingsCsv } from './findings-csv';
import { buildScanDocument, type ScanSummary, type ToolInfo } from './scan-document';

export type RenderFormat = 'json' | 'csv';

export interface RenderRequest {
  format: RenderFormat;
  language: Language;
  generatedAt: string;
  disabledChecks: string[];
  tool: ToolInfo;
  auditName?: string;
}

export interface RenderedOutput {
  format: RenderFormat;
  text: string;
  summary: ScanSummary;
  checks: { id: string; risk: RiskLevel; status: CheckStatus }[];
}

export function renderOutcome(snapshot: Snapshot, result: AuditResult, request: RenderRequest): RenderedOutput {
  const visible = withDisabledChecks(result, request.disabledChecks);
  const document = buildScanDocument(snapshot, visible, {
    tool: request.tool,
    generatedAt: request.generatedAt,
    language: request.language,
    disabledChecks: request.disabledChecks,
  });
  const text =
    request.format === 'json'
      ? JSON.stringify(document, null, 2) + '\n'
      : findingsCsv(document, request.auditName ?? '');
  return {
    format: request.format,
    text,
    summary: document.summary,
    checks: document.checks.map(({ id, risk, status }) => ({ id, risk, status })),
  };
}
