import { printParseErrorCode, visit } from 'jsonc-parser';
import { positionAt } from './text-position';

export type ParseResult =
  { ok: true; value: unknown } | { ok: false; detail: string; line?: number; column?: number };

/**
 * One JSON.parse on the happy path. Only when it fails is the text scanned again (jsonc-parser,
 * strict JSON settings) to say where and why, since JSON.parse messages differ between engines.
 */
export function parseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return describeJsonSyntaxError(
      text,
      engineErrorOffset(text, error instanceof Error ? error.message : ''),
    );
  }
}

type JsoncErrorName = ReturnType<typeof printParseErrorCode>;

const REASONS: Partial<Record<JsoncErrorName, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes (a trailing comma?)',
  ValueExpected: 'expected a value (a trailing comma or a missing value?)',
  ColonExpected: "expected ':' after a property name",
  CommaExpected: "expected ',' between values",
  CloseBraceExpected: "expected ',' or '}'",
  CloseBracketExpected: "expected ',' or ']'",
  EndOfFileExpected: 'unexpected content after the end of the JSON document (a second document?)',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment (comments are not allowed in JSON)',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is incomplete',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape sequence in a string',
  InvalidCharacter: 'a control character inside a string must be escaped',
};

export interface FirstError {
  /** UTF-16 offset into the text. */
  offset: number;
  reason: string;
}

/**
 * Says where and why `text` is not JSON, with jsonc-parser's strict scan. `fallback` is where
 * another parser stopped, used when jsonc-parser cannot say (it recurses per nesting level, so
 * a very deep document overflows its stack).
 */
export function describeJsonSyntaxError(
  text: string,
  fallback: FirstError | null,
): Extract<ParseResult, { ok: false }> {
  let found: FirstError | null = null;
  try {
    firstJsoncError(text, (error) => (found ??= error));
  } catch {
    // The stack overflowed: keep the first error found before that, or else the fallback.
  }
  found ??= fallback;
  if (found === null) return { ok: false, detail: 'not valid JSON' };
  const { line, column } = positionAt(text, found.offset);
  return {
    ok: false,
    detail: `not valid JSON at line ${line}, column ${column}: ${found.reason}`,
    line,
    column,
  };
}

/** Reports the first error through `found` as soon as it is seen (the scan may overflow later on). */
function firstJsoncError(text: string, found: (error: FirstError) => void): void {
  let first: FirstError | null = null;
  let depth = 0;
  // Offset just past the root value: an error at or after it is trailing content, not a broken document.
  let rootEnd = -1;
  const closeContainer = (offset: number, length: number): void => {
    depth -= 1;
    // A zero-length end is jsonc-parser closing a container the text never closed (truncation).
    if (depth === 0 && rootEnd === -1 && length > 0) rootEnd = offset + length;
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        depth += 1;
      },
      onArrayBegin: () => {
        depth += 1;
      },
      onObjectEnd: closeContainer,
      onArrayEnd: closeContainer,
      onLiteralValue: (_value, offset, length) => {
        if (depth === 0 && rootEnd === -1) rootEnd = offset + length;
      },
      onError: (code, offset, length) => {
        if (first !== null) return;
        const name = printParseErrorCode(code);
        let reason = REASONS[name] ?? 'invalid JSON';
        if (rootEnd !== -1 && offset >= rootEnd && name !== 'InvalidCommentToken') {
          reason = REASONS.EndOfFileExpected!;
        } else if (
          (name === 'UnexpectedEndOfString' || name === 'UnexpectedEndOfNumber') &&
          offset + length >= text.length
        ) {
          reason = `the file ends inside a ${name === 'UnexpectedEndOfString' ? 'string' : 'number'} that starts here (truncated?)`;
        } else if (offset >= text.trimEnd().length && name !== 'EndOfFileExpected') {
          reason = 'the file ends before the JSON document is complete (truncated?)';
        }
        first = { offset, reason };
        found(first);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
}

/** Fallback when jsonc-parser is more lenient than the engine: V8 says "at position N". */
function engineErrorOffset(text: string, message: string): FirstError | null {
  const match = /at position (\d+)/.exec(message);
  if (match === null) return null;
  return { offset: Math.min(Number(match[1]), text.length), reason: 'unexpected character' };
}
