/**
 * PDF reports through the real CLI: what pdftotext reads back, what the raw file must not contain,
 * hostile strings shown literally, the table of contents, provenance files and reproducible bytes.
 * pdftotext (poppler-utils) is required: without it these tests fail, they never skip.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanDocument } from '../../src/shared/report/scan-document';
import type { ReportManifest } from '../../src/shared/report/provenance';
import { buildCli, demoExport, runCli } from '../cli/cli-harness';
import { defaultMaxValueLength } from '../../src/shared/report/pdf-definition';
import { hostileDescription, hostileExport, hostileStrings, pdfToText, requireTool, squeeze, temporaryDirectory } from './harness';

const generatedAt = '2026-01-01T00:00:00Z';
const cover = ['--client', 'Example Holdings Ltd.', '--engagement', 'FY2025 cloud review', '--auditor', 'J. Smith'];
const forbidden = ['/JavaScript', '/JS ', '/JS(', '/Launch', '/URI', '/EmbeddedFile', '/Annots', '/Link', '/OpenAction', '/GoTo', '/SubmitForm', '/RichMedia'];

let dir: string;
let demo: ScanDocument;

function scan(args: string[]): void {
  const run = runCli(['scan', ...args, '--quiet', '--generated-at', generatedAt]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

beforeAll(() => {
  requireTool('pdftotext');
  buildCli();
  dir = temporaryDirectory('pdf');
  scan([demoExport, '--format', 'json', '--out', join(dir, 'demo.json')]);
  demo = JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')) as ScanDocument;
  scan([demoExport, '--format', 'pdf', '--out', join(dir, 'demo-en.pdf'), ...cover]);
  scan([demoExport, '--format', 'pdf', '--lang', 'zh', '--out', join(dir, 'demo-zh.pdf'), ...cover]);
}, 120_000);

describe('the demo report as PDF', () => {
  for (const language of ['en', 'zh']) {
    it(`${language}: pdftotext finds every at-risk id, the Chinese group names, every input hash`, () => {
      const text = pdfToText(join(dir, `demo-${language}.pdf`));
      const flat = squeeze(text);
      const atRisk = new Set(demo.checks.flatMap((check) => [...check.securityGroups, ...check.instances]));
      expect(atRisk.size).toBe(13);
      const missing = [
        ...atRisk,
        ...demo.checks.flatMap((check) => check.findings.flatMap((finding) => finding.accepts.map((rule) => rule.ruleId))),
        ...demo.assessed.securityGroups.map((group) => squeeze(group.name)),
        '遗留系统',
        ...demo.inputs.map((input) => input.sha256),
        demo.findingsSha256 ?? 'missing findings hash',
        'ExampleHoldingsLtd.',
        'J.Smith',
      ].filter((expected) => !flat.includes(expected));
      expect(missing).toEqual([]);
      // Hashes are never broken across lines.
      for (const input of demo.inputs) expect(text.includes(input.sha256), input.path).toBe(true);
    });
  }

  it('is A4, small (fonts subset), with text, embedded fonts and page numbers', () => {
    const path = join(dir, 'demo-en.pdf');
    const size = statSync(path).size;
    expect(size).toBeLessThan(600_000);
    const raw = readFileSync(path, 'latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/);
    expect(raw).toContain('/FontFile2');
    const text = pdfToText(path);
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(10);
    expect(text).toContain(`Page 2 of ${pages.length}`);
    expect(pages[1]).toContain('Example Holdings Ltd.');
    expect(pages[1]).toContain('2026-01-01');
    expect(pdfToText(join(dir, 'demo-zh.pdf'))).toMatch(/第 2 页，共 \d+ 页/);
  });

  it('contains no scripts, actions, links or attachments', () => {
    for (const language of ['en', 'zh']) {
      const raw = readFileSync(join(dir, `demo-${language}.pdf`), 'latin1');
      for (const token of forbidden) expect(raw.includes(token), `${token} in demo-${language}.pdf`).toBe(false);
    }
  });

  it('has a table of contents whose page numbers are the pages the headings are on', () => {
    const pages = pdfToText(join(dir, 'demo-en.pdf'), ['-layout']).split('\f');
    const contents = pages[1] ?? '';
    const entries = [...contents.matchAll(/^\s*((?:\d+(?:\.\d+)?|[A-C]|Appendix)\b.*?)\s{2,}(\d+)\s*$/gm)].map((match) => ({
      title: squeeze(match[1] ?? ''),
      page: Number(match[2]),
    }));
    expect(entries.length).toBeGreaterThanOrEqual(30);
    for (const entry of entries) {
      const found = pages.findIndex((page, index) => index > 1 && squeeze(page).includes(entry.title));
      expect({ title: entry.title, page: found + 1 }).toEqual(entry);
    }
  });

  it('refuses --format pdf without --out (binary output), exit 2 with the reason', () => {
    const run = runCli(['scan', demoExport, '--format', 'pdf']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out');
    expect(run.stdout).toBe('');
  });
});

describe('hostile strings', () => {
  let text = '';
  let raw = '';

  beforeAll(() => {
    const exportDir = hostileExport();
    const pdf = join(dir, 'hostile.pdf');
    const run = runCli(['scan', exportDir, '--format', 'pdf', '--out', pdf, '--quiet', '--generated-at', generatedAt, '--client', hostileStrings.script]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    text = pdfToText(pdf);
    raw = readFileSync(pdf, 'latin1');
    requireTool('pdftoppm');
    const render = spawnSync('pdftoppm', ['-r', '8', '-png', pdf, join(dir, 'hostile-page')], { encoding: 'utf8' });
    expect(render.status, render.stderr).toBe(0);
    expect(render.stderr).toBe('');
  }, 120_000);

  it('shows markup, formulas and templates literally', () => {
    const flat = squeeze(text);
    for (const value of [hostileStrings.script, hostileStrings.formula, hostileStrings.template, hostileStrings.image]) {
      expect(flat.includes(squeeze(value)), value).toBe(true);
    }
  });

  it('makes the bidi override visible instead of obeying it', () => {
    expect(text.includes('\u202E')).toBe(false);
    expect(squeeze(text).includes('invoice‹U+202E›txt.exe')).toBe(true);
  });

  it('prints the start of the 100,000-character word and says it was cut', () => {
    const flat = squeeze(text);
    // The rule decides two findings (group web, server web-01): the description is printed twice,
    // each time its first defaultMaxValueLength characters. Page headers interrupt the long runs.
    const shown = defaultMaxValueLength - [...hostileDescription].length + hostileStrings.longWord.length;
    const printed = [...flat.matchAll(/W{10,}/g)].reduce((sum, match) => sum + match[0].length, 0);
    expect(printed).toBe(2 * shown);
    expect([...flat.matchAll(/cut:100,070charactersinall/g)]).toHaveLength(2);
  });

  it('still contains no scripts, actions, links or attachments', () => {
    for (const token of forbidden) expect(raw.includes(token), token).toBe(false);
  });
});

describe('provenance and reproducibility', () => {
  const formats = ['json', 'csv', 'pdf'] as const;
  const runs = ['first', 'second'];

  beforeAll(() => {
    for (const run of runs) {
      mkdirSync(join(dir, run));
      for (const format of formats) {
        scan([demoExport, '--format', format, '--out', join(dir, run, `report.${format}`), ...cover, '--disable', 'exposed-yarn-8088']);
      }
    }
  }, 180_000);

  for (const format of formats) {
    it(`${format}: the same input and options give the same bytes`, () => {
      for (const file of [`report.${format}`, `report.${format}.manifest.json`, `report.${format}.sha256`]) {
        const [a, b] = runs.map((run) => readFileSync(join(dir, run, file)));
        expect(a?.equals(b ?? Buffer.alloc(0)), file).toBe(true);
      }
    });

    it(`${format}: the manifest lists the inputs, versions, options and the report's own hash`, () => {
      const folder = join(dir, 'first');
      const manifest = JSON.parse(readFileSync(join(folder, `report.${format}.manifest.json`), 'utf8')) as ReportManifest;
      const hash = sha256(join(folder, `report.${format}`));
      expect(manifest.report).toEqual({ file: `report.${format}`, format, bytes: statSync(join(folder, `report.${format}`)).size, sha256: hash });
      expect(manifest.inputs.map((input) => [input.path, input.sha256])).toEqual(demo.inputs.map((input) => [input.path, input.sha256]));
      expect(manifest.catalogueVersion).toBe(demo.catalogueVersion);
      expect(manifest.tool).toEqual(demo.tool);
      expect(manifest.generatedAt).toBe('2026-01-01T00:00:00.000Z');
      expect(manifest.options).toMatchObject({ format, language: 'en', disabledChecks: ['exposed-yarn-8088'] });
      expect(manifest.options.audit).toMatchObject({ client: 'Example Holdings Ltd.', auditor: 'J. Smith', date: '2026-01-01' });
      expect(manifest.findingsSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(join(folder, `report.${format}.sha256`), 'utf8')).toBe(`${hash}  report.${format}\n`);
      const check = spawnSync('sha256sum', ['-c', `report.${format}.sha256`], { cwd: folder, encoding: 'utf8' });
      if (check.error === undefined) expect(check.stdout).toContain(`report.${format}: OK`);
    });
  }

  it('ties the three formats to the same findings hash', () => {
    const hashes = formats.map(
      (format) => (JSON.parse(readFileSync(join(dir, 'first', `report.${format}.manifest.json`), 'utf8')) as ReportManifest).findingsSha256,
    );
    expect(new Set(hashes).size).toBe(1);
    const json = JSON.parse(readFileSync(join(dir, 'first', 'report.json'), 'utf8')) as ScanDocument;
    expect(json.findingsSha256).toBe(hashes[0]);
    expect(json.audit).toMatchObject({ client: 'Example Holdings Ltd.', engagement: 'FY2025 cloud review' });
    expect(squeeze(pdfToText(join(dir, 'first', 'report.pdf')))).toContain(hashes[0]);
  });
});
