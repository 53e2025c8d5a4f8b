/**
 * Bytes to text, strictly: UTF-8 (with or without BOM) and UTF-16 with BOM. A file that is not
 * valid in its encoding is refused with the byte offset of the first bad sequence, because
 * silently replacing bytes could change an address or an id.
 */
export type DecodeResult =
  | { ok: true; text: string }
  | {
      ok: false;
      code: 'invalid-utf8' | 'invalid-utf16' | 'unsupported-encoding';
      detail: string;
      line?: number;
      column?: number;
    };

// Created once: decoders are stateless between non-streaming decode() calls.
// ignoreBOM: false means a leading BOM is consumed rather than returned as U+FEFF.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf16leDecoder = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32';

/** The encoding of a JSON file, from its byte-order mark or, without one, its first two bytes. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  const [first, second, third, fourth] = bytes;
  if (
    (first === 0xff && second === 0xfe && third === 0 && fourth === 0) ||
    (first === 0 && second === 0 && third === 0xfe && fourth === 0xff)
  ) {
    return 'utf-32';
  }
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  // No BOM but a NUL in one byte of the first pair: JSON text starts with ASCII, so this is UTF-16 (RFC 8259 §8.1 heuristics).
  if (bytes.length >= 2 && first !== 0 && second === 0) return 'utf-16le';
  if (bytes.length >= 2 && first === 0 && second !== 0) return 'utf-16be';
  return 'utf-8';
}

/** The bytes of a UTF-8 file after its byte-order mark, if it has one (a view, not a copy). */
export function withoutUtf8Bom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

export function decode(bytes: Uint8Array): DecodeResult {
  const encoding = detectEncoding(bytes);
  if (encoding === 'utf-32') {
    return {
      ok: false,
      code: 'unsupported-encoding',
      detail: 'the file is encoded as UTF-32, which is not supported; save it as UTF-8',
    };
  }
  if (encoding === 'utf-16le') return decodeUtf16(bytes, 'little');
  if (encoding === 'utf-16be') return decodeUtf16(bytes, 'big');
  try {
    return { ok: true, text: utf8Decoder.decode(bytes) };
  } catch {
    // The decoder cannot say where it failed; find it ourselves, only on this failure path.
    const offset = firstInvalidUtf8Offset(bytes);
    if (offset === -1) return { ok: false, code: 'invalid-utf8', detail: 'not valid UTF-8' };
    const { line, column } = positionOfByte(bytes, offset);
    return {
      ok: false,
      code: 'invalid-utf8',
      detail: `not valid UTF-8: invalid byte sequence at byte offset ${offset} (line ${line}, column ${column})`,
      line,
      column,
    };
  }
}

function decodeUtf16(bytes: Uint8Array, endianness: 'little' | 'big'): DecodeResult {
  if (bytes.length % 2 !== 0) {
    return {
      ok: false,
      code: 'invalid-utf16',
      detail: `the file looks like UTF-16 but has an odd number of bytes (${bytes.length}), so it is truncated or not UTF-16`,
    };
  }
  let littleEndian = bytes;
  if (endianness === 'big') {
    // Swap to little-endian: 'utf-16be' is missing from some small-ICU runtimes.
    littleEndian = new Uint8Array(bytes.length);
    for (let index = 0; index < bytes.length; index += 2) {
      littleEndian[index] = bytes[index + 1]!;
      littleEndian[index + 1] = bytes[index]!;
    }
  }
  try {
    return { ok: true, text: utf16leDecoder.decode(littleEndian) };
  } catch {
    return {
      ok: false,
      code: 'invalid-utf16',
      detail: `not valid UTF-16 (${endianness}-endian): it contains an unpaired surrogate`,
    };
  }
}

/**
 * 1-based line and column (in characters) of a byte offset. The bytes before `offset` are valid
 * UTF-8, so an LF byte is a line break and every non-continuation byte starts a character.
 */
function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let index = start; index < offset; index += 1) {
    const byte = bytes[index]!;
    if (byte === 0x0a) {
      line += 1;
      column = 1;
    } else if ((byte & 0xc0) !== 0x80) column += 1;
  }
  return { line, column };
}

/**
 * Byte offset of the first ill-formed sequence as the WHATWG UTF-8 decoder defines it (overlong
 * forms, surrogates, code points above U+10FFFF and truncated sequences are errors), or -1.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let continuationCount: number;
    let lowerBound = 0x80;
    let upperBound = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) continuationCount = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuationCount = 2;
      if (lead === 0xe0) lowerBound = 0xa0; // overlong
      if (lead === 0xed) upperBound = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuationCount = 3;
      if (lead === 0xf0) lowerBound = 0x90; // overlong
      if (lead === 0xf4) upperBound = 0x8f; // above U+10FFFF
    } else return index;
    for (let step = 1; step <= continuationCount; step += 1) {
      const next = bytes[index + step];
      if (next === undefined) return index;
      const low = step === 1 ? lowerBound : 0x80;
      const high = step === 1 ? upperBound : 0xbf;
      if (next < low || next > high) return index;
    }
    index += continuationCount + 1;
  }
  return -1;
}
