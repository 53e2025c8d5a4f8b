import { describe, expect, it } from 'vitest';
import { parseJson } from './parse';

describe('parseJson', () => {
  it('parses valid JSON with one JSON.parse', () => {
    expect(parseJson('{"a":[1,"x",null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
    expect(parseJson('{"n":1e400}')).toEqual({ ok: true, value: { n: Infinity } });
  });

  it.each([
    [
      'a string cut off',
      '{\n  "a": "abc',
      2,
      8,
      'the file ends inside a string that starts here (truncated?)',
    ],
    [
      'an array cut off',
      '{"a": [1, 2',
      1,
      12,
      'the file ends before the JSON document is complete (truncated?)',
    ],
    [
      'a number cut off',
      '{"a": 1.',
      1,
      7,
      'the file ends inside a number that starts here (truncated?)',
    ],
    [
      'a number cut off at the exponent',
      '[1e',
      1,
      2,
      'the file ends inside a number that starts here (truncated?)',
    ],
    ['an incomplete number', '{"a": 1.}', 1, 7, 'a number is incomplete'],
    [
      'trailing garbage',
      '{}\nxyz',
      2,
      1,
      'unexpected content after the end of the JSON document (a second document?)',
    ],
    [
      'two documents',
      '{"a":1}{"b":2}',
      1,
      8,
      'unexpected content after the end of the JSON document (a second document?)',
    ],
    ['a line comment', '{\n\t"a": 1 // note\n}', 2, 9, 'comments are not allowed in JSON'],
    ['a block comment', '/* x */ {}', 1, 1, 'comments are not allowed in JSON'],
    [
      'a trailing comma',
      '{"a": [1, 2,]}',
      1,
      13,
      'expected a value (a trailing comma or a missing value?)',
    ],
    ['a single-quoted string', "{'a': 1}", 1, 2, 'unexpected character'],
    [
      'a raw control character in a string',
      '{"a": "x\u0001"}',
      1,
      7,
      'a control character inside a string must be escaped',
    ],
    ['a non-breaking space between tokens', '{\u00a0"a": 1}', 1, 2, 'unexpected character'],
  ])('locates %s', (_label, text, line, column, reason) => {
    const result = parseJson(text);
    expect(result).toEqual({
      ok: false,
      detail: `not valid JSON at line ${line}, column ${column}: ${reason}`,
      line,
      column,
    });
  });
});
