/**
 * Writes a saved report and its provenance beside it: `<report>`, `<report>.manifest.json` and
 * `<report>.sha256` (src/shared/report/provenance.ts). Every name comes from the path the auditor
 * chose in main's save dialog, never from the renderer, and the hash is of the bytes written here.
 *
 * All or nothing, as far as a file system allows: each file is first written in full to a new
 * temporary file in the chosen folder (where a full disk or a refused permission shows up), and
 * only then are the three renamed into place, the report last. A failure removes what this save
 * wrote and rejects with a message naming the file.
 */
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { buildProvenanceFiles, type ReportProvenance } from '../shared/report/provenance';

interface PendingFile {
  target: string;
  temporary: string;
  data: Uint8Array | string;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EROFS') return 'the folder is read-only';
  if (code === 'ENOENT') return 'the folder does not exist';
  return error instanceof Error ? error.message : String(error);
}

async function removeQuietly(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
}

/** Writes the three files; resolves with their names (report first). */
export async function writeReportFiles(
  reportPath: string,
  report: Uint8Array,
  provenance: ReportProvenance,
): Promise<string[]> {
  const folder = dirname(reportPath);
  const name = basename(reportPath);
  const files = await buildProvenanceFiles(provenance, report, name);
  // A short fixed-length temporary name: the report's own name may already be near the 255-byte limit.
  const token = randomUUID();
  const pending: PendingFile[] = [
    { target: `${reportPath}.sha256`, data: files.checksumText },
    { target: `${reportPath}.manifest.json`, data: files.manifestText },
    { target: reportPath, data: report },
  ].map((file, index) => ({ ...file, temporary: join(folder, `.sg-audit-${token}-${index}.tmp`) }));

  for (const file of pending) {
    try {
      // 'wx': never through a file or link that is already there.
      await writeFile(file.temporary, file.data, { flag: 'wx' });
    } catch (error) {
      await removeQuietly(pending.map((item) => item.temporary));
      throw new Error(`Nothing was saved: ${file.target} cannot be written (${reason(error)}).`);
    }
  }
  const placed: string[] = [];
  for (const file of pending) {
    try {
      await rename(file.temporary, file.target);
      placed.push(file.target);
    } catch (error) {
      await removeQuietly([...pending.map((item) => item.temporary), ...placed]);
      throw new Error(`Nothing was saved: ${file.target} cannot be written (${reason(error)}).`);
    }
  }
  return [name, `${name}.manifest.json`, `${name}.sha256`];
}
