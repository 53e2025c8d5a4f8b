/**
 * Files the Electron host read for the renderer (its native "Open files…" / "Open folder…" dialogs,
 * or the paths named on the command line), fed into the same import flow as the file input and
 * drag and drop: each becomes a `PickedFile` whose `File` holds the bytes main read.
 *
 * And the hand-over of the launch files: the shell creates an audit for them and opens it; that
 * audit's import modal takes them once and starts the import.
 */
import type { RendererFile } from '../../shared/host/host-api';
import type { AuditDetails } from '../db/audit-repository';
import type { PickedFile } from './collect-files';

function byName(a: PickedFile, b: PickedFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The last segment of a host file's name (`export-2025/rules/sg-1.json` → `sg-1.json`). */
function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1) || name;
}

/** Sorted by path like `fromFileList`, so the review lists them like the folder reads. */
export function fromHostFiles(files: readonly RendererFile[]): PickedFile[] {
  return files
    .map((file) => ({
      name: file.name,
      // A File is what the import flow reads (size first, then bytes); the name stays the path.
      file: new File([file.bytes as Uint8Array<ArrayBuffer>], baseName(file.name)),
    }))
    .sort(byName);
}

/**
 * The message of a host call that failed, without the IPC wrapping Electron adds
 * ("Error invoking remote method 'files:choose': Error: …").
 */
export function hostErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

/** The top-level item of the first launch file: `export-2025` of `export-2025/rules/sg-1.json`. */
export function launchItemName(files: readonly RendererFile[]): string {
  const first = files[0]?.name ?? '';
  return first.split('/')[0] ?? first;
}

function localDate(now: Date): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * The new audit the launch files open in: named after the first item given ("Command line import:
 * export-2025"), dated today; the client is left for the auditor to fill in.
 */
export function launchAuditDetails(
  files: readonly RendererFile[],
  engagementLabel: string,
  now = new Date(),
): AuditDetails {
  return {
    client: '',
    engagement: `${engagementLabel}: ${launchItemName(files)}`,
    auditor: '',
    date: localDate(now),
    notes: '',
  };
}

let pendingLaunch: { auditId: string; files: RendererFile[] } | null = null;

/** Keeps the launch files for the audit created for them, until its import modal takes them. */
export function holdLaunchImport(auditId: string, files: RendererFile[]): void {
  pendingLaunch = { auditId, files };
}

/** The launch files held for this audit, once; null for any other audit or when already taken. */
export function takeLaunchImport(auditId: string): RendererFile[] | null {
  if (pendingLaunch === null || pendingLaunch.auditId !== auditId) return null;
  const { files } = pendingLaunch;
  pendingLaunch = null;
  return files;
}
