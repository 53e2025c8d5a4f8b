import { describe, expect, it } from 'vitest';
import { checkJsonLimits, formatJsonPath } from './json-limits';
import { parseJsonBytes } from './json-stream';

const wide = { maxJsonDepth: 64, maxJsonValues: 1_000_000 };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('formatJsonPath', () => {
  it('writes identifiers with dots, other keys quoted in brackets, indexes in brackets', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['Permissions', 'Permission', 3, 'PortRange'])).toBe(
      '$.Permissions.Permission[3].PortRange',
    );
    expect(formatJsonPath(['a b', '__proto__', '', '"'])).toBe('$["a b"].__proto__[""]["\\""]');
    expect(formatJsonPath(['x'.repeat(100)])).toBe(`$["${'x'.repeat(40)}…"]`);
  });

  it('shows the two ends of a long path and counts the levels left out', () => {
    const segments = Array.from({ length: 30 }, (_, index) => index);
    expect(formatJsonPath(segments)).toBe(
      '$[0][1][2][3][4][5]…(18 more levels)…[24][25][26][27][28][29]',
    );
  });
});

describe('checkJsonLimits and the streaming parser agree', () => {
  const cases: [string, string, { maxJsonDepth: number; maxJsonValues: number }, string | null][] =
    [
      ['a shallow document', '{"a":[1,{"b":null}]}', wide, null],
      ['a scalar root', '42', { maxJsonDepth: 0, maxJsonValues: 1 }, null],
      [
        'the first too-deep container in document order',
        '{"a":[[1]],"b c":{"d":{"e":[]}}}',
        { maxJsonDepth: 3, maxJsonValues: 100 },
        'the JSON is nested deeper than 3 levels at $["b c"].d.e',
      ],
      ['exactly at the depth limit', '[[["x"]]]', { maxJsonDepth: 3, maxJsonValues: 100 }, null],
      [
        'one value too many',
        '{"a":[1,2,3],"b":4}',
        { maxJsonDepth: 10, maxJsonValues: 4 },
        'the JSON holds more than 4 values, the limit for one file; counting stopped at $.a[2]',
      ],
      ['keys are not values', '{"a":1,"b":2,"c":3}', { maxJsonDepth: 10, maxJsonValues: 4 }, null],
      [
        'an empty object and an empty array count once each',
        '[{},[],"x"]',
        { maxJsonDepth: 10, maxJsonValues: 4 },
        null,
      ],
    ];

  it.each(cases)('%s', (_label, text, limits, detail) => {
    const walked = checkJsonLimits(JSON.parse(text) as unknown, limits);
    const streamed = parseJsonBytes(bytes(text), limits);
    expect(walked?.detail ?? null).toBe(detail);
    if (detail === null) {
      expect(streamed).toEqual({ ok: true, value: JSON.parse(text) as unknown });
    } else {
      expect(streamed).toMatchObject({ ok: false, kind: 'limit', breach: { detail } });
    }
  });

  it('walks 100,000 levels without recursion', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(checkJsonLimits(JSON.parse(deep) as unknown, wide)?.code).toBe('json-too-deep');
    expect(parseJsonBytes(bytes(deep), wide)).toMatchObject({
      ok: false,
      kind: 'limit',
      byteOffset: 64,
    });
  });

  it('stops the stream at the token that crossed the limit, before reading the rest', () => {
    // Everything after the breach is garbage: had the parser gone on, it would report a syntax error.
    const result = parseJsonBytes(bytes('[1,2,3,4,5,@@@'), { maxJsonDepth: 5, maxJsonValues: 3 });
    expect(result).toMatchObject({ ok: false, kind: 'limit', byteOffset: 5 });
  });
});
