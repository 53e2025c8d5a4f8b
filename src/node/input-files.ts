/** Expands the paths an auditor names (files and folders, recursively) into a sorted file list. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InputPathError {
  path: string;
  message: string;
}

export interface CollectedInputs {
  files: string[];
  errors: InputPathError[];
}

async function walk(directory: string, files: string[]): Promise<void> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    // Links are not followed: an export folder has no reason to point outside itself.
    if (entry.isDirectory()) await walk(path, files);
    else if (entry.isFile()) files.push(path);
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export async function collectInputFiles(paths: readonly string[]): Promise<CollectedInputs> {
  const files: string[] = [];
  const errors: InputPathError[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) await walk(path, files);
      else files.push(path);
    } catch (error) {
      errors.push({ path, message: reason(error) });
    }
  }
  return { files: [...new Set(files)], errors };
}
