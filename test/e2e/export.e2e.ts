/**
 * Report export from the UI of the web host, offline: the sample audit exported as PDF (Chinese)
 * and CSV (the UI's language, English), each with its manifest and checksum, caught as downloads
 * and checked byte for byte. The PDF is made in the report Web Worker with the app's own fonts.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditRow, checkRow, screenshot as shot, startHarness, type AppHarness } from './app';

/** EXPECTED.md: every security group at risk for at least one item of the demo export. */
const atRiskGroups = [
  'sg-uf6demolegacy000005',
  'sg-uf6demoweb000000001',
  'sg-uf6demodb0000000003',
  'sg-uf6demobigdata00004',
  'sg-uf6demoes0000000009',
  'sg-uf6demooracle000008',
];

let harness: AppHarness;
let profile: string;
let scratch: string;

test.beforeAll(async () => {
  harness = await startHarness();
  profile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-export-profile-'));
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-export-files-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

interface Saved {
  name: string;
  bytes: Buffer;
}

/** Exports with the dialog's current choices and returns the report, manifest and checksum files. */
async function exportFiles(page: Page, downloads: Download[]): Promise<Saved[]> {
  const before = downloads.length;
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('export-dialog')).toBeHidden({ timeout: 120_000 });
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(before + 3);
  const saved: Saved[] = [];
  for (const download of downloads.slice(before)) {
    expect(await download.failure()).toBeNull();
    const path = join(scratch, download.suggestedFilename());
    await download.saveAs(path);
    saved.push({ name: download.suggestedFilename(), bytes: readFileSync(path) });
  }
  return saved;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Checks the manifest and the sha256sum line against the report that was downloaded. */
function checkProvenance(files: Saved[], reportName: string, format: string, language: string): void {
  const report = files.find((file) => file.name === reportName);
  const manifestFile = files.find((file) => file.name === `${reportName}.manifest.json`);
  const checksum = files.find((file) => file.name === `${reportName}.sha256`);
  expect(report, reportName).toBeDefined();
  expect(manifestFile, 'manifest').toBeDefined();
  expect(checksum, 'checksum').toBeDefined();
  const manifest = JSON.parse(manifestFile!.bytes.toString('utf8')) as {
    report: { file: string; format: string; bytes: number; sha256: string };
    options: { language: string; audit: { client: string; engagement: string } };
    inputs: { sha256: string }[];
  };
  expect(manifest.report).toEqual({ file: reportName, format, bytes: report!.bytes.length, sha256: sha256(report!.bytes) });
  expect(manifest.options.language).toBe(language);
  expect(manifest.options.audit).toMatchObject({ client: 'Demo Co.', engagement: 'Sample audit — Demo Co.' });
  expect(manifest.inputs.length).toBeGreaterThan(0);
  expect(checksum!.bytes.toString('utf8')).toBe(`${sha256(report!.bytes)}  ${reportName}\n`);
}

test('export PDF and CSV reports of the sample audit, with manifest and checksum', async () => {
  const { context, page } = await harness.launch(profile);
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));

  await test.step('open the sample audit and the export dialog', async () => {
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible({ timeout: 60_000 });
    await auditRow(page, 'Sample audit — Demo Co.').getByTestId('open-audit').click();
    await expect(page.getByTestId('checks-table')).toBeVisible();
    await page.getByTestId('open-export').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    // Defaults: PDF, in the UI's language.
    await expect(page.getByTestId('export-format-pdf').locator('input')).toBeChecked();
    await expect(page.getByTestId('export-language-en').locator('input')).toBeChecked();
    await shot(page, '30-export');
  });

  await test.step('PDF in Chinese: every at-risk group, the Chinese names, nothing active', async () => {
    await page.getByTestId('export-language-zh').click();
    const files = await exportFiles(page, downloads);
    const pdf = files.find((file) => file.name.endsWith('.pdf'));
    expect(pdf?.name).toMatch(/^Sample-audit-Demo-Co-\d{4}-\d{2}-\d{2}-zh\.pdf$/);
    const bytes = pdf!.bytes;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    for (const active of ['/JavaScript', '/JS ', '/Launch', '/URI', '/OpenAction', '/EmbeddedFile']) {
      expect(raw.includes(active), active).toBe(false);
    }
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', join(scratch, pdf!.name), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const text = run.stdout.replace(/\s+/g, '');
    for (const expected of [...atRiskGroups, '遗留系统', 'legacy-遗留系统', '安全组公网暴露审计报告', 'Demo Co.'.replace(/\s+/g, '')]) {
      expect(text.includes(expected), expected).toBe(true);
    }
    checkProvenance(files, pdf!.name, 'pdf', 'zh');
  });

  await test.step('CSV in English, one item switched off: BOM, CRLF, the SSH findings, no RDP rows', async () => {
    await checkRow(page, 'exposed-rdp-3389').getByTestId('check-toggle').click();
    await expect(checkRow(page, 'exposed-rdp-3389')).toHaveAttribute('data-status', 'disabled');
    await page.getByTestId('open-export').click();
    await expect(page.getByTestId('export-disabled-note')).toBeVisible();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    // The language goes back to the UI's on every opening.
    await expect(page.getByTestId('export-language-en').locator('input')).toBeChecked();
    await page.getByTestId('export-format-csv').click();
    const files = await exportFiles(page, downloads);
    const csv = files.find((file) => file.name.endsWith('.csv'));
    expect(csv?.name).toMatch(/^Sample-audit-Demo-Co-\d{4}-\d{2}-\d{2}-en\.csv$/);
    const bytes = csv!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
    const ssh = lines.filter((line) => line.includes('exposed-ssh-22'));
    expect(ssh.length).toBeGreaterThan(0);
    expect(ssh.some((line) => line.includes('sg-uf6demolegacy000005'))).toBe(true);
    expect(lines.some((line) => line.includes('exposed-rdp-3389'))).toBe(false);
    checkProvenance(files, csv!.name, 'csv', 'en');
    const manifest = JSON.parse(files.find((file) => file.name.endsWith('.manifest.json'))!.bytes.toString('utf8')) as {
      options: { disabledChecks: string[] };
    };
    expect(manifest.options.disabledChecks).toEqual(['exposed-rdp-3389']);
  });

  expect(harness.foreignRequests).toEqual([]);
  expect(harness.pageProblems).toEqual([]);
  await context.close();
});
