/**
 * Exporting a stored audit: the render request from the audit's details and switched-off items,
 * the report rendered in the report worker (never on the UI thread), then the report saved through
 * the host in one call, which also writes its provenance files (`<report>.manifest.json`,
 * `<report>.sha256`): Electron with one save dialog, the web host as three downloads.
 */
import type { Language } from '../../shared/checks/types';
import type { HostApi, ReportSaveResult } from '../../shared/host/host-api';
import type { RenderFormat, RenderRequest, RenderedOutput } from '../../shared/report/render';
import type { AuditOutcome } from '../../shared/worker/protocol';
import type { AuditRecord } from '../db/database';

export interface ExportChoice {
  format: RenderFormat;
  language: Language;
}

export type AuditDetailsForReport = Pick<AuditRecord, 'client' | 'engagement' | 'auditor' | 'date'>;

/** The audit's name in reports (CSV `audit_name`, cover, manifest): its title in the app, the engagement. */
export function auditDisplayName(audit: AuditDetailsForReport): string {
  return audit.engagement;
}

export function reportRequest(
  audit: AuditDetailsForReport,
  disabledChecks: readonly string[],
  choice: ExportChoice,
  now: Date = new Date(),
): RenderRequest {
  const name = auditDisplayName(audit);
  return {
    format: choice.format,
    language: choice.language,
    generatedAt: now.toISOString(),
    // Switched-off items stay in the report, listed as not assessed.
    disabledChecks: [...disabledChecks],
    tool: { name: 'sg-audit', version: __APP_VERSION__ },
    auditName: name,
    audit: { name, client: audit.client, engagement: audit.engagement, auditor: audit.auditor, date: audit.date },
  };
}

function fileSafe(text: string): string {
  // No leading dot (a hidden file, or `..`), no folder separators, no spaces.
  return text.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80) || 'audit';
}

/** `<engagement>-<date>-<language>.<format>`, reduced to characters every file system accepts. */
export function reportFileName(audit: AuditDetailsForReport, choice: ExportChoice): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(audit.date) ? `-${audit.date}` : '';
  return `${fileSafe(audit.engagement)}${date}-${choice.language}.${choice.format}`;
}

export type ExportResult = ReportSaveResult;

export interface ExportDependencies {
  render(outcome: AuditOutcome, request: RenderRequest): Promise<RenderedOutput>;
  host: Pick<HostApi, 'saveReport'>;
}

/** Renders, then saves the report with its manifest and checksum; `{ saved: false }` on cancel. */
export async function exportReport(
  dependencies: ExportDependencies,
  outcome: AuditOutcome,
  request: RenderRequest,
  fileName: string,
): Promise<ExportResult> {
  const output = await dependencies.render(outcome, request);
  if (output.bytes === undefined || output.provenance === undefined) {
    throw new Error('The report worker returned no file.');
  }
  return dependencies.host.saveReport({ suggestedName: fileName, report: output.bytes, provenance: output.provenance });
}
