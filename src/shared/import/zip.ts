import { inflateSync } from 'fflate';
import { ZIP_RATIO_FLOOR_BYTES, type ImportLimits } from './limits';
import { formatBytes, formatLimit, quote } from './text';

/**
 * A small reader of the zip central directory. fflate's unzipSync inflates every entry at once
 * into one object keyed by name (so `__proto__` and duplicate names misbehave); reading the
 * directory ourselves lets us check declared sizes before inflating anything, then inflate one
 * entry at a time so memory stays bounded by the largest entry.
 */
export interface ZipEntry {
  name: string;
  isDirectory: boolean;
  encrypted: boolean;
  /** 0 stored, 8 deflate; anything else is refused. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export type ZipProblemCode =
  'zip-corrupt' | 'zip-too-many-entries' | 'zip-too-large' | 'zip-bomb' | 'zip-unsupported';

export interface ZipProblem {
  code: ZipProblemCode;
  /** Completes "<archive> …" or "<entry> …". */
  detail: string;
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | ({ ok: false } & ZipProblem);

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY = 0x06064b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_EXTRA_FIELD = 0x0001;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

// Entry names are for display only; a non-UTF-8 (CP437) name shows replacement characters.
const nameDecoder = new TextDecoder('utf-8');

function u16(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! | (bytes[offset + 1]! << 8);
}

function u32(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset]! |
      (bytes[offset + 1]! << 8) |
      (bytes[offset + 2]! << 16) |
      (bytes[offset + 3]! << 24)) >>>
    0
  );
}

/** Unsigned 64-bit little-endian; exact up to 2^53, which no accepted archive approaches. */
function u64(bytes: Uint8Array, offset: number): number {
  return u32(bytes, offset) + u32(bytes, offset + 4) * 2 ** 32;
}

const corrupt = (detail: string): ZipListing => ({
  ok: false,
  code: 'zip-corrupt',
  detail: `not a readable zip archive: ${detail}`,
});

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - U16_MAX);
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (u32(bytes, offset) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}

/** Reads the central directory and refuses the archive early when its declared entry count is over the limit. */
export function listZip(bytes: Uint8Array, maxEntries: number): ZipListing {
  const end = findEndOfCentralDirectory(bytes);
  if (end === -1) return corrupt('its central directory is missing (truncated?)');
  let entryCount = u16(bytes, end + 10);
  let directorySize = u32(bytes, end + 12);
  let directoryOffset = u32(bytes, end + 16);
  if (entryCount === U16_MAX || directorySize === U32_MAX || directoryOffset === U32_MAX) {
    const locator = end - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_END_LOCATOR)
      return corrupt('its ZIP64 locator is missing');
    const zip64End = u64(bytes, locator + 8);
    if (zip64End + 56 > bytes.length || u32(bytes, zip64End) !== ZIP64_END_OF_CENTRAL_DIRECTORY)
      return corrupt('its ZIP64 directory record is missing');
    entryCount = u64(bytes, zip64End + 32);
    directorySize = u64(bytes, zip64End + 40);
    directoryOffset = u64(bytes, zip64End + 48);
  }
  if (entryCount > maxEntries) {
    return {
      ok: false,
      code: 'zip-too-many-entries',
      detail: `the archive has ${entryCount} entries, above the limit of ${maxEntries}`,
    };
  }
  if (directoryOffset + directorySize > bytes.length)
    return corrupt('its central directory points past the end of the file');

  const entries: ZipEntry[] = [];
  let cursor = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (cursor + 46 > bytes.length || u32(bytes, cursor) !== CENTRAL_DIRECTORY_ENTRY)
      return corrupt(`directory entry ${index + 1} is damaged`);
    const flags = u16(bytes, cursor + 8);
    const method = u16(bytes, cursor + 10);
    let compressedSize = u32(bytes, cursor + 20);
    let size = u32(bytes, cursor + 24);
    const nameLength = u16(bytes, cursor + 28);
    const extraLength = u16(bytes, cursor + 30);
    const commentLength = u16(bytes, cursor + 32);
    let localHeaderOffset = u32(bytes, cursor + 42);
    const nameStart = cursor + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > bytes.length) return corrupt(`directory entry ${index + 1} is damaged`);
    if (size === U32_MAX || compressedSize === U32_MAX || localHeaderOffset === U32_MAX) {
      // ZIP64 extra field: only the values that are saturated above are present, in this order.
      for (let extra = extraStart; extra + 4 <= extraStart + extraLength;) {
        const id = u16(bytes, extra);
        const length = u16(bytes, extra + 2);
        if (id === ZIP64_EXTRA_FIELD) {
          let field = extra + 4;
          if (size === U32_MAX) [size, field] = [u64(bytes, field), field + 8];
          if (compressedSize === U32_MAX) [compressedSize, field] = [u64(bytes, field), field + 8];
          if (localHeaderOffset === U32_MAX) localHeaderOffset = u64(bytes, field);
          break;
        }
        extra += 4 + length;
      }
    }
    const name = nameDecoder.decode(bytes.subarray(nameStart, extraStart));
    entries.push({
      name,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      encrypted: (flags & 1) !== 0,
      method,
      compressedSize,
      size,
      localHeaderOffset,
    });
    cursor = next;
  }
  return { ok: true, entries };
}

/** Declared-size checks for the whole archive, before a single byte is inflated. */
export function checkZipLimits(
  entries: readonly ZipEntry[],
  archiveBytes: number,
  limits: ImportLimits,
): ZipProblem | null {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (entry.size > ZIP_RATIO_FLOOR_BYTES && ratio > limits.maxZipRatio) {
      return {
        code: 'zip-bomb',
        detail: `the archive looks like a zip bomb: entry ${quote(entry.name, 80)} would expand ${Math.round(ratio)} times, to ${formatBytes(entry.size)}, above the limit of ${limits.maxZipRatio}`,
      };
    }
  }
  if (total > limits.maxZipTotalBytes) {
    return {
      code: 'zip-too-large',
      detail: `the archive would expand to ${formatBytes(total)}, above the limit of ${formatLimit(limits.maxZipTotalBytes)}`,
    };
  }
  const overallRatio = total / Math.max(archiveBytes, 1);
  if (total > ZIP_RATIO_FLOOR_BYTES && overallRatio > limits.maxZipRatio) {
    return {
      code: 'zip-bomb',
      detail: `the archive looks like a zip bomb: it would expand ${Math.round(overallRatio)} times, to ${formatBytes(total)}, above the limit of ${limits.maxZipRatio}`,
    };
  }
  return null;
}

export type ZipEntryData = { ok: true; bytes: Uint8Array } | ({ ok: false } & ZipProblem);

/** Inflates one entry into a buffer of its declared size; a stream that disagrees with its declaration is refused. */
export function readZipEntry(archive: Uint8Array, entry: ZipEntry): ZipEntryData {
  if (entry.encrypted)
    return {
      ok: false,
      code: 'zip-unsupported',
      detail: 'the entry is encrypted, which is not supported',
    };
  if (entry.method !== 0 && entry.method !== 8) {
    return {
      ok: false,
      code: 'zip-unsupported',
      detail: `the entry uses compression method ${entry.method}; only stored and deflate are supported`,
    };
  }
  const header = entry.localHeaderOffset;
  if (header + 30 > archive.length || u32(archive, header) !== LOCAL_FILE_HEADER) {
    return {
      ok: false,
      code: 'zip-corrupt',
      detail: 'the entry is damaged: its local header is missing',
    };
  }
  const dataStart = header + 30 + u16(archive, header + 26) + u16(archive, header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > archive.length)
    return {
      ok: false,
      code: 'zip-corrupt',
      detail: 'the entry is damaged: its data runs past the end of the archive',
    };
  const compressed = archive.subarray(dataStart, dataEnd);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size)
      return {
        ok: false,
        code: 'zip-corrupt',
        detail: 'the entry is damaged: stored sizes disagree',
      };
    return { ok: true, bytes: compressed.slice() };
  }
  let inflated: Uint8Array;
  try {
    // One spare byte: if it gets filled, the stream is longer than declared (a lying header).
    inflated = inflateSync(compressed, { out: new Uint8Array(entry.size + 1) });
  } catch {
    return {
      ok: false,
      code: 'zip-corrupt',
      detail: 'the entry is damaged: its compressed data cannot be inflated',
    };
  }
  if (inflated.length !== entry.size) {
    return {
      ok: false,
      code: 'zip-corrupt',
      detail: `the entry is damaged: it inflates to a different size than the ${entry.size} bytes it declares`,
    };
  }
  return { ok: true, bytes: inflated };
}

/** Office Open XML packages are zips; say what they are instead of listing their XML parts as errors. */
export function officeDocumentKind(entries: readonly ZipEntry[]): string | null {
  if (!entries.some((entry) => entry.name === '[Content_Types].xml')) return null;
  if (entries.some((entry) => entry.name.startsWith('xl/'))) return 'an Excel workbook';
  if (entries.some((entry) => entry.name.startsWith('word/'))) return 'a Word document';
  if (entries.some((entry) => entry.name.startsWith('ppt/'))) return 'a PowerPoint presentation';
  return 'an Office document';
}
