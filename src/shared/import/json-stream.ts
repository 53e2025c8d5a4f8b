import { Tokenizer, TokenParser, type ParsedTokenInfo, type TokenType } from '@streamparser/json';
import {
  depthBreach,
  valuesBreach,
  type JsonLimitBreach,
  type JsonPathSegment,
  type JsonValueLimits,
} from './json-limits';
import { TokenPath } from './json-token-path';

/**
 * Parses UTF-8 bytes with @streamparser/json in chunks, so that a large file never becomes one
 * giant string, and stops at the first token that crosses the depth or value limit instead of
 * building the tree first. Strings are decoded with a fatal decoder by the tokenizer, so invalid
 * UTF-8 fails the parse like any other error (the caller then says where and why).
 */
export type StreamParseResult =
  | { ok: true; value: unknown }
  | { ok: false; kind: 'syntax'; byteOffset: number }
  | { ok: false; kind: 'limit'; breach: JsonLimitBreach; byteOffset: number };

const CHUNK_BYTES = 1024 * 1024;
/** The tokenizer's string buffer: fewer, larger decodes for long strings (measured fastest). */
const STRING_BUFFER_BYTES = 64 * 1024;

class LimitCrossed extends Error {
  constructor(readonly breach: JsonLimitBreach) {
    super(breach.detail);
  }
}

/** Counts values and depth token by token, to refuse a document at the first token that crosses a limit. */
class LimitWatcher {
  private readonly path = new TokenPath();
  private values = 0;

  constructor(private readonly limits: JsonValueLimits) {}

  see(token: TokenType, value: unknown): void {
    const role = this.path.see(token, value);
    if (role === 'open') {
      this.countValue(() => this.path.containerPath());
      if (this.path.depth > this.limits.maxJsonDepth)
        throw new LimitCrossed(depthBreach(this.limits.maxJsonDepth, this.path.containerPath()));
    } else if (role === 'scalar') {
      this.countValue(() => this.path.valuePath());
    }
  }

  private countValue(path: () => JsonPathSegment[]): void {
    this.values += 1;
    if (this.values > this.limits.maxJsonValues)
      throw new LimitCrossed(valuesBreach(this.limits.maxJsonValues, path()));
  }
}

export function parseJsonBytes(bytes: Uint8Array, limits: JsonValueLimits): StreamParseResult {
  const tokenizer = new Tokenizer({ stringBufferSize: STRING_BUFFER_BYTES });
  // Only the root is emitted: the parser builds the tree without calling back for every value.
  const parser = new TokenParser({ paths: ['$'] });
  const watcher = new LimitWatcher(limits);
  let lastTokenOffset = 0;
  let chunkStart = 0;
  let failure: unknown = null;
  let root: { value: unknown } | null = null;

  tokenizer.onToken = (token: ParsedTokenInfo) => {
    lastTokenOffset = token.offset;
    watcher.see(token.token, token.value);
    parser.write(token);
  };
  parser.onValue = (info) => {
    root = { value: info.value };
  };
  // Both report errors here; the first one is the cause.
  const onError = (error: Error): void => {
    failure ??= error;
  };
  tokenizer.onError = onError;
  parser.onError = (error) => {
    onError(error);
    // Stop the tokenizer too: it would otherwise go on emitting tokens into a failed parser.
    tokenizer.error(error);
  };

  for (; chunkStart < bytes.length && failure === null; chunkStart += CHUNK_BYTES) {
    tokenizer.write(bytes.subarray(chunkStart, chunkStart + CHUNK_BYTES));
  }
  if (failure === null) tokenizer.end();
  if (failure === null && root === null) {
    failure = new Error('the document ended early');
    lastTokenOffset = bytes.length;
  }
  if (failure instanceof LimitCrossed)
    return { ok: false, kind: 'limit', breach: failure.breach, byteOffset: lastTokenOffset };
  if (failure !== null)
    return { ok: false, kind: 'syntax', byteOffset: errorOffset(failure, lastTokenOffset) };
  return { ok: true, value: (root as { value: unknown } | null)?.value };
}

/** The tokenizer names the byte ("absolute position N"); the token parser's errors concern the last token. */
function errorOffset(error: unknown, lastTokenOffset: number): number {
  const message = error instanceof Error ? error.message : '';
  const match = /absolute position "(\d+)"/.exec(message);
  return match === null ? lastTokenOffset : Number(match[1]);
}
