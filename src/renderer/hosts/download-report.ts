/**
 * How a browser saves a report: three downloads, the report first, then `<report>.manifest.json`
 * and `<report>.sha256` (src/shared/report/provenance.ts), named after the proposed name, which is
 * the name a browser saves under unless the auditor renames it in the browser's own dialog.
 */
import type { ReportSaveRequest, ReportSaveResult, SaveRequest } from '../../shared/host/host-api';
import { buildProvenanceFiles, type ReportFormat } from '../../shared/report/provenance';

export const reportMimeTypes: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
};

export async function downloadReport(
  download: (file: SaveRequest) => Promise<boolean>,
  request: ReportSaveRequest,
): Promise<ReportSaveResult> {
  const name = request.suggestedName;
  const files = await buildProvenanceFiles(request.provenance, request.report, name);
  const mimeType = reportMimeTypes[request.provenance.format];
  if (!(await download({ suggestedName: name, mimeType, data: request.report }))) return { saved: false };
  await download({ suggestedName: files.manifestName, mimeType: 'application/json', data: files.manifestText });
  await download({ suggestedName: files.checksumName, mimeType: 'text/plain', data: files.checksumText });
  return { saved: true, files: [name, files.manifestName, files.checksumName] };
}
