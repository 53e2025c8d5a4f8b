/**
 * Where an input a manifest records may be now. The manifest keeps the path as it was given to
 * the scan (relative to the folder the scan ran in) or the name the app was given (relative to
 * the folder picked), so the same path is tried under each folder, then its shorter tails
 * (`a/b/c.json`, `b/c.json`, `c.json`): an export copied elsewhere keeps its inner layout.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

/** Candidate files for `recorded`, most specific first, each once. */
export function candidatePaths(
  recorded: string,
  folders: readonly string[],
  includeRecorded: boolean,
): string[] {
  const segments = recorded
    .split(/[\\/]+/)
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  const candidates: string[] = [];
  if (includeRecorded && isAbsolute(recorded)) candidates.push(resolve(recorded));
  for (const folder of folders) {
    for (let start = 0; start < segments.length; start += 1) {
      candidates.push(resolve(join(folder, ...segments.slice(start))));
    }
  }
  return [...new Set(candidates)];
}

export interface HashedFile {
  location: string;
  sha256: string;
  bytes: number;
}

async function isRegularFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Streams the file through SHA-256: inputs can be hundreds of megabytes. */
export function hashFile(path: string): Promise<HashedFile> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(path)
      // No encoding is set, so chunks are Buffers; the type allows strings only for encoded streams.
      .on('data', (chunk: Buffer | string) => {
        bytes += Buffer.byteLength(chunk);
        hash.update(chunk);
      })
      .on('error', fail)
      .on('end', () => done({ location: path, sha256: hash.digest('hex'), bytes }));
  });
}

/**
 * The first candidate whose hash is the recorded one; failing that, the first candidate found
 * (so a changed file is reported where it is), or null when there is none. Unreadable candidates
 * are passed over: they are not the evidence.
 */
export async function locateInput(
  candidates: readonly string[],
  sha256: string,
): Promise<HashedFile | null> {
  let first: HashedFile | null = null;
  for (const candidate of candidates) {
    if (!(await isRegularFile(candidate))) continue;
    let hashed: HashedFile;
    try {
      hashed = await hashFile(candidate);
    } catch {
      continue;
    }
    if (hashed.sha256 === sha256) return hashed;
    first ??= hashed;
  }
  return first;
}
