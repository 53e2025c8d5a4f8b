/**
 * test/fixtures/bad/INDEX.json: every bad input of the reliability spec with the outcome it must
 * have. The importer, CLI and UI tests all read it, so a fixture added without an expectation
 * (or an expectation without its fixture) fails them.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generatedFixtures, makeBadFixtures } from '../../scripts/make-bad-fixtures.mjs';
import { fixturesDir } from './import-inputs';

export type BadOutcome = 'refused' | 'warned' | 'imported';

export interface BadFixture {
  /** The reliability spec's words for what this fixture is. */
  covers: string;
  outcome: BadOutcome;
  /** Written by scripts/make-bad-fixtures.mjs at test time (too large, or names git cannot carry). */
  generated?: boolean;
  /** Takes tens of seconds through the whole pipeline. */
  slow?: boolean;
  /** The file the expected issue names, relative to the fixture root, when not the key itself. */
  file?: string;
  code?: string;
  message?: string;
  path?: string;
  line?: number;
  column?: number;
}

export const badFolder = join(fixturesDir, 'bad');
export const indexFile = 'INDEX.json';

export function readBadIndex(): Record<string, BadFixture> {
  const index = JSON.parse(readFileSync(join(badFolder, indexFile), 'utf8')) as {
    fixtures: Record<string, BadFixture>;
  };
  return index.fixtures;
}

/** What is in test/fixtures/bad (files and folders at its top), and what the generator makes. */
export function presentFixtures(): { committed: string[]; generated: string[] } {
  return {
    committed: readdirSync(badFolder)
      .filter((name) => name !== indexFile)
      .sort(),
    generated: Object.keys(generatedFixtures).sort(),
  };
}

/** A temporary folder holding the generated fixtures; `dispose` removes it. */
export function writeGeneratedFixtures(names?: readonly string[]): {
  folder: string;
  dispose: () => void;
} {
  const folder = mkdtempSync(join(tmpdir(), 'sg-audit-bad-'));
  makeBadFixtures(folder, names);
  return { folder, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Where a fixture lives: under test/fixtures/bad, or in the generated folder. */
export function fixtureRoot(fixture: BadFixture, generatedFolder: string): string {
  return fixture.generated === true ? generatedFolder : badFolder;
}

/** Every file of a fixture (itself, or the files of its folder, recursively), sorted. */
export function fixtureFiles(root: string, key: string): string[] {
  const walk = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .flatMap((entry) => walk(join(path, entry)))
      : [path];
  return walk(join(root, key)).map((path) => relative(root, path));
}
