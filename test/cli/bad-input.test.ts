/**
 * Every entry of test/fixtures/bad/INDEX.json through the real `sg-audit scan`: unusable input
 * exits 2 with one line on standard error naming the file and saying why; input that imports
 * with warnings — a file's own or one found when the files are merged — exits 0 and prints the
 * warning naming the file; clean input exits 0 in silence.
 * The report is written in every case.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBadFixtures } from '../../scripts/make-bad-fixtures.mjs';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { readBadIndex, type BadFixture } from '../support/bad-fixtures';
import { fixturesDir } from '../support/import-inputs';
import { buildCli, projectRoot } from './cli-harness';

const index = readBadIndex();
let scratch: string;

beforeAll(() => {
  buildCli();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-cli-bad-'));
  makeBadFixtures(join(scratch, 'generated'));
  mkdirSync(join(scratch, 'reports'));
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Scan {
  status: number | null;
  stderrLines: string[];
  report: ScanDocument;
}

/**
 * Runs from the folder above the fixture, so that files are named bad/… or generated/… exactly
 * as in the importer test and the index.
 */
function scan(key: string, fixture: BadFixture): Scan {
  const cwd = fixture.generated === true ? scratch : fixturesDir;
  const input = `${fixture.generated === true ? 'generated' : 'bad'}/${key}`;
  const out = join(scratch, 'reports', `${key}.json`);
  const run = spawnSync(
    process.execPath,
    [join(projectRoot, 'bin/sg-audit.mjs'), 'scan', input, '--out', out],
    { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const stderrLines = run.stderr.split('\n').filter((line) => line !== '');
  return {
    status: run.status,
    stderrLines,
    report: JSON.parse(readFileSync(out, 'utf8')) as ScanDocument,
  };
}

/** How the CLI prints a name: control characters as escapes, so the line stays one line. */
const printed = (text: string): string => text.replace(/\n/g, '\\n');

describe.each(Object.entries(index))('sg-audit scan %s', (key, fixture) => {
  const file = `${fixture.generated === true ? 'generated' : 'bad'}/${fixture.file ?? key}`;
  const exit = fixture.outcome === 'refused' ? 2 : 0;

  it(
    `exits ${exit}: ${fixture.covers}`,
    () => {
      const { status, stderrLines, report } = scan(key, fixture);
      expect(status, stderrLines.join('\n')).toBe(exit);
      expect(report.inputs.length).toBeGreaterThan(0);
      if (fixture.outcome === 'refused') {
        expect(stderrLines).toHaveLength(1);
        expect(stderrLines[0]!.startsWith(`sg-audit: ${printed(file)}: `), stderrLines[0]).toBe(
          true,
        );
        expect(stderrLines[0]).toContain(fixture.message);
      } else if (fixture.outcome === 'warned') {
        const inReport = report.warnings.find(
          (warning) => warning.file === file && warning.message.includes(fixture.message!),
        );
        expect(inReport, JSON.stringify(report.warnings.slice(0, 5))).toBeDefined();
        const onStderr = stderrLines.find(
          (line) =>
            line.startsWith(`sg-audit: warning: ${printed(file)}`) &&
            line.includes(fixture.message!),
        );
        expect(onStderr, stderrLines.join('\n')).toBeDefined();
      } else {
        expect(stderrLines).toEqual([]);
      }
    },
    fixture.slow === true ? 600_000 : 60_000,
  );
});

describe('sg-audit scan: hostile file names', () => {
  it('lists a file named ..\\..\\x.json under its own name, read from where it is', () => {
    const { report } = scan('name-backslash-traversal', index['name-backslash-traversal']!);
    expect(report.inputs.map((input) => input.path)).toEqual([
      'generated/name-backslash-traversal/..\\..\\x.json',
    ]);
    expect(report.summary.securityGroups).toBe(1);
  });
});
