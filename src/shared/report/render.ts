/** Turns an audit outcome into one output format (JSON, CSV or PDF). Runs in the worker. */
import type { ActivityEntry } from '../activity/chain';
import { summariseActivity, type ActivitySummary } from '../activity/summary';
import type { AuditResult, CheckStatus, RiskLevel } from '../audit/result';
import { withDisabledChecks } from '../audit/run-checks';
import type { Language } from '../checks/types';
import type { ImportIssue, Snapshot } from '../model';
import { findingsCsvBytes, writeFindingsCsv } from './findings-csv';
import type { ReportPdfRenderer } from './pdf-render';
import type { ReportProvenance } from './provenance';
import { buildReportModel, findingsSha256, type AuditInfo } from './report-model';
import { buildScanDocument, type ScanDocument, type ScanSummary, type ToolInfo } from './scan-document';

export type RenderFormat = 'json' | 'csv' | 'pdf';

export interface RenderRequest {
  format: RenderFormat;
  language: Language;
  generatedAt: string;
  disabledChecks: string[];
  tool: ToolInfo;
  /** The audit's name (CSV `audit_name`); `audit.name` wins when both are given. */
  auditName?: string;
  /** Client, engagement, auditor and date for the cover page, the JSON `audit` block and the manifest. */
  audit?: Partial<AuditInfo>;
  /** The audit's activity log (the app): summarised and verified into the report's `activity`. */
  activity?: { auditId: string; entries: ActivityEntry[] };
  /**
   * Node hosts (the CLI): the worker writes a CSV report straight to this file (a temporary path
   * the host renames into place) and returns its size and hash instead of its bytes.
   */
  outputFile?: string;
}

export interface RenderedOutput {
  format: RenderFormat;
  /** renderOutcome (JSON, CSV): the text. renderReport: empty, see `bytes`. */
  text: string;
  /**
   * renderReport: the file's bytes (UTF-8 for JSON; UTF-8 with BOM for CSV; the PDF), in a buffer
   * of their own that the worker transfers to the host. Large audits make 100 MB and more of CSV:
   * bytes move between threads without a copy and are written as they are.
   */
  bytes?: Uint8Array;
  /** Instead of `bytes`: the worker wrote the report to `request.outputFile` itself. */
  written?: WrittenReport;
  summary: ScanSummary;
  checks: { id: string; risk: RiskLevel; status: CheckStatus }[];
  /**
   * Every issue of the scan, those found when the files were merged (missing pages or rules,
   * conflicting duplicates) included: the CLI prints them, as an auditor reading only its
   * standard error must still learn that evidence is incomplete.
   */
  warnings: ImportIssue[];
  /** What the host needs to write the manifest and checksum beside the saved report (buildProvenanceFiles). */
  provenance?: ReportProvenance;
}

/** What a host lends the renderer: PDF output needs pdfmake and the fonts, which only hosts can load. */
export interface RenderSupport {
  pdf?: ReportPdfRenderer;
  /**
   * Node hosts: a sink that writes the report where `request.outputFile` says (hashing as it
   * goes), so that a large CSV is streamed out instead of held in memory. undefined: no such file.
   */
  openOutput?: (request: RenderRequest) => ReportSink | undefined;
}

/** Where a streamed report goes: `write` consumes each chunk before returning. */
export interface ReportSink {
  write(chunk: Uint8Array): void;
  close(): Promise<WrittenReport>;
  /** Called instead of close when rendering fails: removes what was written. */
  abort(): void;
}

/** A report the worker wrote itself: its size and SHA-256 for the manifest. */
export interface WrittenReport {
  byteLength: number;
  sha256: string;
}

function resolveAudit(request: RenderRequest, generatedAt: string): AuditInfo {
  const audit = request.audit ?? {};
  return {
    name: audit.name ?? request.auditName ?? '',
    client: audit.client ?? '',
    engagement: audit.engagement ?? '',
    auditor: audit.auditor ?? '',
    date: audit.date !== undefined && audit.date !== '' ? audit.date : generatedAt.slice(0, 10),
  };
}

function outlineOf(document: ScanDocument): Pick<RenderedOutput, 'summary' | 'checks' | 'warnings'> {
  return {
    summary: document.summary,
    checks: document.checks.map(({ id, risk, status }) => ({ id, risk, status })),
    warnings: document.warnings,
  };
}

/** The JSON contract with the audit block, the findings hash and the activity, in the documented key order. */
export async function completeScanDocument(document: ScanDocument, audit: AuditInfo, activity?: ActivitySummary): Promise<ScanDocument> {
  const { schemaVersion, tool, catalogueVersion, generatedAt, language, options, activity: ownActivity, ...rest } = document;
  const summary = activity ?? ownActivity;
  return {
    schemaVersion,
    tool,
    catalogueVersion,
    generatedAt,
    language,
    options,
    audit,
    findingsSha256: await findingsSha256(document),
    ...(summary === undefined ? {} : { activity: summary }),
    ...rest,
  };
}

/** Any format from an already built scan document (e.g. one read back from a JSON export). */
export async function renderScanDocument(
  document: ScanDocument,
  request: RenderRequest,
  support: RenderSupport = {},
): Promise<RenderedOutput> {
  const audit = resolveAudit(request, document.generatedAt);
  const activity = request.activity === undefined ? undefined : await summariseActivity(request.activity.entries, request.activity.auditId);
  const complete = await completeScanDocument(document, audit, activity);
  const provenance: ReportProvenance = {
    format: request.format,
    tool: complete.tool,
    catalogueVersion: complete.catalogueVersion,
    schemaVersion: complete.schemaVersion,
    generatedAt: complete.generatedAt,
    language: request.language,
    disabledChecks: [...complete.options.disabledChecks],
    audit,
    inputs: complete.inputs,
    findingsSha256: complete.findingsSha256 ?? '',
  };
  const outline = outlineOf(complete);
  if (request.format === 'json') {
    const bytes = new TextEncoder().encode(JSON.stringify(complete, null, 2) + '\n');
    return { format: 'json', text: '', bytes, ...outline, provenance };
  }
  if (request.format === 'csv') {
    const sink = support.openOutput?.(request);
    if (sink === undefined) {
      return { format: 'csv', text: '', bytes: findingsCsvBytes(complete, audit.name), ...outline, provenance };
    }
    try {
      writeFindingsCsv(complete, audit.name, (chunk) => sink.write(chunk));
    } catch (error) {
      sink.abort();
      throw error;
    }
    return { format: 'csv', text: '', written: await sink.close(), ...outline, provenance };
  }
  if (support.pdf === undefined) throw new Error('this host cannot make PDF reports (no PDF renderer was given to the worker)');
  const model = await buildReportModel(complete, audit);
  const bytes = await support.pdf(model, request.language);
  return { format: 'pdf', text: '', bytes, ...outline, provenance };
}

/** Any format from an audit outcome: the worker's path for runs and for stored audits. */
export function renderReport(
  snapshot: Snapshot,
  result: AuditResult,
  request: RenderRequest,
  support: RenderSupport = {},
): Promise<RenderedOutput> {
  const visible = withDisabledChecks(result, request.disabledChecks);
  const document = buildScanDocument(snapshot, visible, {
    tool: request.tool,
    generatedAt: request.generatedAt,
    language: request.language,
    disabledChecks: request.disabledChecks,
  });
  return renderScanDocument(document, request, support);
}
