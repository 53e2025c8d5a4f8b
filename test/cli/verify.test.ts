/**
 * `sg-audit verify` through the built CLI: a report saved with --out, then the report, its
 * findings and its inputs changed one at a time, and manifests that cannot be used.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { buildCli, demoExport, runCli } from './cli-harness';

let scratch: string;

beforeAll(() => {
  buildCli();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-verify-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface SavedReport {
  folder: string;
  exportFolder: string;
  report: string;
}

/** A copy of the demo export, scanned with --out into a folder of its own. */
function savedReport(name: string, format: 'json' | 'csv' = 'json'): SavedReport {
  const folder = join(scratch, name);
  const exportFolder = join(folder, 'export');
  cpSync(demoExport, exportFolder, { recursive: true });
  const report = join(folder, `report.${format}`);
  const scan = runCli([
    'scan',
    exportFolder,
    '-q',
    '--format',
    format,
    '--out',
    report,
    '--generated-at',
    '2026-01-01T00:00:00Z',
  ]);
  expect(scan.status, scan.stderr).toBe(0);
  return { folder, exportFolder, report };
}

function flipByte(path: string, offset: number): void {
  const bytes = readFileSync(path);
  bytes[offset] = (bytes[offset] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface VerifyDocument {
  verdict: string;
  items: { subject: string; name: string; status: string }[];
}

describe('sg-audit verify', () => {
  it('verifies an untouched report, its checksum, its findings hash and all its inputs', () => {
    const saved = savedReport('untouched');
    const run = runCli(['verify', saved.report]);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    // report, checksum, findings, 12 inputs, verdict
    expect(lines).toHaveLength(16);
    expect(lines.slice(0, -1).every((line) => line.startsWith('ok '))).toBe(true);
    expect(lines.at(-1)).toBe(
      'verified: the report, its checksum and its findings hash match the manifest; 12 of 12 inputs match',
    );
    const json = runCli(['verify', saved.report, '--format', 'json']);
    expect(json.status).toBe(0);
    const document = JSON.parse(json.stdout) as VerifyDocument;
    expect(document.verdict).toBe('verified');
    expect(document.items.map((item) => item.subject)).toEqual([
      'report',
      'checksum',
      'findings',
      ...Array(12).fill('input'),
    ]);
  });

  it('exits 1 naming the report when one byte of it changed', () => {
    const saved = savedReport('flipped');
    flipByte(saved.report, 100);
    const run = runCli(['verify', saved.report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`CHANGED     report   ${saved.report}: SHA-256`);
    expect(run.stdout).toContain(`CHANGED     checksum ${saved.report}.sha256`);
    expect(run.stdout.trim().split('\n').at(-1)).toMatch(
      new RegExp(`^TAMPERED: .*report ${saved.report} changed`),
    );
  });

  it('exits 1 naming the findings when the findings were edited and the report hashes forged to match', () => {
    const saved = savedReport('forged');
    const document = JSON.parse(readFileSync(saved.report, 'utf8')) as ScanDocument;
    const ssh = document.checks.find((check) => check.id === 'exposed-ssh-22');
    if (ssh === undefined) throw new Error('the demo report has no exposed-ssh-22');
    // Hide the finding, then make the manifest and .sha256 agree with the edited file.
    ssh.findings = [];
    ssh.status = 'passed';
    const forged = `${JSON.stringify(document, null, 2)}\n`;
    writeFileSync(saved.report, forged);
    const manifestPath = `${saved.report}.manifest.json`;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      report: { sha256: string; bytes: number };
    };
    manifest.report.sha256 = sha256(forged);
    manifest.report.bytes = Buffer.byteLength(forged);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    writeFileSync(`${saved.report}.sha256`, `${sha256(forged)}  report.json\n`);

    const run = runCli(['verify', saved.report, '--format', 'json']);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as VerifyDocument;
    expect(result.verdict).toBe('tampered');
    expect(result.items.filter((item) => item.status !== 'ok')).toEqual([
      expect.objectContaining({ subject: 'findings', name: saved.report, status: 'changed' }),
    ]);
  });

  it('exits 1 naming an input that changed, and one that is gone', () => {
    const saved = savedReport('inputs');
    const changed = join(saved.exportFolder, 'DescribeSecurityGroups.json');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')} `);
    const gone = join(saved.exportFolder, 'DescribeInstances.page2.json');
    unlinkSync(gone);
    const run = runCli(['verify', saved.report]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`CHANGED +input +${changed}: SHA-256`));
    expect(run.stdout).toMatch(new RegExp(`MISSING +input +${gone}: not found`));
    expect(run.stdout.trim().split('\n').at(-1)).toBe(
      `TAMPERED: 2 of 15 items do not match the manifest: input ${gone} missing; input ${changed} changed`,
    );
  });

  it('finds moved inputs with --inputs, and counts them missing when that folder lacks them', () => {
    const saved = savedReport('moved');
    const moved = join(scratch, 'moved-export', 'client-files');
    cpSync(saved.exportFolder, moved, { recursive: true });
    rmSync(saved.exportFolder, { recursive: true });
    // Without the export anywhere near, the report is still verified and the inputs not checked.
    const without = runCli(['verify', saved.report]);
    expect(without.status).toBe(0);
    expect(without.stdout).toContain('12 inputs were not found, so not checked');
    const found = runCli(['verify', saved.report, '--inputs', moved]);
    expect(found.status, found.stdout).toBe(0);
    expect(found.stdout).toContain('12 of 12 inputs match');
    const empty = join(scratch, 'empty-folder');
    cpSync(moved, empty, { recursive: true, filter: (source) => !source.endsWith('.json') });
    const missing = runCli(['verify', saved.report, '--inputs', empty]);
    expect(missing.status).toBe(1);
    expect(missing.stdout.match(/^MISSING +input/gm)).toHaveLength(12);
  });

  it('verifies a CSV report by its hashes (its findings cannot be recomputed)', () => {
    const saved = savedReport('csv', 'csv');
    const run = runCli(['verify', saved.report]);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toMatch(
      /^not checked findings .*a CSV report cannot be read back into its findings/m,
    );
  });

  it('exits 2 when the report or the manifest is missing', () => {
    const saved = savedReport('no-manifest');
    const noReport = runCli(['verify', join(saved.folder, 'other.json')]);
    expect(noReport.status).toBe(2);
    expect(noReport.stderr).toBe(
      `sg-audit: ${join(saved.folder, 'other.json')}: cannot read the report: no such file\n`,
    );
    unlinkSync(`${saved.report}.manifest.json`);
    const noManifest = runCli(['verify', saved.report]);
    expect(noManifest.status).toBe(2);
    expect(noManifest.stderr).toContain(
      `${saved.report}.manifest.json: cannot read the manifest: no such file`,
    );
    expect(noManifest.stdout).toBe('');
  });

  it('exits 2 for a manifest that is not JSON, naming the file, line and column', () => {
    const saved = savedReport('garbage');
    const manifestPath = `${saved.report}.manifest.json`;
    writeFileSync(manifestPath, '{\n  "manifestVersion": "1.0.0",\n  garbage\n}\n');
    const run = runCli(['verify', saved.report]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `sg-audit: ${manifestPath}: the manifest is not valid JSON at line 3, column 3: unexpected character\n`,
    );
    const json = runCli(['verify', saved.report, '--format', 'json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'unusable' });
  });

  it('exits 2 for a hand-edited manifest, naming the file and the JSON path', () => {
    const saved = savedReport('hand-edited');
    const manifestPath = `${saved.report}.manifest.json`;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      inputs: { sha256: string }[];
      report: Record<string, unknown>;
    };
    const third = manifest.inputs[2];
    if (third === undefined) throw new Error('the demo manifest has fewer than three inputs');
    third.sha256 = 'not a hash';
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    const run = runCli(['verify', saved.report]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `sg-audit: ${manifestPath}: not a valid report manifest at $.inputs[2].sha256: should be a SHA-256 in lowercase hex, found "not a hash"\n`,
    );
    delete manifest.report.format;
    third.sha256 = 'a'.repeat(64);
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    expect(runCli(['verify', saved.report]).stderr).toContain(
      'not a valid report manifest at $.report.format: is missing',
    );
  });

  it('refuses options of scan and a third path, and documents itself in --help', () => {
    expect(runCli(['verify', 'r.json', '--lang', 'zh']).stderr).toContain(
      '--lang is an option of scan, not of verify',
    );
    expect(runCli(['verify', 'r.json', 'm.json', 'x']).status).toBe(2);
    expect(runCli(['scan', demoExport, '--inputs', '.']).stderr).toContain(
      '--inputs is an option of verify',
    );
    expect(runCli(['--help']).stdout).toContain('sg-audit verify <report> [manifest]');
  });
});
