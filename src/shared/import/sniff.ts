/**
 * What a file is, judged by its first bytes only (never by its name): a zip to unpack, a known
 * binary format to refuse with a clear name, macOS metadata to skip, or text to decode as JSON.
 */
export type SniffResult =
  { type: 'zip' } | { type: 'binary'; label: string } | { type: 'mac-metadata' } | { type: 'text' };

interface Signature {
  offset: number;
  bytes: readonly number[];
  label: string;
}

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));

/** Labels read "<file> is <label>, not a JSON export". */
const BINARY_SIGNATURES: readonly Signature[] = [
  { offset: 0, bytes: ascii('%PDF-'), label: 'a PDF file' },
  { offset: 0, bytes: [0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], label: 'a PNG image' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], label: 'a JPEG image' },
  { offset: 0, bytes: ascii('GIF8'), label: 'a GIF image' },
  { offset: 0, bytes: [0x1f, 0x8b], label: 'a gzip archive (unpack it first)' },
  { offset: 0, bytes: ascii('BZh'), label: 'a bzip2 archive (unpack it first)' },
  { offset: 0, bytes: [0xfd, ...ascii('7zXZ'), 0x00], label: 'an xz archive (unpack it first)' },
  {
    offset: 0,
    bytes: [...ascii('7z'), 0xbc, 0xaf, 0x27, 0x1c],
    label: 'a 7-Zip archive (unpack it first or use .zip)',
  },
  { offset: 0, bytes: ascii('Rar!'), label: 'a RAR archive (unpack it first or use .zip)' },
  { offset: 257, bytes: ascii('ustar'), label: 'a tar archive (unpack it first or use .zip)' },
  {
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    label: 'a legacy Microsoft Office document (such as .xls)',
  },
  { offset: 0, bytes: ascii('SQLite format 3'), label: 'an SQLite database' },
  { offset: 0, bytes: [0x7f, ...ascii('ELF')], label: 'an executable program' },
  { offset: 0, bytes: ascii('MZ'), label: 'a Windows executable' },
];

/** AppleDouble (`__MACOSX/._x.json`) and `.DS_Store`: Finder adds them to every zip it makes. */
const MAC_METADATA_SIGNATURES: readonly (readonly number[])[] = [
  [0x00, 0x05, 0x16, 0x07],
  [0x00, 0x00, 0x00, 0x01, ...ascii('Bud1')],
];

/** Local file header, empty archive, spanned archive. */
const ZIP_SIGNATURES: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x50, 0x4b, 0x07, 0x08],
];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  for (let index = 0; index < signature.length; index += 1) {
    if (bytes[offset + index] !== signature[index]) return false;
  }
  return true;
}

/** `{`, `[`, whitespace or a byte-order mark first. */
function startsLikeJson(bytes: Uint8Array): boolean {
  const first = bytes[0];
  return (
    first === 0x7b ||
    first === 0x5b ||
    first === 0x20 ||
    first === 0x09 ||
    first === 0x0a ||
    first === 0x0d ||
    first === 0xef ||
    first === 0xfe ||
    first === 0xff
  );
}

export function sniff(bytes: Uint8Array): SniffResult {
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return { type: 'zip' };
  if (MAC_METADATA_SIGNATURES.some((signature) => startsWith(bytes, signature)))
    return { type: 'mac-metadata' };
  for (const signature of BINARY_SIGNATURES) {
    // A signature deep in the file (tar's "ustar" at 257) could be ordinary text inside a JSON
    // document, so it only counts when the file does not start like JSON.
    if (signature.offset > 0 && startsLikeJson(bytes)) continue;
    if (startsWith(bytes, signature.bytes, signature.offset))
      return { type: 'binary', label: signature.label };
  }
  return { type: 'text' };
}
