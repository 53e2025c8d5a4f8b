/** Resource limits applied to untrusted inputs before anything large is allocated. */
export interface ImportLimits {
  /** Largest single file (or zip entry, by declared size) that is read at all. */
  maxFileBytes: number;
  maxZipEntries: number;
  /** Sum of the declared uncompressed sizes of a zip's entries. */
  maxZipTotalBytes: number;
  /** Largest declared uncompressed/compressed ratio, per entry and for the whole archive. */
  maxZipRatio: number;
  /**
   * Files larger than this are parsed by a streaming parser straight from their bytes instead of
   * being decoded into one string for JSON.parse.
   */
  streamParseAboveBytes: number;
  /** Deepest nesting of arrays and objects in one JSON document (the root container is level 1). */
  maxJsonDepth: number;
  /** Most values (objects, arrays, strings, numbers, literals; keys not counted) in one JSON document. */
  maxJsonValues: number;
}

const MiB = 1024 * 1024;

export const defaultImportLimits: ImportLimits = Object.freeze({
  // V8 strings stop near 512 MB; half of that leaves room for the decoded text and the parsed tree.
  maxFileBytes: 256 * MiB,
  maxZipEntries: 10_000,
  maxZipTotalBytes: 1024 * MiB,
  // Pretty-printed exports compress 10–50×; zero-filled bombs reach 1000×.
  maxZipRatio: 200,
  /*
   * Measured on an 83 MiB export of 300,000 groups (scripts/bench-parse.mjs, in npm run bench):
   * decode + JSON.parse 2.2 s, peak RSS 460 MB, tree kept 276 MB; the stream 4.7 s, peak 364 MB,
   * tree kept 191 MB. The stream is twice as slow but never holds the decoded text, a second
   * copy of the file (twice its size once it holds one Chinese character) alive next to the
   * tree, and it stops at the first token over the depth or value limit. At 256 MiB that copy
   * alone would be up to 512 MB. Below 32 MiB the copy is at most 64 MB, and JSON.parse (the
   * fastest, with jsonc-parser's exact line:column on errors) is kept; parsing is a small part
   * of an import either way (normalising and checking those 300,000 groups take far longer).
   */
  streamParseAboveBytes: 32 * MiB,
  /*
   * Alibaba Cloud responses nest at most 7 levels (Instances.Instance[].VpcAttributes.
   * PrivateIpAddress.IpAddress[]), 9 inside an array of SDK toMap() dumps. 64 is far above any
   * export and far below what recursive code, structuredClone or postMessage can take (a
   * 100,000-deep array overflows them): a deeper file is refused as a whole, with the path
   * where it crossed the limit.
   */
  maxJsonDepth: 64,
  /*
   * The 83 MiB export above holds 4.2 million values (about 20 bytes each); the 256 MiB file
   * limit allows about 13 million at that density. 16 million bounds the parsed tree near
   * 1 GB (the 4.2 million above keep 191–276 MB) whatever the file holds, where a 256 MiB
   * `[0,0,0,…]` would be 134 million values and several GB: the streaming parser stops as soon
   * as the count is crossed.
   *
   * There is deliberately no limit on the keys of one object: an object with a million keys
   * costs what a million-element array costs, and both are bounded by this count. Unknown keys
   * are ignored by the normalisers (which read the fields they know by name), so a record
   * padded with a million junk keys still imports; a million-key object at the top of a file
   * is "not an Alibaba Cloud export", with the first keys named.
   */
  maxJsonValues: 16_000_000,
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
    streamParseAboveBytes:
      overrides.streamParseAboveBytes ?? defaultImportLimits.streamParseAboveBytes,
    maxJsonDepth: overrides.maxJsonDepth ?? defaultImportLimits.maxJsonDepth,
    maxJsonValues: overrides.maxJsonValues ?? defaultImportLimits.maxJsonValues,
  };
}
