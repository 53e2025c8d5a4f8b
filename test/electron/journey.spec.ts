/**
 * The Electron app end to end: the built main, preload and renderer in a real Electron, auditing the
 * demo export through main's worker thread, with nothing leaving the app's own scheme.
 *
 * Needs `npm run build` first. Skipped, with a message, where the Electron binary is not installed:
 * electron's index.js then throws "Electron failed to install correctly" instead of returning a path.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import type { AuditRunResult, HostApi } from '../../src/shared/host/host-api';

/**
 * The page's globals as page.evaluate callbacks use them (this file is type-checked with Node's
 * types, not the DOM's; the callbacks run in the page, so each casts `globalThis` inline).
 */
interface AppWindow {
  sgAudit?: HostApi;
  open(url: string): unknown;
}

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainEntry = join(projectRoot, 'out/main/index.js');
const demoExport = join(projectRoot, 'test/fixtures/alibaba-demo');
const skipMessage =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): Electron end-to-end skipped';

/** The Electron executable, or null when the package was installed without its binary. */
function electronExecutable(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executablePath = electronExecutable();
test.skip(executablePath === null, skipMessage);

interface ExpectedRow {
  checkId: string;
  groups: string[];
}

/** The rows of alibaba-demo.EXPECTED.md, read from the markdown so the test and the document agree. */
function expectedTable(): ExpectedRow[] {
  const markdown = readFileSync(
    join(projectRoot, 'test/fixtures/alibaba-demo.EXPECTED.md'),
    'utf8',
  );
  return markdown
    .split('\n')
    .filter((line) => /^\| [a-z0-9-]+ \|/.test(line) && !line.startsWith('| item'))
    .map((line) => {
      const [checkId = '', groups = ''] = line
        .split('|')
        .slice(1, 3)
        .map((cell) => cell.trim());
      const names = groups === '—' ? [] : groups.split(',').map((name) => name.trim());
      return { checkId, groups: names.sort() };
    });
}

/** EXPECTED.md names groups by the part of SecurityGroupName before the first hyphen. */
function atRiskGroupsByCheck(result: AuditRunResult): Map<string, string[]> {
  if (!result.ok) throw new Error(`the audit failed: ${result.message}`);
  const byCheck = new Map<string, string[]>();
  for (const check of result.outcome.result.checks) {
    const names = check.findings
      .filter((finding) => finding.level === 'security-group' && finding.status === 'at-risk')
      .map((finding) => finding.objectName.split('-')[0] ?? finding.objectName);
    byCheck.set(check.id, [...new Set(names)].sort());
  }
  return byCheck;
}

function expectDemoResults(result: AuditRunResult): void {
  const byCheck = atRiskGroupsByCheck(result);
  for (const row of expectedTable()) {
    if (row.checkId === 'excessive-security-groups') continue; // instance-level only
    expect(byCheck.get(row.checkId), row.checkId).toEqual(row.groups);
  }
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  /** Every URL the page requested; all must be the app's own. */
  requests: string[];
  close(): Promise<void>;
}

async function launchApp(extraArgs: string[] = []): Promise<LaunchedApp> {
  if (!existsSync(mainEntry))
    throw new Error(`${relative(projectRoot, mainEntry)} is missing: run \`npm run build\` first`);
  const profile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-'));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'ELECTRON_RUN_AS_NODE')
      env[key] = value;
  }
  // A fresh profile (userData follows XDG_CONFIG_HOME on Linux): no audits from an earlier run.
  env['XDG_CONFIG_HOME'] = profile;
  // Playwright adds --no-sandbox itself when run as root (Chromium refuses its OS sandbox there);
  // the app's own options (sandboxed, isolated renderer) stay as they are.
  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [mainEntry, ...extraArgs],
    cwd: projectRoot,
    env,
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.waitForLoadState('domcontentloaded');
  return {
    app,
    page,
    requests,
    async close() {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function onlyAppRequests(requests: string[]): string[] {
  return requests.filter(
    (url) => !url.startsWith('app://sg-audit/') && !url.startsWith('devtools://'),
  );
}

test.describe('SG Audit in Electron', () => {
  let launched: LaunchedApp;

  test.afterEach(async () => {
    await launched?.close();
  });

  test('starts hardened: app:// page, no Node in the page, only the named host functions', async () => {
    launched = await launchApp();
    const { page } = launched;
    expect(page.url()).toBe('app://sg-audit/index.html');
    await expect(page).toHaveTitle('SG Audit');

    const surface = await page.evaluate(() => ({
      keys: Object.keys((globalThis as unknown as AppWindow).sgAudit ?? {}).sort(),
      kind: (globalThis as unknown as AppWindow).sgAudit?.kind,
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
    }));
    expect(surface).toEqual({
      keys: [
        'auditFiles',
        'cancelAudit',
        'chooseExportFiles',
        'kind',
        'launchFiles',
        'saveFile',
        'saveReport',
      ],
      kind: 'electron',
      require: 'undefined',
      process: 'undefined',
    });

    // The page names a dialog kind, never a path: anything else is refused before any dialog.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as AppWindow).sgAudit?.chooseExportFiles?.('/etc' as never).then(
        () => 'accepted',
        (error: Error) => error.message,
      ),
    );
    expect(refused).toMatch(/Refused files:choose: invalid arguments/);

    // Nothing leaves the machine: the request is cancelled (and CSP forbids it before that).
    const outcome = await page.evaluate(() =>
      fetch('https://example.com/collect').then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as AppWindow).open('https://example.com/') === null,
      ),
    ).toBe(true);
    expect(page.url()).toBe('app://sg-audit/index.html');
  });

  test('audits the demo export held by the renderer, with progress, in main’s worker', async () => {
    launched = await launchApp();
    const files = filesUnder(demoExport).map((path) => ({
      name: relative(join(demoExport, '..'), path).split('\\').join('/'),
      bytes: [...readFileSync(path)],
    }));
    const { result, progress, imported } = await launched.page.evaluate(async (plainFiles) => {
      const host = (globalThis as unknown as AppWindow).sgAudit;
      if (host === undefined) throw new Error('window.sgAudit is missing');
      let progressEvents = 0;
      let importedFiles = 0;
      const runResult = await host.auditFiles(
        plainFiles.map((file) => ({ name: file.name, bytes: new Uint8Array(file.bytes) })),
        { onProgress: () => (progressEvents += 1), onFileImported: () => (importedFiles += 1) },
      );
      return { result: runResult, progress: progressEvents, imported: importedFiles };
    }, files);
    expect(imported).toBe(files.length);
    expect(progress).toBeGreaterThan(files.length);
    expectDemoResults(result);
    expect(onlyAppRequests(launched.requests)).toEqual([]);
  });

  test('the folder given on the command line opens in a new audit’s import review, once', async () => {
    launched = await launchApp([demoExport]);
    const { page } = launched;
    await expect(page.getByTestId('audit-title')).toHaveText('Command line import: alibaba-demo');
    await expect(page.getByTestId('import-modal')).toBeVisible();
    await expect(page.getByTestId('import-summary')).toBeVisible();
    await expect(page.getByTestId('summary-new-files')).toHaveText(
      String(filesUnder(demoExport).length),
    );
    await expect(page.getByTestId('summary-errors')).toHaveText('0');
    // Read once: a reload of the window does not import the same files again.
    const again = await page.evaluate(
      () => (globalThis as unknown as AppWindow).sgAudit?.launchFiles?.() ?? null,
    );
    expect(again).toEqual([]);
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();
    await expect(page.getByTestId('summary-strip')).toBeVisible();
  });

  test('Open folder… fills the import review with the chosen export’s files', async () => {
    launched = await launchApp();
    const { app, page } = launched;
    // The native dialog cannot be driven; main's dialog is stubbed to answer with the demo folder
    // and to keep the options it was shown with.
    await app.evaluate(({ dialog }, folder) => {
      const shown: unknown[] = [];
      (globalThis as { dialogOptions?: unknown[] }).dialogOptions = shown;
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        shown.push(args.at(-1));
        return { canceled: false, filePaths: [folder] };
      }) as typeof dialog.showOpenDialog;
    }, demoExport);

    await page.getByTestId('new-audit').click();
    await page.getByTestId('audit-client').locator('input').fill('Demo client');
    await page.getByTestId('audit-engagement').locator('input').fill('Demo engagement');
    await page.getByTestId('audit-form-submit').click();
    await expect(page.getByTestId('audit-title')).toHaveText('Demo engagement');
    await page.getByTestId('open-import').click();
    await expect(page.getByTestId('import-modal')).toBeVisible();
    // Electron offers the native dialogs instead of the browser's pickers.
    await expect(page.getByTestId('choose-files')).toHaveCount(0);
    await page.getByTestId('open-folder').click();

    await expect(page.getByTestId('import-summary')).toBeVisible();
    const expected = filesUnder(demoExport).map((path) =>
      relative(join(demoExport, '..'), path).split('\\').join('/'),
    );
    await expect(page.getByTestId('summary-new-files')).toHaveText(String(expected.length));
    await expect(page.getByTestId('summary-errors')).toHaveText('0');
    await expect(page.getByTestId('import-entry')).toHaveCount(expected.length);
    await expect(page.getByTestId('import-entries')).toContainText(expected[0] ?? '');

    const shown = await app.evaluate(
      () => (globalThis as { dialogOptions?: { properties?: string[] }[] }).dialogOptions ?? [],
    );
    expect(shown).toHaveLength(1);
    expect(shown[0]?.properties).toContain('openDirectory');
    expect(shown[0]?.properties).not.toContain('openFile');
    expect(onlyAppRequests(launched.requests)).toEqual([]);
  });

  test('an auditor creates an audit, imports the demo export folder and sees the results', async () => {
    launched = await launchApp();
    const { page } = launched;
    await page.getByTestId('new-audit').click();
    await page.getByTestId('audit-client').locator('input').fill('Demo client');
    await page.getByTestId('audit-engagement').locator('input').fill('Demo engagement');
    await page.getByTestId('audit-form-submit').click();
    await expect(page.getByTestId('audit-title')).toHaveText('Demo engagement');

    await page.getByTestId('open-import').click();
    await expect(page.getByTestId('import-modal')).toBeVisible();
    // The folder picker (webkitdirectory): the renderer reads the bytes and audits them through the preload.
    await page.getByTestId('import-folder-input').setInputFiles(demoExport);
    await expect(page.getByTestId('import-summary')).toBeVisible();
    await expect(page.getByTestId('summary-new-files')).toHaveText(
      String(filesUnder(demoExport).length),
    );
    await expect(page.getByTestId('summary-errors')).toHaveText('0');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();

    await expect(page.getByTestId('summary-strip')).toBeVisible();
    for (const row of expectedTable()) {
      await expect(
        page.locator(`[data-testid="check-row"][data-check-id="${row.checkId}"]`),
        row.checkId,
      ).toHaveAttribute('data-status', 'at-risk');
    }
    expect(onlyAppRequests(launched.requests)).toEqual([]);
  });

  test('exports a report with one save dialog: the report, its manifest and checksum beside it', async () => {
    launched = await launchApp();
    const { app, page } = launched;
    const folder = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-report-'));
    const target = join(folder, 'chosen-name.csv');
    try {
      // The native dialog cannot be driven: main's is stubbed to answer with the target path and
      // to count how often it was shown.
      await app.evaluate(({ dialog }, path) => {
        const shown: unknown[] = [];
        (globalThis as { saveDialogs?: unknown[] }).saveDialogs = shown;
        dialog.showSaveDialog = (async (...args: unknown[]) => {
          shown.push(args.at(-1));
          return { canceled: false, filePath: path };
        }) as typeof dialog.showSaveDialog;
      }, target);

      const sample = page.getByTestId('audit-row').filter({ hasText: 'Sample audit — Demo Co.' });
      await expect(sample).toBeVisible({ timeout: 60_000 });
      await sample.getByTestId('open-audit').click();
      await expect(page.getByTestId('checks-table')).toBeVisible();
      await page.getByTestId('open-export').click();
      await page.getByTestId('export-format-csv').click();
      await page.getByTestId('export-submit').click();
      await expect(page.getByTestId('export-dialog')).toBeHidden({ timeout: 120_000 });

      const shown = await app.evaluate(
        () => (globalThis as { saveDialogs?: { defaultPath?: string }[] }).saveDialogs ?? [],
      );
      expect(shown).toHaveLength(1);
      expect(shown[0]?.defaultPath).toMatch(/Sample-audit-Demo-Co-\d{4}-\d{2}-\d{2}-en\.csv$/);
      expect(readdirSync(folder).sort()).toEqual([
        'chosen-name.csv',
        'chosen-name.csv.manifest.json',
        'chosen-name.csv.sha256',
      ]);
      const report = readFileSync(target);
      const hash = createHash('sha256').update(report).digest('hex');
      expect(readFileSync(`${target}.sha256`, 'utf8')).toBe(`${hash}  chosen-name.csv\n`);
      const manifest = JSON.parse(readFileSync(`${target}.manifest.json`, 'utf8')) as {
        report: unknown;
      };
      expect(manifest.report).toEqual({
        file: 'chosen-name.csv',
        format: 'csv',
        bytes: report.length,
        sha256: hash,
      });
      expect(onlyAppRequests(launched.requests)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
