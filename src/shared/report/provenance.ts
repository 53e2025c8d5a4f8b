/**
 * Provenance files written beside a saved report: `<report>.manifest.json` (inputs and their
 * hashes, app and catalogue version, options, the report's own SHA-256) and `<report>.sha256`
 * (`<hex>  <file name>`, as sha256sum writes it, so `sha256sum -c` verifies the report).
 * Pure: every host (CLI, Electron main, web download) calls the same functions with the report
 * bytes and the file name it saves under.
 */
import { sha256Hex } from '../import/digest';
import type { Language } from '../checks/types';
import type { AuditInfo } from './report-model';
import type { ScanInput, ToolInfo } from './scan-document';

export const manifestVersion = '1.0.0';

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** What the worker knows about a rendered report; the host adds the file name and the hash. */
export interface ReportProvenance {
  format: ReportFormat;
  tool: ToolInfo;
  catalogueVersion: string;
  schemaVersion: string;
  generatedAt: string;
  language: Language;
  disabledChecks: string[];
  audit: AuditInfo;
  inputs: ScanInput[];
  findingsSha256: string;
}

export interface ReportManifest {
  manifestVersion: string;
  report: { file: string; format: ReportFormat; bytes: number; sha256: string };
  tool: ToolInfo;
  catalogueVersion: string;
  schemaVersion: string;
  generatedAt: string;
  options: { format: ReportFormat; language: Language; disabledChecks: string[]; audit: AuditInfo };
  inputs: ScanInput[];
  findingsSha256: string;
}

export interface ProvenanceFiles {
  reportSha256: string;
  manifest: ReportManifest;
  /** `<report file>.manifest.json`, and its text (2-space JSON, LF, final newline). */
  manifestName: string;
  manifestText: string;
  /** `<report file>.sha256`, and its one line. */
  checksumName: string;
  checksumText: string;
}

/** The last path segment: a manifest names the report file, never the folder it was saved in. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** One sha256sum line; names with a backslash or line break are escaped as GNU coreutils does. */
export function sha256sumLine(hex: string, fileName: string): string {
  if (/[\\\n\r]/.test(fileName)) {
    const escaped = fileName.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
    return `\\${hex}  ${escaped}\n`;
  }
  return `${hex}  ${fileName}\n`;
}

export async function buildProvenanceFiles(
  provenance: ReportProvenance,
  report: Uint8Array,
  reportFileName: string,
): Promise<ProvenanceFiles> {
  return provenanceFilesForDigest(
    provenance,
    { byteLength: report.byteLength, sha256: await sha256Hex(report) },
    reportFileName,
  );
}

/** The same files for a report hashed while it was written (a streamed CSV): its size and SHA-256. */
export function provenanceFilesForDigest(
  provenance: ReportProvenance,
  report: { byteLength: number; sha256: string },
  reportFileName: string,
): ProvenanceFiles {
  const file = baseName(reportFileName);
  const reportSha256 = report.sha256;
  const manifest: ReportManifest = {
    manifestVersion,
    report: { file, format: provenance.format, bytes: report.byteLength, sha256: reportSha256 },
    tool: provenance.tool,
    catalogueVersion: provenance.catalogueVersion,
    schemaVersion: provenance.schemaVersion,
    generatedAt: provenance.generatedAt,
    options: {
      format: provenance.format,
      language: provenance.language,
      disabledChecks: [...provenance.disabledChecks].sort(),
      audit: provenance.audit,
    },
    inputs: provenance.inputs,
    findingsSha256: provenance.findingsSha256,
  };
  return {
    reportSha256,
    manifest,
    manifestName: `${file}.manifest.json`,
    manifestText: `${JSON.stringify(manifest, null, 2)}\n`,
    checksumName: `${file}.sha256`,
    checksumText: sha256sumLine(reportSha256, file),
  };
}
