/** Saving a report from Electron writes three files beside the chosen path, all or nothing. */
import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportProvenance } from '../shared/report/provenance';
import { writeReportFiles } from './report-files';

const provenance: ReportProvenance = {
  format: 'csv',
  tool: { name: 'sg-audit', version: '0.1.0' },
  catalogueVersion: '1',
  schemaVersion: '1.1.0',
  generatedAt: '2025-07-01T08:00:00.000Z',
  language: 'en',
  disabledChecks: ['exposed-ssh-22', 'exposed-rdp-3389'],
  audit: { name: 'Q3', client: 'Demo', engagement: 'Q3', auditor: 'A', date: '2025-06-30' },
  inputs: [
    {
      path: 'demo/DescribeSecurityGroups.json',
      sha256: 'ab'.repeat(32),
      bytes: 2,
      kind: 'alibaba:DescribeSecurityGroups',
      records: 1,
    },
  ],
  findingsSha256: 'cd'.repeat(32),
};
const report = new TextEncoder().encode('\ufeff"check","group"\r\n"=1+1","组"\r\n');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let folder = '';
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sg-audit-report-'));
});
afterEach(async () => {
  await chmod(folder, 0o700).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

describe('writeReportFiles', () => {
  it('writes the report, its manifest and its checksum beside the chosen path', async () => {
    const target = join(folder, 'Q3 审计.csv');
    expect(await writeReportFiles(target, report, provenance)).toEqual([
      'Q3 审计.csv',
      'Q3 审计.csv.manifest.json',
      'Q3 审计.csv.sha256',
    ]);
    expect((await readdir(folder)).sort()).toEqual([
      'Q3 审计.csv',
      'Q3 审计.csv.manifest.json',
      'Q3 审计.csv.sha256',
    ]);
    const written = new Uint8Array(await readFile(target));
    expect(written).toEqual(report);
    const hash = sha256(written);
    expect(await readFile(`${target}.sha256`, 'utf8')).toBe(`${hash}  Q3 审计.csv\n`);
    const manifest = JSON.parse(await readFile(`${target}.manifest.json`, 'utf8')) as {
      report: unknown;
      inputs: unknown;
      findingsSha256: string;
      options: { disabledChecks: string[] };
    };
    expect(manifest.report).toEqual({
      file: 'Q3 审计.csv',
      format: 'csv',
      bytes: report.byteLength,
      sha256: hash,
    });
    expect(manifest.inputs).toEqual(provenance.inputs);
    expect(manifest.findingsSha256).toBe(provenance.findingsSha256);
    expect(manifest.options.disabledChecks).toEqual(['exposed-rdp-3389', 'exposed-ssh-22']);
  });

  it('names the files after the path chosen, whatever name was proposed', async () => {
    // The auditor renamed the file in the dialog: the manifest and checksum follow the new name.
    const target = join(folder, 'renamed.csv');
    await writeReportFiles(target, report, provenance);
    expect(await readFile(`${target}.sha256`, 'utf8')).toBe(`${sha256(report)}  renamed.csv\n`);
  });

  it('replaces an earlier report of the same name, with its manifest and checksum', async () => {
    const target = join(folder, 'r.csv');
    await writeFile(target, 'old report');
    await writeFile(`${target}.sha256`, 'old checksum');
    await writeReportFiles(target, report, provenance);
    expect(new Uint8Array(await readFile(target))).toEqual(report);
    expect(await readFile(`${target}.sha256`, 'utf8')).toContain(sha256(report));
    expect((await readdir(folder)).sort()).toEqual([
      'r.csv',
      'r.csv.manifest.json',
      'r.csv.sha256',
    ]);
  });

  it('writes nothing, and names the file, when the folder is gone', async () => {
    const target = join(folder, 'removed', 'r.csv');
    await expect(writeReportFiles(target, report, provenance)).rejects.toThrow(
      `Nothing was saved: ${target}.sha256 cannot be written (the folder does not exist).`,
    );
    expect(await readdir(folder)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)(
    'writes nothing when the folder is read-only (skipped as root, who ignores permissions)',
    async () => {
      await chmod(folder, 0o500);
      const target = join(folder, 'r.csv');
      await expect(writeReportFiles(target, report, provenance)).rejects.toThrow(
        `Nothing was saved: ${target}.sha256 cannot be written (permission denied).`,
      );
      await chmod(folder, 0o700);
      expect(await readdir(folder)).toEqual([]);
    },
  );

  it('leaves no file behind when one of the three cannot be put in place', async () => {
    const target = join(folder, 'r.csv');
    // A folder where the manifest must go: the checksum is already renamed into place by then.
    await mkdir(`${target}.manifest.json`);
    await expect(writeReportFiles(target, report, provenance)).rejects.toThrow(
      `Nothing was saved: ${target}.manifest.json cannot be written`,
    );
    expect(await readdir(folder)).toEqual(['r.csv.manifest.json']);
  });
});
