import { utf16OffsetOfByte, positionsOfBytes } from './byte-position';
import { decode, detectEncoding, withoutUtf8Bom } from './decode';
import { locatePathsInBytes } from './json-byte-locator';
import { checkJsonLimits, type JsonLimitBreach, type JsonValueLimits } from './json-limits';
import { jsonPathLocator } from './json-path';
import { parseJsonBytes } from './json-stream';
import type { ImportLimits } from './limits';
import { describeJsonSyntaxError, parseJson } from './parse';
import type { TextPosition } from './text-position';

/**
 * Bytes of one file to a parsed JSON value, within the limits: decode and JSON.parse for files up
 * to `streamParseAboveBytes`, the streaming parser above it (UTF-8 only: a UTF-16 file is decoded
 * whole, which costs no more than its bytes). Either way a refusal says where (line:column) and
 * why, in the same words.
 */
export type PathLocator = (path: string) => TextPosition | null;

export type JsonDocument =
  | {
      ok: true;
      value: unknown;
      /** line:column of JSON paths, for record issues: called once per file, with every path to locate. */
      locator: (paths: readonly string[]) => PathLocator;
    }
  | { ok: false; code: string; detail: string; line?: number; column?: number };

type Refusal = Extract<JsonDocument, { ok: false }>;

const refusal = (code: string, detail: string, position?: TextPosition | null): Refusal =>
  position ? { ok: false, code, detail, ...position } : { ok: false, code, detail };

export function readJsonDocument(
  bytes: Uint8Array,
  limits: Pick<ImportLimits, 'streamParseAboveBytes' | 'maxJsonDepth' | 'maxJsonValues'>,
): JsonDocument {
  if (bytes.length > limits.streamParseAboveBytes && detectEncoding(bytes) === 'utf-8')
    return readStreamed(withoutUtf8Bom(bytes), limits);
  return readWhole(bytes, limits);
}

function readWhole(bytes: Uint8Array, limits: JsonValueLimits): JsonDocument {
  const decoded = decode(bytes);
  if (!decoded.ok) return { ...decoded };
  const text = decoded.text;
  // JSON's own whitespace, as the streaming path skips it: a file of other blanks (a vertical tab,
  // a no-break space) is not an empty export but invalid JSON, and both paths must say so alike.
  const firstVisible = text.search(/[^ \t\n\r]/);
  if (firstVisible === -1)
    return refusal(
      'empty-file',
      bytes.length === 0 ? 'the file is empty' : 'the file contains only whitespace',
    );
  if (text[firstVisible] === '<')
    return refusal('not-json', 'this looks like XML or HTML, not a JSON export');
  const parsed = parseJson(text);
  if (!parsed.ok)
    return limitCrossedBefore(text, bytes, limits) ?? { ...parsed, code: 'json-syntax' };
  const breach = checkJsonLimits(parsed.value, limits);
  if (breach !== null) return limitCrossedBefore(text, bytes, limits) ?? limitRefusal(breach, null);
  const locate = jsonPathLocator(text);
  return { ok: true, value: parsed.value, locator: () => locate };
}

/**
 * On the failure path of a file read whole: the streaming parser over its bytes says whether a
 * limit is crossed before any syntax error, and where (byte offsets, which the walk of the parsed
 * tree does not know), so both parsers refuse a file in the same words at the same place.
 */
function limitCrossedBefore(
  text: string,
  bytes: Uint8Array,
  limits: JsonValueLimits,
): Refusal | null {
  const utf8 =
    detectEncoding(bytes) === 'utf-8' ? withoutUtf8Bom(bytes) : new TextEncoder().encode(text);
  const streamed = parseJsonBytes(utf8, limits);
  if (streamed.ok || streamed.kind !== 'limit') return null;
  return limitRefusal(
    streamed.breach,
    positionsOfBytes(utf8, [streamed.byteOffset]).get(streamed.byteOffset),
  );
}

const JSON_WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** `bytes`: UTF-8 without its byte-order mark. */
function readStreamed(bytes: Uint8Array, limits: JsonValueLimits): JsonDocument {
  let first = 0;
  while (first < bytes.length && JSON_WHITESPACE.has(bytes[first]!)) first += 1;
  if (first === bytes.length) return refusal('empty-file', 'the file contains only whitespace');
  if (bytes[first] === 0x3c)
    return refusal('not-json', 'this looks like XML or HTML, not a JSON export');
  const parsed = parseJsonBytes(bytes, limits);
  if (parsed.ok)
    return { ok: true, value: parsed.value, locator: (paths) => locatePathsInBytes(bytes, paths) };
  if (parsed.kind === 'limit')
    return limitRefusal(
      parsed.breach,
      positionsOfBytes(bytes, [parsed.byteOffset]).get(parsed.byteOffset),
    );
  // Only on failure is the file decoded whole: for invalid UTF-8 (the decoder's offset and
  // wording) or for jsonc-parser to say where and why, exactly as for a small file.
  const decoded = decode(bytes);
  if (!decoded.ok) return { ...decoded };
  const fallback = {
    offset: utf16OffsetOfByte(bytes, parsed.byteOffset),
    reason: 'unexpected character',
  };
  return { ...describeJsonSyntaxError(decoded.text, fallback), code: 'json-syntax' };
}

function limitRefusal(breach: JsonLimitBreach, position: TextPosition | null | undefined): Refusal {
  const where = position ? ` (line ${position.line}, column ${position.column})` : '';
  return refusal(
    breach.code,
    `${breach.detail}${where}, so the file was not read (${breach.advice})`,
    position,
  );
}
