/**
 * One test per entry of test/fixtures/bad/INDEX.json, through the whole snapshot builder: a file
 * refused whole gets exactly one error naming it (and where, when the index says so); a file
 * with problems inside imports the rest and names the file and the JSON path; a clean file
 * imports without a word. Never an exception, never an internal error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fixtureFiles,
  fixtureRoot,
  presentFixtures,
  readBadIndex,
  writeGeneratedFixtures,
  type BadFixture,
} from '../../../test/support/bad-fixtures';
import {
  hostileGroups,
  hostileInstanceNames,
  hostileRuleDescriptions,
} from '../../../scripts/make-bad-fixtures.mjs';
import type { ImportIssue, Snapshot } from '../model';
import { createSnapshotBuilder } from './snapshot-builder';

const index = readBadIndex();
let generated: ReturnType<typeof writeGeneratedFixtures>;

beforeAll(() => {
  generated = writeGeneratedFixtures();
}, 120_000);
afterAll(() => generated?.dispose());

/** Names as the messages show them: bad/… for committed fixtures, generated/… for the others. */
const prefix = (fixture: BadFixture): string => (fixture.generated === true ? 'generated' : 'bad');

async function importFixture(key: string, fixture: BadFixture): Promise<Snapshot> {
  const root = fixtureRoot(fixture, generated.folder);
  const builder = createSnapshotBuilder();
  for (const file of fixtureFiles(root, key)) {
    await builder.add({
      name: `${prefix(fixture)}/${file}`,
      bytes: new Uint8Array(readFileSync(join(root, file))),
    });
  }
  return builder.build();
}

function expectNamesItsFileAndPlace(issue: ImportIssue): void {
  const place = issue.path === undefined ? '' : `, ${issue.path}`;
  expect(issue.message.startsWith(`${issue.file}${place}: `), issue.message).toBe(true);
  expect(issue.message).not.toMatch(/ at .*\(.*:\d+:\d+\)/); // no stack trace
}

describe('test/fixtures/bad/INDEX.json', () => {
  it('has an expectation for every fixture, and a fixture for every expectation', () => {
    const { committed, generated: made } = presentFixtures();
    const listed = Object.entries(index);
    expect(committed).toEqual(
      listed
        .filter(([, fixture]) => fixture.generated !== true)
        .map(([key]) => key)
        .sort(),
    );
    expect(made).toEqual(
      listed
        .filter(([, fixture]) => fixture.generated === true)
        .map(([key]) => key)
        .sort(),
    );
  });

  it('says what is expected of each fixture', () => {
    for (const [key, fixture] of Object.entries(index)) {
      expect(['refused', 'warned', 'imported'], key).toContain(fixture.outcome);
      if (fixture.outcome !== 'imported') {
        expect(fixture.code, key).toBeTypeOf('string');
        expect(fixture.message, key).toBeTypeOf('string');
      }
    }
  });
});

describe.each(Object.entries(index))('%s', (key, fixture) => {
  it(
    `${fixture.outcome}: ${fixture.covers}`,
    async () => {
      const snapshot = await importFixture(key, fixture);
      const issues = snapshot.issues;
      for (const issue of issues) expectNamesItsFileAndPlace(issue);
      expect(issues.map((issue) => issue.code)).not.toContain('internal-error');
      const file = `${prefix(fixture)}/${fixture.file ?? key}`;

      if (fixture.outcome === 'imported') {
        expect(issues).toEqual([]);
        expect(snapshot.groups.length + snapshot.instances.length).toBeGreaterThan(0);
        return;
      }
      const expected = issues.find(
        (issue) =>
          issue.code === fixture.code &&
          issue.file === file &&
          (fixture.path === undefined || issue.path === fixture.path),
      );
      expect(expected, JSON.stringify(issues.slice(0, 5), null, 1)).toBeDefined();
      expect(expected!.message).toContain(fixture.message);
      if (fixture.line !== undefined) expect(expected!.line).toBe(fixture.line);
      if (fixture.column !== undefined) expect(expected!.column).toBe(fixture.column);

      const fileErrors = issues.filter(
        (issue) => issue.severity === 'error' && issue.path === undefined,
      );
      if (fixture.outcome === 'refused') {
        expect(issues).toEqual([expected]);
        expect(expected!.severity).toBe('error');
        expect(expected!.path).toBeUndefined();
        // Unreadable: a host must not store it as an import (a refused zip included).
        expect(snapshot.inputs.find((input) => input.name === file)).toMatchObject({
          kind: 'unreadable',
          records: 0,
        });
      } else {
        expect(fileErrors).toEqual([]);
        expect(snapshot.groups.length + snapshot.instances.length).toBeGreaterThan(0);
      }
    },
    fixture.slow === true ? 600_000 : 60_000,
  );
});

describe('hostile strings', () => {
  it('come out of the importer exactly as they went in', async () => {
    const snapshot = await importFixture('hostile-strings.json', index['hostile-strings.json']!);
    const groups = new Map(snapshot.groups.map((group) => [group.name, group]));
    for (const [name, description] of hostileGroups) {
      expect(groups.get(name), JSON.stringify(name)).toBeDefined();
      expect(groups.get(name)!.description).toBe(description);
    }
    const ruleDescriptions = snapshot.groups.flatMap((group) =>
      group.rules.map((rule) => rule.description),
    );
    for (const description of hostileRuleDescriptions)
      expect(ruleDescriptions).toContain(description);
    expect(snapshot.instances.map((instance) => instance.name).sort()).toEqual(
      [...hostileInstanceNames].sort(),
    );
  });
});
