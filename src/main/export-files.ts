/**
 * Reads the exports the auditor chose (native dialog) or named at launch, for the renderer: folders
 * are expanded (src/node/input-files.ts), each file's bytes are read as they are, and nothing is
 * parsed here. The renderer then stores them and audits them like files it picked itself.
 *
 * All or nothing: when an item cannot be listed or a file cannot be read, when nothing is found, or
 * when the whole is over the ceilings, the call rejects with a message naming what is wrong and
 * nothing is opened. An audit's evidence is the set of files the auditor chose, so a silently
 * shorter set is worse than a clear refusal (the auditor fixes the permission or chooses less).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { RendererFile } from '../shared/host/host-api';
import { collectInputFiles } from '../node/input-files';
import { maxFilesPerRun } from './ipc-schemas';

const MiB = 1024 * 1024;

/**
 * The total bytes one choice may hold. Every byte travels to the renderer in one IPC reply (and back
 * in the next `auditFiles`). Electron's IPC serialiser grows its shared-memory buffer fourfold and
 * cannot allocate a region of 2 GiB or more (over INT_MAX), so a reply above about 512 MiB can take
 * main down; 480 MiB leaves room for the names and the framing. A large real export is ~80 MB.
 */
export const maxExportBytes = 480 * MiB;

/** The longest name `auditFiles` accepts (see rendererFileSchema); longer paths keep their end. */
const maxNameLength = 1024;

export interface ReadExportOptions {
  maxTotalBytes?: number;
  maxFiles?: number;
}

/** The parts of a chosen item that could not be read, for the message. */
interface Unreadable {
  name: string;
  message: string;
}

function readableSize(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

/** `export-2025/rules/sg-1.json`: relative to the chosen item's parent folder, with `/`. */
export function displayName(chosen: string, file: string): string {
  const name = relative(dirname(chosen), file).split(sep).join('/');
  return name.length <= maxNameLength ? name : `…${name.slice(name.length - maxNameLength + 1)}`;
}

function unreadableError(unreadable: readonly Unreadable[]): Error {
  const shown = unreadable
    .slice(0, 5)
    .map((item) => `${item.name}: ${item.message}`)
    .join('; ');
  const more = unreadable.length > 5 ? ` and ${unreadable.length - 5} more` : '';
  const what = unreadable.length === 1 ? '1 item cannot' : `${unreadable.length} items cannot`;
  return new Error(`Nothing was opened: ${what} be read (${shown}${more}).`);
}

function overCeilingError(total: number, files: number, ceiling: number): Error {
  return new Error(
    `Nothing was opened: the chosen files total ${readableSize(total)} in ${files} files, above the ` +
      `limit of ${readableSize(ceiling)} per import. Choose fewer files or folders and import the ` +
      'rest in a second import.',
  );
}

/** The files under the given paths with their bytes, in the order chosen (folders sorted by path). */
export async function readExportFiles(
  paths: readonly string[],
  options: ReadExportOptions = {},
): Promise<RendererFile[]> {
  const ceiling = options.maxTotalBytes ?? maxExportBytes;
  const maxFiles = options.maxFiles ?? maxFilesPerRun;
  const unreadable: Unreadable[] = [];
  const listed: { path: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const chosen of paths) {
    // One at a time, so each file is named relative to the item it came from.
    const collected = await collectInputFiles([chosen]);
    for (const error of collected.errors)
      unreadable.push({ name: displayName(chosen, error.path), message: error.message });
    for (const file of collected.files) {
      if (seen.has(file)) continue;
      seen.add(file);
      listed.push({ path: file, name: displayName(chosen, file) });
    }
  }
  if (unreadable.length > 0) throw unreadableError(unreadable);
  if (listed.length === 0) {
    const names = paths.map((path) => displayName(path, path)).join(', ');
    throw new Error(`Nothing was opened: no files found in ${names || 'the chosen items'}.`);
  }
  if (listed.length > maxFiles)
    throw new Error(
      `Nothing was opened: the chosen items hold ${listed.length} files, more than the ${maxFiles} ` +
        'one import can take. Choose fewer folders and import the rest in a second import.',
    );

  // Sizes first, so an over-large choice is refused before anything is read.
  let total = 0;
  for (const file of listed) {
    try {
      total += (await stat(file.path)).size;
    } catch (error) {
      unreadable.push({ name: file.name, message: reason(error) });
    }
  }
  if (unreadable.length > 0) throw unreadableError(unreadable);
  if (total > ceiling) throw overCeilingError(total, listed.length, ceiling);

  const files: RendererFile[] = [];
  let read = 0;
  for (const file of listed) {
    let bytes: Uint8Array;
    try {
      const buffer = await readFile(file.path);
      // A view of its own buffer: IPC sends the whole underlying buffer of a view.
      bytes =
        buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
          ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
          : new Uint8Array(buffer);
    } catch (error) {
      unreadable.push({ name: file.name, message: reason(error) });
      continue;
    }
    read += bytes.byteLength;
    // A file that grew since it was measured must not carry the total past the ceiling.
    if (read > ceiling) throw overCeilingError(read, listed.length, ceiling);
    files.push({ name: file.name, bytes });
  }
  if (unreadable.length > 0) throw unreadableError(unreadable);
  return files;
}

/**
 * The launch files, read on the first call only: later calls (a reload of the window) get [], so
 * the same files are not imported twice. A failed first read is not retried either.
 */
export function launchFilesOnce(
  paths: readonly string[],
  read: (paths: readonly string[]) => Promise<RendererFile[]> = readExportFiles,
): () => Promise<RendererFile[]> {
  let consumed = false;
  return async () => {
    if (consumed || paths.length === 0) return [];
    consumed = true;
    return read(paths);
  };
}
