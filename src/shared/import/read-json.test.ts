/**
 * The two ways a file is parsed (decode + JSON.parse up to the threshold, the streaming parser
 * above it) must not be told apart by what they produce: the same value, the same refusal in
 * the same words at the same line:column, the same positions for record issues.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoInputs, fixturesDir } from '../../../test/support/import-inputs';
import { jsonPathLocator } from './json-path';
import { defaultImportLimits } from './limits';
import { readJsonDocument, type JsonDocument } from './read-json';

const whole = defaultImportLimits;
const streamed = { ...defaultImportLimits, streamParseAboveBytes: 0 };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function outcome(document: JsonDocument): unknown {
  return document.ok ? { ok: true, value: document.value } : document;
}

const badFolder = join(fixturesDir, 'bad');
const textFixtures = readdirSync(badFolder).filter((name) => name.endsWith('.json'));

const inline: [string, string][] = [
  ['a string cut off', '{\n  "a": "abc'],
  ['an array cut off', '{"a": [1, 2'],
  ['a number cut off', '{"a": 1.'],
  ['an incomplete number', '{"a": 1.}'],
  ['a leading zero', '{"a": 01}'],
  ['a trailing comma', '{"a": [1, 2,]}'],
  ['a missing colon', '{"a" 1}'],
  ['a missing comma', '[1 2]'],
  ['a single-quoted string', "{'a': 1}"],
  ['a raw control character', '{"a": "x\u0001"}'],
  ['a bad escape', '{"a": "\\x"}'],
  ['a bad unicode escape', '{"a": "\\u12G4"}'],
  ['a second document', '{"a":1}\n{"b":2}'],
  ['a block comment', '/* x */ {}'],
  ['a bare word', '{"a": tru}'],
  ['a non-breaking space between tokens', '{\u00a0"a": 1}'],
  ['XML', '  <?xml version="1.0"?><a/>'],
  ['HTML after a BOM', '\ufeff<html></html>'],
  ['lone surrogate escapes', '{"a": "\\ud800 \\udfff"}'],
  ['__proto__ keys', '{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}'],
  ['big numbers', '[1e400, -1e400, 12345678901234567890, 0.1e-400]'],
  ['CJK, emoji and Arabic', '{"名称": "安全组 🔥 مجموعة"}'],
  ['deep nesting', `{"a": ${'['.repeat(1000)}${']'.repeat(1000)}}`],
  ['deep and cut off', `{"a": ${'['.repeat(100_000)}`],
];

describe('the streaming parser gives what decode + JSON.parse gives', () => {
  it.each(textFixtures)('bad/%s', (name) => {
    const data = new Uint8Array(readFileSync(join(badFolder, name)));
    expect(outcome(readJsonDocument(data, streamed))).toEqual(
      outcome(readJsonDocument(data, whole)),
    );
  });

  it.each(inline)('%s', (_label, text) => {
    const data = bytes(text);
    const expected = outcome(readJsonDocument(data, whole));
    expect(outcome(readJsonDocument(data, streamed))).toEqual(expected);
  });

  it('refuses invalid UTF-8 in a streamed file with the decoder’s byte offset', () => {
    const data = new Uint8Array([...bytes('{"a": "ok",\n "b": "'), 0xc3, 0x28, ...bytes('"}')]);
    const result = readJsonDocument(data, streamed);
    expect(result).toEqual(readJsonDocument(data, whole));
    expect(result).toMatchObject({ ok: false, code: 'invalid-utf8', line: 2, column: 8 });
  });

  it('reads the demo export identically', () => {
    for (const input of demoInputs()) {
      expect(outcome(readJsonDocument(input.bytes, streamed))).toEqual(
        outcome(readJsonDocument(input.bytes, whole)),
      );
    }
  });
});

describe('record issues are located the same way in a streamed file', () => {
  const paths = (value: unknown, prefix = '$'): string[] => {
    if (Array.isArray(value))
      return [prefix, ...value.flatMap((item, index) => paths(item, `${prefix}[${index}]`))];
    if (typeof value === 'object' && value !== null)
      return [
        prefix,
        ...Object.entries(value).flatMap(([key, item]) => paths(item, `${prefix}.${key}`)),
      ];
    return [prefix];
  };

  it.each([
    'bad/bad-rules.json',
    'bad/utf16le-bom.json',
    'bad/bom-utf8.json',
    'bad/duplicate-keys.json',
  ])('every path of %s, and paths that do not exist', (name) => {
    const data = new Uint8Array(readFileSync(join(fixturesDir, name)));
    const text = readJsonDocument(data, whole);
    const stream = readJsonDocument(data, streamed);
    if (!text.ok || !stream.ok) throw new Error(`${name} did not parse`);
    const wanted = [
      ...paths(text.value),
      '$.Permissions.Permission[1].Missing',
      '$.Nothing.Here[3]',
    ];
    const fromText = jsonPathLocator(
      new TextDecoder().decode(data.subarray(data[0] === 0xef ? 3 : 0)),
    );
    const fromStream = stream.locator(wanted);
    const fromWhole = text.locator(wanted);
    for (const path of wanted) {
      expect(fromStream(path), path).toEqual(fromWhole(path));
      if (data[0] !== 0xff) expect(fromStream(path), path).toEqual(fromText(path));
    }
  });

  it('counts columns in UTF-16 code units across CJK and emoji', () => {
    const data = bytes('{"名": "🔥🔥", "x": [1,\n\t "安全", 2]}');
    const stream = readJsonDocument(data, streamed);
    const text = readJsonDocument(data, whole);
    if (!stream.ok || !text.ok) throw new Error('did not parse');
    const wanted = ['$.名', '$.x', '$.x[1]', '$.x[2]'];
    const located = stream.locator(wanted);
    expect(wanted.map((path) => located(path))).toEqual(
      wanted.map((path) => text.locator(wanted)(path)),
    );
    expect(located('$.x[2]')).toEqual({ line: 2, column: 9 });
  });
});

describe('limits', () => {
  it('refuses nesting 100,000 deep the same way, at the same place, in both parsers', () => {
    const data = bytes(`{"a":\n ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const expected = {
      ok: false,
      code: 'json-too-deep',
      detail:
        'the JSON is nested deeper than 64 levels at $.a[0][0][0][0][0]…(52 more levels)…[0][0][0][0][0][0] (line 2, column 65), so the file was not read (no Alibaba Cloud export nests more than 10 levels)',
      line: 2,
      column: 65,
    };
    expect(readJsonDocument(data, whole)).toEqual(expected);
    expect(readJsonDocument(data, streamed)).toEqual(expected);
  });

  it('refuses too many values, naming where counting stopped, in both parsers', () => {
    const data = bytes(`[${Array.from({ length: 20 }, () => '0').join(',')}]`);
    const limits = { maxJsonValues: 10 };
    const expected = {
      ok: false,
      code: 'json-too-many-values',
      line: 1,
      column: 20,
      detail:
        'the JSON holds more than 10 values, the limit for one file; counting stopped at $[9] (line 1, column 20), so the file was not read (split the export into several files)',
    };
    expect(readJsonDocument(data, { ...whole, ...limits })).toEqual(expected);
    expect(readJsonDocument(data, { ...streamed, ...limits })).toEqual(expected);
  });

  it('reports whichever comes first: a limit crossed, or a syntax error', () => {
    const deepThenCut = bytes(`{"a": ${'['.repeat(100_000)}`);
    const cutThenDeep = bytes(`{"a": x, "b": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    for (const limits of [whole, streamed]) {
      expect(readJsonDocument(deepThenCut, limits)).toMatchObject({
        code: 'json-too-deep',
        line: 1,
        column: 70,
      });
      expect(readJsonDocument(cutThenDeep, limits)).toEqual({
        ok: false,
        code: 'json-syntax',
        detail: 'not valid JSON at line 1, column 7: unexpected character',
        line: 1,
        column: 7,
      });
    }
  });
});
