/** The files written beside a saved report. */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/shared/import/digest';
import { baseName, buildProvenanceFiles, sha256sumLine, type ReportProvenance } from '../../src/shared/report/provenance';

const provenance: ReportProvenance = {
  format: 'pdf',
  tool: { name: 'sg-audit', version: '0.1.0' },
  catalogueVersion: '1.0.0',
  schemaVersion: '1.1.0',
  generatedAt: '2026-01-01T00:00:00.000Z',
  language: 'zh',
  disabledChecks: ['exposed-ssh-22', 'exposed-all-ports'],
  audit: { name: '', client: '客户', engagement: '', auditor: '', date: '2026-01-01' },
  inputs: [{ path: 'a.json', sha256: 'a'.repeat(64), bytes: 3, kind: 'alibaba:DescribeInstances', records: 1 }],
  findingsSha256: 'f'.repeat(64),
};

describe('provenance files', () => {
  it('name the report by its file name, hash it, and list inputs, versions and options', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.3 test');
    const files = await buildProvenanceFiles(provenance, bytes, '/some/where/report.pdf');
    const hash = await sha256Hex(bytes);
    expect(files.reportSha256).toBe(hash);
    expect(files.manifestName).toBe('report.pdf.manifest.json');
    expect(files.checksumName).toBe('report.pdf.sha256');
    expect(files.checksumText).toBe(`${hash}  report.pdf\n`);
    const manifest = JSON.parse(files.manifestText) as typeof files.manifest;
    expect(manifest.report).toEqual({ file: 'report.pdf', format: 'pdf', bytes: bytes.byteLength, sha256: hash });
    expect(manifest.inputs).toEqual(provenance.inputs);
    expect(manifest.options.disabledChecks).toEqual(['exposed-all-ports', 'exposed-ssh-22']);
    expect(manifest.options.audit.client).toBe('客户');
    expect(manifest).toMatchObject({ catalogueVersion: '1.0.0', tool: provenance.tool, findingsSha256: 'f'.repeat(64) });
    expect(files.manifestText.endsWith('\n')).toBe(true);
  });

  it('escapes names the way sha256sum does', () => {
    expect(sha256sumLine('ab', 'plain name.pdf')).toBe('ab  plain name.pdf\n');
    expect(sha256sumLine('ab', 'a\\b\nc.pdf')).toBe('\\ab  a\\\\b\\nc.pdf\n');
    expect(baseName('C:\\reports\\x.csv')).toBe('x.csv');
    expect(baseName('x.json')).toBe('x.json');
  });
});
