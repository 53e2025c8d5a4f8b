import { describe, expect, it } from 'vitest';
import { decode, firstInvalidUtf8Offset } from './decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (number[] | Uint8Array)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => Array.from(part)));

function utf16(text: string, endianness: 'le' | 'be', withBom: boolean): Uint8Array {
  const units = Array.from(text, (char) => char.charCodeAt(0));
  const out: number[] = withBom ? (endianness === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const unit of units)
    out.push(...(endianness === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  return Uint8Array.from(out);
}

describe('decode', () => {
  it('decodes UTF-8 and strips a BOM', () => {
    expect(decode(utf8('{"a":"中文"}'))).toEqual({ ok: true, text: '{"a":"中文"}' });
    expect(decode(bytes([0xef, 0xbb, 0xbf], utf8('{}')))).toEqual({ ok: true, text: '{}' });
  });

  it('decodes UTF-16 with a BOM in both byte orders, and without one by the NUL pattern', () => {
    expect(decode(utf16('{"名":1}', 'le', true))).toEqual({ ok: true, text: '{"名":1}' });
    expect(decode(utf16('{"名":1}', 'be', true))).toEqual({ ok: true, text: '{"名":1}' });
    expect(decode(utf16('{"a":1}', 'le', false))).toEqual({ ok: true, text: '{"a":1}' });
    expect(decode(utf16('{"a":1}', 'be', false))).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('rejects invalid UTF-8 with the byte offset, line and column of the first bad sequence', () => {
    const result = decode(bytes(utf8('{\n  "a": "é'), [0xc3, 0x28], utf8('"}')));
    expect(result).toEqual({
      ok: false,
      code: 'invalid-utf8',
      detail: 'not valid UTF-8: invalid byte sequence at byte offset 12 (line 2, column 10)',
      line: 2,
      column: 10,
    });
  });

  it('rejects broken UTF-16 and UTF-32', () => {
    expect(decode(bytes([0xff, 0xfe], [0x7b, 0x00, 0x00]))).toMatchObject({
      ok: false,
      code: 'invalid-utf16',
    });
    expect(decode(bytes([0xff, 0xfe], [0x00, 0xd8, 0x7b, 0x00]))).toMatchObject({
      ok: false,
      code: 'invalid-utf16',
      detail: expect.stringContaining('unpaired surrogate'),
    });
    expect(decode(bytes([0xff, 0xfe, 0x00, 0x00], [0x7b, 0, 0, 0]))).toMatchObject({
      ok: false,
      code: 'unsupported-encoding',
    });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid text', utf8('ascii é 中 😀'), -1],
    ['a lone continuation byte', bytes([0x61, 0x80]), 1],
    ['an overlong two-byte form', bytes([0x61, 0xc0, 0xaf]), 1],
    ['an overlong three-byte form', bytes([0xe0, 0x80, 0xaf]), 0],
    ['a UTF-16 surrogate', bytes([0x61, 0x62, 0xed, 0xa0, 0x80]), 2],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a sequence cut by the end of the file', bytes(utf8('ab'), [0xe4, 0xb8]), 2],
    ['a 0xFF byte', bytes(utf8('abc'), [0xff]), 3],
  ])('%s', (_label, input, expected) => {
    expect(firstInvalidUtf8Offset(input)).toBe(expected);
  });
});
