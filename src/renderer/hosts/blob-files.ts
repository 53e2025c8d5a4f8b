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

/** At most `limit` holders at once; slots go to waiters strictly in the order they asked. */
function createSlots(limit: number): () => Promise<() => void> {
  let free = limit;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    const next = waiting.shift();
    // Handed straight to the next waiter, so a later caller can never overtake it.
    if (next === undefined) free += 1;
    else next();
  };
  return () => {
    if (free > 0 && waiting.length === 0) {
      free -= 1;
      return Promise.resolve(release);
    }
    return new Promise((resolve) => waiting.push(() => resolve(release)));
  };
}

export interface ReadAheadOptions {
  /** Batches held at once, being read or read and not yet imported. */
  batchesHeld: number;
  read: (files: readonly NamedBlob[]) => Promise<ReadFile[]>;
  /** Resolves once every file handed over so far has been imported. */
  imported: () => Promise<void>;
}

/**
 * The worker's inbox: file batches are read ahead, their files handed over in arrival order, and
 * other messages wait behind the batches that came before them. A batch keeps its slot until its
 * files are imported, so the bytes held are bounded (a few batches), not only the reads running:
 * were parsing ever the slower side, read bytes would otherwise pile up without limit.
 */
export function createReadAhead(options: ReadAheadOptions) {
  const slot = createSlots(options.batchesHeld);
  let inOrder: Promise<void> = Promise.resolve();
  return {
    batch(files: readonly NamedBlob[], handOver: (file: ReadFile) => void): void {
      const held = slot();
      const reading = held.then(() => options.read(files));
      inOrder = inOrder.then(async () => {
        const release = await held;
        try {
          for (const file of await reading) handOver(file);
          await options.imported();
        } finally {
          release();
        }
      });
    },
    after(step: () => void): void {
      inOrder = inOrder.then(step);
    },
  };
}
