/** Resource limits applied to untrusted inputs before anything large is allocated. */
export interface ImportLimits {
  /** Largest single file (or zip entry, by declared size) that is read at all. */
  maxFileBytes: number;
  maxZipEntries: number;
  /** Sum of the declared uncompressed sizes of a zip's entries. */
  maxZipTotalBytes: number;
  /** Largest declared uncompressed/compressed ratio, per entry and for the whole archive. */
  maxZipRatio: number;
}

const MiB = 1024 * 1024;

export const defaultImportLimits: ImportLimits = Object.freeze({
  // V8 strings stop near 512 MB; half of that leaves room for the decoded text and the parsed tree.
  maxFileBytes: 256 * MiB,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 1024 * MiB,
  // Pretty-printed exports compress 10–50×; zero-filled bombs reach 1000×.
  maxZipRatio: 200,
});

/**
 * Below this many uncompressed bytes the ratio is not checked: tiny repetitive files compress
 * extremely well and cannot hurt anyone.
 */
export const ZIP_RATIO_FLOOR_BYTES = 1 * MiB;

export function resolveLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return {
    maxFileBytes: overrides.maxFileBytes ?? defaultImportLimits.maxFileBytes,
    maxZipEntries: overrides.maxZipEntries ?? defaultImportLimits.maxZipEntries,
    maxZipTotalBytes: overrides.maxZipTotalBytes ?? defaultImportLimits.maxZipTotalBytes,
    maxZipRatio: overrides.maxZipRatio ?? defaultImportLimits.maxZipRatio,
  };
}
