/**
 * The argument schemas of every invoke channel. The renderer is treated as untrusted: each handler's
 * arguments pass one of these before anything happens, and unknown properties are dropped.
 */
import * as v from 'valibot';
import type { Language } from '../shared/checks/types';
import type { ExportChoiceKind } from '../shared/host/host-api';
import type { InputKind } from '../shared/model';
import type { ReportFormat } from '../shared/report/provenance';

export const saveMimeTypes = ['application/pdf', 'text/csv', 'application/json'] as const;
export type SaveMimeType = (typeof saveMimeTypes)[number];

/** The open dialogs the renderer may ask for (HostApi.chooseExportFiles); never a path. */
export const exportChoiceKinds = ['files', 'folder'] as const satisfies readonly ExportChoiceKind[];

/** A folder of page files can be large, but not unbounded. */
export const maxFilesPerRun = 10_000;

export const rendererFileSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  bytes: v.instance(Uint8Array),
});

export const saveRequestSchema = v.object({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  mimeType: v.picklist(saveMimeTypes),
  data: v.union([v.string(), v.instance(Uint8Array)]),
});

export type ValidSaveRequest = v.InferOutput<typeof saveRequestSchema>;

const MiB = 1024 * 1024;

/**
 * The largest report main writes. It crosses IPC in one message, which Electron cannot grow to 2 GiB
 * (see maxExportBytes in export-files.ts); the PDF of an 80 MB export is a few tens of MB.
 */
export const maxReportBytes = 480 * MiB;

/** Inputs listed in one manifest: 10,000 files per import, a zip may hold more entries, several imports. */
export const maxReportInputs = 200_000;

export const reportFormats = ['pdf', 'csv', 'json'] as const satisfies readonly ReportFormat[];
const languages = ['en', 'zh'] as const satisfies readonly Language[];

/** Every input kind, as a record so that a kind added to the model fails type-checking here. */
const inputKindSet: Readonly<Record<InputKind, true>> = {
  'alibaba:DescribeSecurityGroups': true,
  'alibaba:DescribeSecurityGroupAttribute': true,
  'alibaba:DescribeInstances': true,
  'alibaba:DescribeNetworkInterfaces': true,
  zip: true,
  unreadable: true,
};
const inputKinds = Object.keys(inputKindSet) as InputKind[];

/** Text that main only copies into the manifest: bounded, never interpreted. */
const boundedText = (maxLength: number) => v.pipe(v.string(), v.maxLength(maxLength));
const sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));

/** What the report worker says about a report (src/shared/report/provenance.ts ReportProvenance). */
export const reportProvenanceSchema = v.object({
  format: v.picklist(reportFormats),
  tool: v.object({ name: boundedText(200), version: boundedText(200) }),
  catalogueVersion: boundedText(200),
  schemaVersion: boundedText(200),
  generatedAt: boundedText(200),
  language: v.picklist(languages),
  disabledChecks: v.pipe(v.array(boundedText(200)), v.maxLength(1000)),
  audit: v.object({
    name: boundedText(10_000),
    client: boundedText(10_000),
    engagement: boundedText(10_000),
    auditor: boundedText(10_000),
    date: boundedText(200),
  }),
  inputs: v.pipe(
    v.array(
      v.object({
        path: boundedText(8192),
        sha256: sha256Hex,
        bytes: count,
        kind: v.picklist(inputKinds),
        records: count,
        container: v.optional(boundedText(8192)),
      }),
    ),
    v.maxLength(maxReportInputs),
  ),
  // Empty when the document had none (render.ts); otherwise the findings' SHA-256.
  findingsSha256: v.union([sha256Hex, v.literal('')]),
});

/**
 * One report to save: the bytes and their provenance. No path and no file names: main asks the
 * auditor where to save and derives the manifest's and checksum's names from that choice.
 */
export const saveReportRequestSchema = v.object({
  suggestedName: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
  report: v.pipe(
    v.instance(Uint8Array),
    v.check(
      (bytes) => bytes.byteLength <= maxReportBytes,
      `the report is larger than ${maxReportBytes / MiB} MiB`,
    ),
  ),
  provenance: reportProvenanceSchema,
});

export type ValidSaveReportRequest = v.InferOutput<typeof saveReportRequestSchema>;

/** Each channel's whole argument list; a strict tuple, so extra arguments are refused too. */
export const invokeArgumentSchemas = {
  auditFiles: v.strictTuple([
    v.pipe(v.array(rendererFileSchema), v.minLength(1), v.maxLength(maxFilesPerRun)),
  ]),
  chooseExportFiles: v.strictTuple([v.picklist(exportChoiceKinds)]),
  launchFiles: v.strictTuple([]),
  cancelAudit: v.strictTuple([]),
  saveFile: v.strictTuple([saveRequestSchema]),
  saveReport: v.strictTuple([saveReportRequestSchema]),
} as const;

export class InvalidIpcArgumentsError extends Error {}

export function parseArguments<TSchema extends v.GenericSchema>(
  channel: string,
  schema: TSchema,
  args: readonly unknown[],
): v.InferOutput<TSchema> {
  const parsed = v.safeParse(schema, args);
  if (!parsed.success) {
    // Cut short: a summary may quote the offending value, and the renderer may have sent megabytes.
    const summary = v.summarize(parsed.issues).slice(0, 500);
    throw new InvalidIpcArgumentsError(`Refused ${channel}: invalid arguments (${summary})`);
  }
  return parsed.output;
}
