import { TokenType } from '@streamparser/json';
import type { JsonPathSegment } from './json-limits';

/** What a token is to the document's structure. */
export type TokenRole = 'open' | 'close' | 'scalar' | 'key' | 'punctuation';

interface PathFrame {
  isArray: boolean;
  /** Index in an array; key in an object ('' before its first key). */
  key: JsonPathSegment;
}

/**
 * Follows where a token stream is in the document, which @streamparser/json's token parser
 * keeps to itself: the key or index of every open container. Tokens are assumed to form valid
 * JSON up to here (the token parser refuses anything else).
 */
export class TokenPath {
  private readonly frames: PathFrame[] = [];
  private expectingKey = false;

  get depth(): number {
    return this.frames.length;
  }

  /**
   * Moves past one token. After 'open' the new container is the innermost frame; its own path
   * is `containerPath()`. After 'scalar' the value's path is `valuePath()`.
   */
  see(token: TokenType, value: unknown): TokenRole {
    const top = this.frames[this.frames.length - 1];
    const keyExpected = this.expectingKey;
    this.expectingKey = false;
    switch (token) {
      case TokenType.LEFT_BRACE:
        this.frames.push({ isArray: false, key: '' });
        this.expectingKey = true;
        return 'open';
      case TokenType.LEFT_BRACKET:
        this.frames.push({ isArray: true, key: 0 });
        return 'open';
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.frames.pop();
        return 'close';
      case TokenType.COMMA:
        if (top?.isArray === true) top.key = (top.key as number) + 1;
        else this.expectingKey = true;
        return 'punctuation';
      case TokenType.STRING:
        if (keyExpected && top !== undefined) {
          top.key = value as string;
          return 'key';
        }
        return 'scalar';
      case TokenType.NUMBER:
      case TokenType.TRUE:
      case TokenType.FALSE:
      case TokenType.NULL:
        return 'scalar';
      default:
        return 'punctuation';
    }
  }

  /** Key of the value being read inside the innermost open container, or of the container `levelsUp` above it. */
  keyAt(levelsUp = 0): JsonPathSegment | undefined {
    return this.frames[this.frames.length - 1 - levelsUp]?.key;
  }

  /** Path of the scalar just seen. */
  valuePath(): JsonPathSegment[] {
    return this.frames.map((frame) => frame.key);
  }

  /** Path of the container just opened. */
  containerPath(): JsonPathSegment[] {
    return this.frames.slice(0, -1).map((frame) => frame.key);
  }
}
