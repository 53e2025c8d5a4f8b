/**
 * Hostile names are shown as text with invisible characters made visible, never obeyed; and an
 * audit with over 100,000 findings imports, stores and stays responsive.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoForeignRequestsOrPageProblems, checkRow, createAudit, screenshot, startHarness, tab, type AppHarness } from './app';
import { writeHostileExport, writeLargeExport } from './exports';

let harness: AppHarness;
let scratch: string;

test.beforeAll(async () => {
  harness = await startHarness();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test.afterEach(() => {
  expectNoForeignRequestsOrPageProblems(harness);
});

test('hostile names and descriptions are shown literally, bidi and zero-width characters visibly', async () => {
  const { context, page } = await harness.launch(join(scratch, 'profile-hostile'));
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Hostile <b>Client</b>', '{{7*7}} engagement');
  await expect(page.getByTestId('audit-title')).toHaveText('{{7*7}} engagement');

  await page.getByTestId('open-import').click();
  await page.getByTestId('import-files-input').setInputFiles(writeHostileExport(join(scratch, 'hostile')));
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-modal')).toBeHidden();
  await expect(checkRow(page, 'exposed-all-ports').getByTestId('count-groups')).toHaveText('1');

  await tab(page, 'groups').click();
  const row = page.locator('[data-testid="group-row"][data-object-id="sg-e2ehostile0001"]');
  await expect(row).toContainText('⟪U+202E⟫gnp.exe <img src=x onerror=alert(1)>');
  await row.locator('.n-data-table-expand-trigger').click();
  const details = page.getByTestId('group-details');
  await expect(details).toContainText('{{constructor.constructor("alert(1)")()}} @:x ⟪U+200B⟫hidden');
  await expect(details).toContainText('</script><script>alert(1)</script> =HYPERLINK("x")');
  // Nothing was turned into markup.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.locator('body').innerHTML()).not.toContain('\u202E');
  await screenshot(page, '20-hostile-names');

  await tab(page, 'instances').click();
  await expect(page.locator('[data-testid="instance-row"][data-object-id="i-e2ehostile01"]')).toContainText('evil⟪U+202E⟫exe.txt');
  await context.close();
});

test('over 100,000 findings: import, results, fixing details and search work, rendering only visible rows', async () => {
  test.setTimeout(600_000);
  const instances = 7_000; // × 15 port items = 105,000 instance findings
  const { context, page } = await harness.launch(join(scratch, 'profile-large'));
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Large Co.', 'Large audit');

  await page.getByTestId('open-import').click();
  await page.getByTestId('import-files-input').setInputFiles(writeLargeExport(join(scratch, 'large'), instances));
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 300_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-modal')).toBeHidden({ timeout: 300_000 });

  await expect(checkRow(page, 'exposed-all-ports').getByTestId('count-instances')).toHaveText(String(instances));
  await expect(checkRow(page, 'exposed-ssh-22').getByTestId('count-instances')).toHaveText(String(instances));
  await expect(page.getByTestId('count-instances')).toHaveCount(16);

  await checkRow(page, 'exposed-ssh-22').getByTestId('open-details').click();
  const servers = page.getByTestId('instance-findings');
  await expect(servers.getByTestId('finding-row').first()).toBeVisible();
  // Virtualised: only the visible rows exist in the DOM.
  expect(await servers.getByTestId('finding-row').count()).toBeLessThan(100);

  await servers.locator('input').first().fill('node-006999');
  await expect(servers.getByTestId('finding-row')).toHaveCount(1);
  await servers.getByTestId('finding-row').scrollIntoViewIfNeeded();
  await screenshot(page, '21-large-fixing-details');
  // Cleared, the whole list is back, still virtualised.
  await servers.locator('input').first().fill('');
  await expect(servers).toContainText(`${instances} / ${instances}`);
  await expect(servers.getByTestId('finding-row').first()).toHaveAttribute('data-object-id', 'i-e2elarge000000');
  expect(await servers.getByTestId('finding-row').count()).toBeLessThan(100);
  await page.keyboard.press('Escape');

  await tab(page, 'instances').click();
  await expect(page.getByTestId('instance-row').first()).toBeVisible();
  expect(await page.getByTestId('instance-row').count()).toBeLessThan(100);
  await page.getByTestId('instance-search').locator('input').fill('198.18.27.');
  await expect(page.getByTestId('instance-row').first()).toContainText('198.18.27.');
  await screenshot(page, '22-large-instances');

  await context.close();
});

test('a full disk fails the import with a clear message and stores nothing', async () => {
  const profile = join(scratch, 'profile-quota');
  let { context, page } = await harness.launch(profile);
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Quota Co.', 'Quota audit');
  await expect(page.getByTestId('audit-title')).toHaveText('Quota audit');
  await context.close();

  // Restart with no room left: Chromium applies a quota override from the origin's first use.
  ({ context, page } = await harness.launch(profile, async (session) => {
    const cdp = await session.context.newCDPSession(session.page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: harness.server.origin, quotaSize: 1 });
  }));
  await page.getByTestId('audit-row').filter({ hasText: 'Quota audit' }).getByTestId('open-audit').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-folder-input').setInputFiles(join(process.cwd(), 'test/fixtures/alibaba-demo'));
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('import-commit').click();
  const failure = page.getByTestId('import-failed');
  await expect(failure).toBeVisible({ timeout: 60_000 });
  await expect(failure).toContainText('storage for this app is full');
  await screenshot(page, '23-storage-full');
  await page.getByTestId('import-cancel').click();
  await context.close();

  // Back with normal quota: nothing of the failed import was kept.
  ({ context, page } = await harness.launch(profile));
  await page.getByTestId('audit-row').filter({ hasText: 'Quota audit' }).getByTestId('open-audit').click();
  await expect(page.getByTestId('audit-title')).toHaveText('Quota audit');
  await expect(page.getByTestId('results-tab')).toBeVisible();
  await expect(page.getByTestId('checks-table')).toHaveCount(0);
  await tab(page, 'imports').click();
  await expect(page.getByTestId('file-row')).toHaveCount(0);
  await context.close();
});
