import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import { buildCli, demoExport, projectRoot, runCli } from './cli-harness';

const bad = `${projectRoot}test/fixtures/bad`;
const fixedTime = ['--generated-at', '2026-01-01T00:00:00Z'];

beforeAll(() => buildCli());

function scanJson(args: string[]): ScanDocument {
  const run = runCli(['scan', demoExport, '--quiet', ...fixedTime, ...args]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ScanDocument;
}

describe('sg-audit scan: exit codes', () => {
  it('exits 1 when an enabled check at or above --fail-on is at risk', () => {
    expect(runCli(['scan', demoExport, '-q', '--fail-on', 'high']).status).toBe(1);
    expect(runCli(['scan', demoExport, '-q', '--fail-on', 'low']).status).toBe(1);
  });

  it('exits 0 when the only high-risk check is switched off', () => {
    expect(runCli(['scan', demoExport, '-q', '--fail-on', 'high', '--disable', 'exposed-all-ports']).status).toBe(0);
  });

  it('exits 2 naming the file when an input is not an export, and still writes the report', () => {
    const run = runCli(['scan', demoExport, `${bad}/pdf-renamed.json`, '-q']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('pdf-renamed.json: this is a PDF file, not a JSON export');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect((JSON.parse(run.stdout) as ScanDocument).summary.securityGroups).toBe(9);
  });

  it('exits 2 with line and column for a JSON syntax error', () => {
    const run = runCli(['scan', `${bad}/truncated-string.json`, '-q']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/truncated-string\.json: not valid JSON at line \d+, column \d+/);
  });

  it('exits 2 for a path that does not exist, an unknown check id or a bad option value', () => {
    expect(runCli(['scan', `${bad}/no-such-file.json`]).stderr).toContain('no-such-file.json: no such file or folder');
    expect(runCli(['scan', `${bad}/no-such-file.json`]).status).toBe(2);
    const unknown = runCli(['scan', demoExport, '--disable', 'exposed-telnet-23']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown check id "exposed-telnet-23"');
    expect(runCli(['scan', demoExport, '--format', 'xml']).status).toBe(2);
    expect(runCli(['scan']).status).toBe(2);
  });

  it('prints usage with --help and the version with --version', () => {
    expect(runCli(['--help']).stdout).toContain('sg-audit scan');
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('sg-audit scan: options', () => {
  it('lists a disabled check as disabled with no findings', () => {
    const document = scanJson(['--disable', 'exposed-ssh-22,exposed-rdp-3389']);
    const ssh = document.checks.find((check) => check.id === 'exposed-ssh-22');
    expect(ssh).toMatchObject({ enabled: false, status: 'disabled', securityGroups: [], instances: [], findings: [] });
    expect(document.options.disabledChecks).toEqual(['exposed-rdp-3389', 'exposed-ssh-22']);
    expect(document.summary.checks.disabled).toBe(2);
  });

  it('writes titles and suggestions in Chinese with --lang zh', () => {
    const document = scanJson(['--lang', 'zh']);
    expect(document.language).toBe('zh');
    for (const check of document.checks) expect(check.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives identical bytes for the same input and --generated-at', () => {
    const first = runCli(['scan', demoExport, '-q', ...fixedTime]);
    const second = runCli(['scan', demoExport, '-q', ...fixedTime]);
    expect(first.stdout).toBe(second.stdout);
  });

  it('writes CSV with a BOM, CRLF and one row per finding and rule', () => {
    const run = runCli(['scan', demoExport, '-q', '--format', 'csv', ...fixedTime]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('\uFEFF"check_id","check_title"')).toBe(true);
    const rows = run.stdout.split('\r\n').filter((line) => line !== '');
    expect(rows.some((row) => row.includes('"exposed-ssh-22"') && row.includes('"sgr-uf6demo000000000001"'))).toBe(true);
    // "-1/-1" starts with a formula trigger and must reach the spreadsheet guarded.
    expect(run.stdout).toContain(`"'-1/-1"`);
  });

  it('streams a CSV --out file with the same bytes as stdout, its manifest hash and no temporary file left', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sg-csv-'));
    const out = join(folder, 'findings.csv');
    const saved = runCli(['scan', demoExport, '-q', '--format', 'csv', '--out', out, ...fixedTime]);
    expect(saved.status, saved.stderr).toBe(0);
    const printed = runCli(['scan', demoExport, '-q', '--format', 'csv', ...fixedTime]);
    const bytes = readFileSync(out);
    expect(bytes.toString('utf8')).toBe(printed.stdout);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as { report: { sha256: string; bytes: number } };
    expect(manifest.report).toMatchObject({ sha256, bytes: bytes.byteLength });
    expect(readFileSync(`${out}.sha256`, 'utf8')).toBe(`${sha256}  findings.csv\n`);
    expect(readdirSync(folder).sort()).toEqual(['findings.csv', 'findings.csv.manifest.json', 'findings.csv.sha256']);
  });
});
