/**
 * Backup and restore in a real Chromium, offline: import the demo export into an audit, switch an
 * item off, export a JSON report (its activity summary), back up every audit (a download), lose
 * the site's data, restore from the file (a confirmation shows what is replaced), and find the very
 * same results, the activity log continued and verified. Then a hand-edited backup and a backup of
 * another storage version are refused, naming the file, and the audits stay as they are.
 */
import { expect, test, type Download, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { auditRow, checkRow, createAudit, screenshot as shot, startHarness, tab, type AppHarness } from './app';

const demoFolder = resolve('test/fixtures/alibaba-demo');
const engagement = 'Backup e2e — 安全组审计';

let harness: AppHarness;
let profile: string;
let scratch: string;

test.beforeAll(async () => {
  harness = await startHarness();
  profile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-backup-profile-'));
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-backup-files-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

async function saveDownloads(downloads: Download[], from: number, count: number): Promise<string[]> {
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(from + count);
  const paths: string[] = [];
  for (const download of downloads.slice(from)) {
    expect(await download.failure()).toBeNull();
    const path = join(scratch, download.suggestedFilename());
    await download.saveAs(path);
    paths.push(path);
  }
  return paths;
}

async function resultsText(page: Page): Promise<string> {
  await expect(page.getByTestId('checks-table')).toBeVisible();
  return page.getByTestId('checks-table').innerText();
}

async function openAudit(page: Page, name: string): Promise<void> {
  await page.getByTestId('home').click();
  await auditRow(page, name).getByTestId('open-audit').click();
  await expect(page.getByTestId('checks-table')).toBeVisible();
}

test('back up all audits, lose the site data, restore them identical; tampered and other-version backups are refused', async () => {
  const { context, page } = await harness.launch(profile);
  const downloads: Download[] = [];
  page.on('download', (download) => downloads.push(download));
  let results = '';
  let backupPath = '';

  await test.step('an audit with the demo export, one item switched off, a JSON report', async () => {
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible({ timeout: 60_000 });
    await createAudit(page, 'Backup Client Ltd.', engagement);
    await expect(page.getByTestId('audit-title')).toHaveText(engagement);
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-folder-input').setInputFiles(demoFolder);
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();
    await checkRow(page, 'exposed-rdp-3389').getByTestId('check-toggle').click();
    await expect(checkRow(page, 'exposed-rdp-3389')).toHaveAttribute('data-status', 'disabled');
    results = await resultsText(page);

    await page.getByTestId('open-export').click();
    await page.getByTestId('export-format-json').click();
    const before = downloads.length;
    await page.getByTestId('export-submit').click();
    const [json] = await saveDownloads(downloads, before, 3);
    const report = JSON.parse(readFileSync(json!, 'utf8')) as { schemaVersion: string; activity: { entries: number; chainVerified: boolean; headHash: string; byKind: Record<string, number> } };
    expect(report.schemaVersion).toBe('1.2.0');
    expect(report.activity).toMatchObject({ entries: 3, chainVerified: true, byKind: { create: 1, import: 1, toggle: 1, export: 0 } });

    await tab(page, 'activity').click();
    await expect(page.getByTestId('activity-chain')).toHaveAttribute('data-verified', 'yes');
    const rows = page.getByTestId('activity-row');
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toHaveAttribute('data-kind', 'export');
    // The report carried the head before its own export was logged: the entry before it.
    await expect(page.locator('[data-testid="activity-row"][data-seq="3"]')).toHaveAttribute('data-kind', 'toggle');
    await expect(page.getByTestId('activity-head')).not.toHaveText(report.activity.headHash);
    await shot(page, '40-activity-tab');
  });

  await test.step('storage status and a backup of every audit (a download)', async () => {
    await page.getByTestId('home').click();
    const panel = page.getByTestId('storage-panel');
    await panel.scrollIntoViewIfNeeded();
    await expect(page.getByTestId('storage-status')).not.toHaveAttribute('data-persistence', 'unknown');
    await expect(page.getByTestId('storage-usage')).toContainText('available to this app');
    await shot(page, '41-storage-panel');
    const before = downloads.length;
    await page.getByTestId('backup-all').click();
    backupPath = (await saveDownloads(downloads, before, 1))[0] ?? '';
    expect(backupPath).toMatch(/sg-audit-backup-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8')) as { format: string; schemaVersion: number; audits: { engagement: string }[] };
    expect(backup).toMatchObject({ format: 'sg-audit-backup', schemaVersion: 4 });
    expect(backup.audits.map((audit) => audit.engagement).sort()).toEqual([engagement, 'Sample audit — Demo Co.'].sort());
  });

  await test.step('the site data is cleared: only a new sample audit is left', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: harness.server.origin, storageTypes: 'indexeddb' });
    await page.reload();
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible({ timeout: 60_000 });
    await expect(auditRow(page, engagement)).toHaveCount(0);
  });

  await test.step('restore from the file: the confirmation shows what is replaced, the results are identical', async () => {
    await page.getByTestId('restore-file').setInputFiles(backupPath);
    const dialog = page.getByTestId('restore-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId('restore-incoming')).toHaveCount(2);
    await expect(dialog.getByTestId('restore-replaced')).toHaveCount(1);
    await expect(dialog.getByTestId('restore-replaced')).toContainText('Sample audit — Demo Co.');
    await shot(page, '42-restore-confirm');
    await page.getByTestId('confirm-restore').click();
    await expect(dialog).toBeHidden({ timeout: 60_000 });
    await expect(page.getByTestId('audit-row')).toHaveCount(2);
    await openAudit(page, engagement);
    expect(await resultsText(page)).toBe(results);
    await expect(checkRow(page, 'exposed-rdp-3389')).toHaveAttribute('data-status', 'disabled');
    await tab(page, 'activity').click();
    await expect(page.getByTestId('activity-chain')).toHaveAttribute('data-verified', 'yes');
    await expect(page.getByTestId('activity-row')).toHaveCount(5);
    await expect(page.getByTestId('activity-row').first()).toHaveAttribute('data-kind', 'restore');
    await shot(page, '43-activity-after-restore');
  });

  await test.step('a hand-edited backup is refused and the audits stay', async () => {
    const text = readFileSync(backupPath, 'utf8');
    const at = text.lastIndexOf('Backup Client Ltd.');
    expect(at).toBeGreaterThan(text.indexOf(',"payload":'));
    const edited = join(scratch, 'edited-backup.json');
    writeFileSync(edited, `${text.slice(0, at)}Backup CLIENT Ltd.${text.slice(at + 'Backup Client Ltd.'.length)}`);
    await page.getByTestId('home').click();
    await page.getByTestId('restore-file').setInputFiles(edited);
    const problem = page.getByTestId('storage-problem');
    await expect(problem).toContainText('edited-backup.json was changed after it was made');
    await expect(problem).toContainText('Nothing was restored');
    await expect(page.getByTestId('restore-dialog')).toHaveCount(0);
    await problem.scrollIntoViewIfNeeded();
    await shot(page, '44-restore-refused');

    const older = join(scratch, 'older-backup.json');
    writeFileSync(older, text.replace('"schemaVersion":4', '"schemaVersion":1'));
    await page.getByTestId('restore-file').setInputFiles(older);
    await expect(problem).toContainText('older-backup.json holds storage format 1');

    await expect(page.getByTestId('audit-row')).toHaveCount(2);
    await openAudit(page, engagement);
    expect(await resultsText(page)).toBe(results);
  });

  await test.step('the same screens in Chinese', async () => {
    await page.getByTestId('language-select').click();
    await page.getByText('简体中文', { exact: true }).click();
    await tab(page, 'activity').click();
    await expect(page.getByTestId('activity-chain')).toContainText('哈希链已验证');
    await shot(page, '45-activity-tab-zh');
    await page.getByTestId('home').click();
    await expect(page.getByTestId('storage-panel')).toContainText('存储与备份');
    await shot(page, '46-storage-panel-zh');
  });

  expect(harness.foreignRequests).toEqual([]);
  expect(harness.pageProblems).toEqual([]);
  await context.close();
});

/** The v1 fixture database (test/fixtures/db) as plain rows, raw bytes as base64, for the page. */
function v1Seed(): { name: string; keyPath: string | string[]; indexes: { name: string; keyPath: string | string[] }[]; rows: unknown[] }[] {
  const fixture = JSON.parse(readFileSync(resolve('test/fixtures/db/sg-audit-v1.dexie.json'), 'utf8')) as {
    data: { tables: { name: string; schema: string }[]; data: { tableName: string; rows: Record<string, unknown>[] }[] };
  };
  const keyPathOf = (source: string): string | string[] => (source.startsWith('[') ? source.slice(1, -1).split('+') : source);
  return fixture.data.tables.map((table) => {
    const [primary, ...indexes] = table.schema.split(',').map((part) => part.trim());
    const rows = (fixture.data.data.find((data) => data.tableName === table.name)?.rows ?? []).map((row) => {
      const { $types, ...plain } = row as { $types?: Record<string, string> } & Record<string, unknown>;
      if ($types?.bytes === 'uint8array2') return { ...plain, bytes: { base64: (plain.bytes as { buffer: string }).buffer } };
      return plain;
    });
    return { name: table.name, keyPath: keyPathOf(primary!), indexes: indexes.map((index) => ({ name: index, keyPath: keyPathOf(index) })), rows };
  });
}

/** The few IndexedDB types the page code below uses (the Node project has no DOM library). */
interface PageRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface PageDatabase {
  version: number;
  objectStoreNames: Iterable<string>;
  createObjectStore(name: string, options: { keyPath: string | string[] }): {
    createIndex(name: string, keyPath: string | string[]): void;
    add(value: unknown): void;
  };
  transaction(store: string): { objectStore(name: string): { count(): PageRequest<number> } };
  close(): void;
}
interface PageOpenRequest extends PageRequest<PageDatabase> {
  onupgradeneeded: (() => void) | null;
}
interface PageGlobals {
  indexedDB: { open(name: string, version?: number): PageOpenRequest };
  atob(data: string): string;
}

/** In the page: creates the database exactly as version 1 of the app (Dexie version 1 = IndexedDB 10) left it. */
async function seedV1(page: Page): Promise<void> {
  await page.evaluate(async (tables) => {
    const { indexedDB, atob } = globalThis as unknown as PageGlobals;
    await new Promise<void>((resolveSeed, reject) => {
      const request = indexedDB.open('sg-audit', 10);
      request.onupgradeneeded = () => {
        for (const table of tables) {
          const store = request.result.createObjectStore(table.name, { keyPath: table.keyPath });
          for (const index of table.indexes) store.createIndex(index.name, index.keyPath);
          for (const row of table.rows as Record<string, unknown>[]) {
            const bytes = row.bytes as { base64: string } | undefined;
            store.add(bytes === undefined ? row : { ...row, bytes: Uint8Array.from(atob(bytes.base64), (char) => char.charCodeAt(0)) });
          }
        }
      };
      request.onsuccess = () => {
        request.result.close();
        resolveSeed();
      };
      request.onerror = () => reject(request.error);
    });
  }, v1Seed());
}

/** What is on disk, read with IndexedDB itself. */
async function storedDatabase(page: Page): Promise<{ version: number; stores: string[]; audits: number }> {
  return page.evaluate(
    () =>
      new Promise((resolveRead, reject) => {
        const { indexedDB } = globalThis as unknown as PageGlobals;
        const request = indexedDB.open('sg-audit');
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('audits').objectStore('audits').count();
          count.onsuccess = () => {
            resolveRead({ version: db.version, stores: [...db.objectStoreNames].sort(), audits: count.result });
            db.close();
          };
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('upgrade from a v1 database: a full disk fails it with a clear message and loses nothing; then it succeeds', async () => {
  const upgradeProfile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-upgrade-profile-'));
  try {
    // 1. Version 1 of the app stored two audits (the app itself does not run: index.html is held back).
    let { context, page } = await harness.launch(upgradeProfile, async (session) => {
      const placeholder = (title: string) => ({ contentType: 'text/html', body: `<!doctype html><title>${title}</title>` });
      await session.page.route('**/seed', (route) => route.fulfill(placeholder('seeding')));
      await session.page.route('**/index.html', (route) => route.fulfill(placeholder('seeded')));
      await session.page.goto(`${harness.server.origin}/seed`);
      await seedV1(session.page);
    });
    await expect(page).toHaveTitle('seeded');
    await context.close();

    // 2. The new version opens it with no room left: the upgrade fails, the UI says so plainly.
    ({ context, page } = await harness.launch(upgradeProfile, async (session) => {
      const cdp = await session.context.newCDPSession(session.page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.server.origin, quotaSize: 1 });
    }));
    const error = page.getByTestId('storage-open-error');
    await expect(error).toBeVisible({ timeout: 60_000 });
    await expect(error).toContainText('could not be upgraded from storage format 1 to 4');
    await expect(error).toContainText('Nothing was changed');
    await expect(page.getByTestId('audits-view')).toHaveCount(0);
    await shot(page, '47-upgrade-failed');
    expect(await storedDatabase(page)).toEqual({ version: 10, stores: ['audits', 'checkSettings', 'imports', 'inputFiles', 'meta', 'results', 'snapshots'], audits: 2 });
    harness.pageProblems.length = 0; // the refused writes log console errors; expected here
    await context.close();

    // 3. With room again: upgraded, the v1 audits open with their results and a verified log.
    ({ context, page } = await harness.launch(upgradeProfile));
    await expect(auditRow(page, 'v1 fixture — 安全组审计')).toBeVisible({ timeout: 60_000 });
    await expect(auditRow(page, 'v1 fixture — nothing imported')).toBeVisible();
    await expect(page.getByTestId('audit-row')).toHaveCount(2);
    await openAudit(page, 'v1 fixture — 安全组审计');
    await expect(checkRow(page, 'exposed-ssh-22')).toHaveAttribute('data-status', 'disabled');
    await expect(checkRow(page, 'exposed-rdp-3389')).toHaveAttribute('data-status', 'at-risk');
    await tab(page, 'activity').click();
    await expect(page.getByTestId('activity-chain')).toHaveAttribute('data-verified', 'yes');
    await expect(page.getByTestId('activity-row')).toHaveCount(1);
    await expect(page.getByTestId('activity-row').first()).toHaveAttribute('data-kind', 'upgrade');
    await shot(page, '48-upgraded-activity');
    expect((await storedDatabase(page)).stores).toContain('activity');
    expect(harness.foreignRequests).toEqual([]);
    expect(harness.pageProblems).toEqual([]);
    await context.close();
  } finally {
    rmSync(upgradeProfile, { recursive: true, force: true });
  }
});
