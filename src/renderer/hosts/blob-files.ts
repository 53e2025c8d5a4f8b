/**
 * Files the page hands to its worker unread (File objects, or slices of stored Blobs): the worker
 * reads them in batches. Chromium answers every Blob read with a round trip to the browser
 * process; reading 2,000 small files one by one took twice as long as reading them as a few
 * concatenated Blobs, and on the page it also kept the UI thread busy.
 */
import type { HostToWorkerMessage } from '../../shared/worker/protocol';

export interface NamedBlob {
  name: string;
  blob: Blob;
}

/** The web host's extra message: a batch of files for the worker to read, in order. */
export interface FileBlobsMessage {
  type: 'file-blobs';
  runId: string;
  files: NamedBlob[];
}

export type WebWorkerMessage = HostToWorkerMessage | FileBlobsMessage;

/** A batch is read as one Blob: large enough to amortise the round trip, small enough to overlap with parsing. */
export const batchLimits: { maxBytes: number; maxFiles: number } = { maxBytes: 8 * 1024 * 1024, maxFiles: 256 };

/** Consecutive runs of files, each within the limits (a larger file is a batch of its own). */
export function batchFiles<T extends { blob: { size: number } }>(
  files: readonly T[],
  limits = batchLimits,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const file of files) {
    if (
      current.length > 0 &&
      (bytes + file.blob.size > limits.maxBytes || current.length >= limits.maxFiles)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.blob.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export type ReadFile =
  { name: string; bytes: Uint8Array } | { name: string; size: number; error: string };

function describeReadError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

const readConcatenated = (blobs: Blob[]): Promise<ArrayBuffer> => new Blob(blobs).arrayBuffer();

/**
 * Reads a batch in one go; if that fails (a file moved or deleted since it was picked), file by
 * file, so only the files that cannot be read fail. `readAll` is a test seam.
 */
export async function readBatch(files: readonly NamedBlob[], readAll = readConcatenated): Promise<ReadFile[]> {
  try {
    const buffer = await readAll(files.map((file) => file.blob));
    let offset = 0;
    return files.map((file) => {
      const bytes = new Uint8Array(buffer, offset, file.blob.size);
      offset += file.blob.size;
      return { name: file.name, bytes };
    });
  } catch {
    return Promise.all(
      files.map(async (file): Promise<ReadFile> => {
        try {
          return { name: file.name, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
        } catch (error) {
          return { name: file.name, size: file.blob.size, error: describeReadError(error) };
        }
      }),
    );
  }
}

/** Runs at most `limit` reads at once; the next starts when one ends. */
export function createReadLimiter(limit: number): <T>(read: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (read) => {
    while (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await read();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
