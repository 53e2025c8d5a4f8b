/** Helpers for the report tests: the demo audit in-process, poppler's tools, the hostile export. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks, withDisabledChecks } from '../../src/shared/audit/run-checks';
import { catalogueVersion, checkCatalogue } from '../../src/shared/checks/registry';
import type { Language } from '../../src/shared/checks/types';
import { createSnapshotBuilder } from '../../src/shared/import/snapshot-builder';
import { buildScanDocument, type ScanDocument } from '../../src/shared/report/scan-document';
import { demoDir, demoInputs } from '../support/import-inputs';

export async function demoDocument(options: { language?: Language; disabledChecks?: string[] } = {}): Promise<ScanDocument> {
  const builder = createSnapshotBuilder();
  for (const input of demoInputs()) await builder.add(input);
  const snapshot = builder.build();
  const disabledChecks = options.disabledChecks ?? [];
  const result = withDisabledChecks(runChecks(snapshot, checkCatalogue, { catalogueVersion }), disabledChecks);
  return buildScanDocument(snapshot, result, {
    tool: { name: 'sg-audit', version: 'test' },
    generatedAt: '2026-01-01T00:00:00.000Z',
    language: options.language ?? 'en',
    disabledChecks,
  });
}

/**
 * Poppler's command-line tools. CI installs poppler-utils; a missing tool fails the test with the
 * fix, it never skips it.
 */
export function requireTool(name: 'pdftotext' | 'pdftoppm' | 'pdfinfo'): void {
  const probe = spawnSync(name, ['-v'], { encoding: 'utf8' });
  if (probe.error !== undefined) {
    throw new Error(`${name} is missing: install poppler-utils (apt-get install -y poppler-utils); the PDF tests need it`);
  }
}

export function pdfToText(path: string, extra: string[] = []): string {
  requireTool('pdftotext');
  const run = spawnSync('pdftotext', ['-enc', 'UTF-8', ...extra, path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pdftotext failed on ${path}: ${run.stderr}`);
  return run.stdout;
}

/** Text without any whitespace: pdftotext breaks lines wherever the layout wrapped them. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

export function temporaryDirectory(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sg-audit-${prefix}-`));
}

export const hostileStrings = {
  script: '<script>alert(1)</script>',
  formula: "=cmd|' /C calc'!A0",
  bidi: 'invoice\u202Etxt.exe',
  template: "{{constructor.constructor('x')()}}",
  longWord: 'W'.repeat(100_000),
  image: '<img src=x onerror=alert(1)>',
} as const;

export const hostileRuleId = 'sgr-uf6demo000000000001';
export const hostileGroupName = `${hostileStrings.script} ${hostileStrings.bidi}`;
/** Starts with `=` (the CSV guard), then the other payloads, then the 100,000-character word. */
export const hostileDescription = `${hostileStrings.formula} ${hostileStrings.template} ${hostileStrings.bidi} ${hostileStrings.longWord}`;

/**
 * A copy of the demo export whose web group (at risk on SSH) carries hostile names and rule
 * descriptions, and whose web-01 instance a hostile name.
 */
export function hostileExport(): string {
  const dir = temporaryDirectory('hostile');
  cpSync(demoDir, dir, { recursive: true });
  const groupName = hostileGroupName;
  const patchJson = (path: string, patch: (value: Record<string, unknown>) => void): void => {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    patch(value);
    writeFileSync(path, JSON.stringify(value, null, 2));
  };
  type Permission = { Description: string; SecurityGroupRuleId: string };
  patchJson(join(dir, 'security-group-attributes', 'sg-uf6demoweb000000001.json'), (value) => {
    value.SecurityGroupName = groupName;
    value.Description = hostileStrings.template;
    // The SSH rule decides web's findings, so its description is printed in the report.
    const ssh = (value.Permissions as { Permission: Permission[] }).Permission.find((rule) => rule.SecurityGroupRuleId === hostileRuleId);
    if (ssh === undefined) throw new Error(`${hostileRuleId} not in the demo export`);
    ssh.Description = hostileDescription;
  });
  patchJson(join(dir, 'DescribeSecurityGroups.json'), (value) => {
    const groups = (value.SecurityGroups as { SecurityGroup: { SecurityGroupId: string; SecurityGroupName: string }[] }).SecurityGroup;
    for (const group of groups) if (group.SecurityGroupId === 'sg-uf6demoweb000000001') group.SecurityGroupName = groupName;
  });
  patchJson(join(dir, 'DescribeInstances.page1.json'), (value) => {
    const instances = (value.Instances as { Instance: { InstanceId: string; InstanceName: string }[] }).Instance;
    for (const instance of instances) if (instance.InstanceId === 'i-uf6demoweb01') instance.InstanceName = hostileStrings.image;
  });
  return dir;
}
