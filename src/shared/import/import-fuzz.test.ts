/**
 * Property tests of the importer against hostile and broken input: arbitrary JSON, arbitrary
 * bytes, and mutations of the real demo export (byte flips, truncation, key renames, type swaps,
 * `__proto__` and `constructor` keys), through the whole snapshot builder and the checks.
 * Whatever comes in: no exception, no internal error, every issue names its file (and its JSON
 * path, or line:column for a syntax error), and no global or prototype is changed.
 */
import '../../../test/support/settle-lazy-globals';
import { assertNoPoisoning, restoreGlobals } from '@fast-check/poisoning';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { demoInputs } from '../../../test/support/import-inputs';
import { runChecks } from '../audit/run-checks';
import { catalogueVersion, checkCatalogue } from '../checks/registry';
import type { ImportIssue } from '../model';
import { defaultImportLimits } from './limits';
import { readJsonDocument, type JsonDocument } from './read-json';
import { createSnapshotBuilder, type RawInput } from './snapshot-builder';

// Vitest's own globals (its expect state, timers it installs) are not the importer's doing.
const poisoning = { ignoredRootRegex: /^(__vitest|__VITEST|__vite|vi$|jest)/ };

afterEach(() => {
  try {
    assertNoPoisoning(poisoning);
  } finally {
    restoreGlobals(poisoning);
  }
});

const encoder = new TextEncoder();
const demo = demoInputs();
const demoTexts = demo.map((input) => ({
  name: input.name,
  value: JSON.parse(new TextDecoder().decode(input.bytes)) as unknown,
}));

/** A run of the builder and the checks that must not throw, and whose issues must be well formed. */
async function importAndCheck(inputs: readonly RawInput[]): Promise<ImportIssue[]> {
  const builder = createSnapshotBuilder();
  for (const input of inputs) await builder.add(input);
  const snapshot = builder.build();
  runChecks(snapshot, checkCatalogue, { catalogueVersion });
  const names = new Set(inputs.map((input) => input.name));
  for (const issue of snapshot.issues) {
    expect(issue.code).not.toBe('internal-error');
    expect(
      [...names].some((name) => issue.file === name || issue.file.startsWith(`${name}!/`)),
      issue.file,
    ).toBe(true);
    const place = issue.path === undefined ? '' : `, ${issue.path}`;
    expect(issue.message.startsWith(`${issue.file}${place}: `), issue.message).toBe(true);
    if (issue.path !== undefined) expect(issue.path.startsWith('$'), issue.path).toBe(true);
    if (issue.code === 'json-syntax' || issue.code === 'invalid-utf8')
      expect(issue.line, issue.message).toBeGreaterThan(0);
  }
  return snapshot.issues;
}

function outcome(document: JsonDocument): unknown {
  return document.ok ? { ok: true, value: document.value } : document;
}

const streamed = { ...defaultImportLimits, streamParseAboveBytes: 0 };

describe('arbitrary input', () => {
  it('arbitrary JSON values import or are refused, with well-formed issues', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        await importAndCheck([{ name: 'fuzz.json', bytes: encoder.encode(JSON.stringify(value)) }]);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes are refused or read, never thrown on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        await importAndCheck([{ name: 'bytes.json', bytes }]);
      }),
      { numRuns: 300 },
    );
  });

  it('the streaming parser and decode + JSON.parse agree on blanks JSON does not count as whitespace', () => {
    for (const text of ['\u000b', ' \f\n', '\u00a0', '\n\u2028\n', '\ufeff\u000b']) {
      const bytes = encoder.encode(text);
      expect(outcome(readJsonDocument(bytes, streamed)), JSON.stringify(text)).toEqual(outcome(readJsonDocument(bytes, defaultImportLimits)));
      expect(outcome(readJsonDocument(bytes, defaultImportLimits))).toMatchObject({ ok: false, code: 'json-syntax' });
    }
    expect(outcome(readJsonDocument(encoder.encode(' \t\r\n'), streamed))).toMatchObject({ ok: false, code: 'empty-file' });
    expect(outcome(readJsonDocument(encoder.encode(' \t\r\n'), defaultImportLimits))).toMatchObject({ ok: false, code: 'empty-file' });
  });

  it('the streaming parser and decode + JSON.parse agree on any text, valid or not', () => {
    const texts = fc.oneof(
      fc.json({ maxDepth: 5 }),
      fc
        .json({ maxDepth: 5 })
        .chain((json) =>
          fc
            .tuple(fc.nat({ max: json.length }), fc.string({ maxLength: 3 }))
            .map(([at, insert]) => json.slice(0, at) + insert + json.slice(at)),
        ),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const bytes = encoder.encode(text);
        expect(outcome(readJsonDocument(bytes, streamed))).toEqual(
          outcome(readJsonDocument(bytes, defaultImportLimits)),
        );
      }),
      { numRuns: 500 },
    );
  });
});

type Segment = string | number;

/** Every container and value of a parsed document, by path. */
function pathsOf(value: unknown, path: Segment[] = []): Segment[][] {
  const children: Segment[][] = Array.isArray(value)
    ? value.flatMap((item, index) => pathsOf(item, [...path, index]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : [];
  return [path, ...children];
}

/** A deep copy of `root` with the value at `path` replaced (or its key renamed). */
function mutate(
  root: unknown,
  path: Segment[],
  change: (parent: Record<string, unknown> | unknown[], key: Segment) => void,
): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  if (path.length === 0) return copy;
  let parent = copy as Record<string, unknown>;
  for (const segment of path.slice(0, -1))
    parent = parent[segment as string] as Record<string, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}

/**
 * Values only JSON text can hold (own `__proto__` keys, numbers beyond a double), as strings
 * that stand for them until the document is written out.
 */
const TEXT_ONLY: Record<string, string> = {
  '\u0000proto':
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
  '\u0000huge': '1e400',
  '\u0000long-integer': '12345678901234567890',
};
const writeTextOnly = (text: string): string =>
  text.replace(/"\\u0000[a-z-]+"/g, (quoted) => TEXT_ONLY[JSON.parse(quoted) as string] ?? quoted);

const replacement = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 2 ** 53 + 1, '', '0.0.0.0/0', '-1/-1', [], {}),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...Object.keys(TEXT_ONLY)),
);

const renamedKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
  'permission',
  'SecurityGroupID',
);

/** A demo file changed in one way, as text. */
const mutatedDemoFile = fc
  .record({
    file: fc.nat({ max: demoTexts.length - 1 }),
    pick: fc.nat(),
    how: fc.constantFrom('swap', 'rename', 'flip', 'truncate', 'drop'),
    value: replacement,
    key: renamedKey,
    bytes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ file, pick, how, value, key, bytes }) => {
    const { name, value: original } = demoTexts[file]!;
    const paths = pathsOf(original);
    const path = paths[pick % paths.length]!;
    let text: string;
    if (how === 'swap') {
      text = writeTextOnly(
        JSON.stringify(
          mutate(
            original,
            path,
            (parent, at) => ((parent as Record<Segment, unknown>)[at] = value),
          ),
          null,
          '\t',
        ),
      );
    } else if (how === 'rename' || how === 'drop') {
      text = JSON.stringify(
        mutate(original, path, (parent, at) => {
          if (Array.isArray(parent)) return;
          const moved = parent[at as string];
          delete parent[at as string];
          if (how === 'rename')
            Object.defineProperty(parent, key, {
              value: moved,
              enumerable: true,
              writable: true,
              configurable: true,
            });
        }),
        null,
        '\t',
      );
    } else {
      text = JSON.stringify(original, null, '\t');
    }
    let data = encoder.encode(text);
    if (how === 'flip') for (const [at, byte] of bytes) data[at % data.length] = byte;
    if (how === 'truncate') data = data.subarray(0, pick % data.length);
    return { name, bytes: data };
  });

describe('the demo export, mutated', () => {
  it('one mutated file among the others: no exception, well-formed issues, no pollution', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedDemoFile, async (mutated) => {
        const inputs = demo.map((input) => (input.name === mutated.name ? mutated : input));
        await importAndCheck(inputs);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('the mutated files parse the same way in both parsers', () => {
    fc.assert(
      fc.property(mutatedDemoFile, ({ bytes }) => {
        expect(outcome(readJsonDocument(bytes, streamed))).toEqual(
          outcome(readJsonDocument(bytes, defaultImportLimits)),
        );
      }),
      { numRuns: 150 },
    );
  });
});
