/**
 * The auditor's journey in a real Chromium against the built web app, offline:
 * sample audit on first start → new audit → folder import → every expected result → fixing details
 * → switch an item off → browser restart keeps it all → a broken file changes nothing → delete.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expectNoForeignRequestsOrPageProblems, auditRow, checkRow, screenshot as shot, startHarness, tab, type AppHarness } from './app';

const demoFolder = resolve('test/fixtures/alibaba-demo');

/** EXPECTED.md: at-risk security groups / at-risk instances for each item. */
const expected: Record<string, [number, number]> = {
  'exposed-ssh-22': [2, 2],
  'exposed-rdp-3389': [1, 1],
  'exposed-db2-50000': [1, 1],
  'exposed-elasticsearch-9200-9300': [3, 3],
  'exposed-yarn-8088': [2, 2],
  'exposed-hadoop-50070-50030': [1, 1],
  'exposed-mongodb-27017': [1, 1],
  'exposed-mysql-3306': [2, 3],
  'exposed-oracle-1521': [2, 2],
  'exposed-postgresql-5432': [1, 1],
  'exposed-redis-6379': [2, 2],
  'exposed-sqlserver-1433': [1, 1],
  'exposed-spark-6066': [1, 1],
  'exposed-splunk-8089-8090': [2, 2],
  'exposed-all-ports': [1, 1],
  'excessive-security-groups': [0, 1],
};

let harness: AppHarness;
let profile: string;
let scratch: string;

test.beforeAll(async () => {
  harness = await startHarness();
  profile = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-profile-'));
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-files-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

async function expectAllResults(page: Page, disabled: string[] = []): Promise<void> {
  for (const [id, [groups, instances]] of Object.entries(expected)) {
    const row = checkRow(page, id);
    if (disabled.includes(id)) {
      await expect(row).toHaveAttribute('data-status', 'disabled');
      continue;
    }
    await expect(row, id).toHaveAttribute('data-status', 'at-risk');
    await expect(row.getByTestId('count-groups'), `${id} groups`).toHaveText(String(groups));
    await expect(row.getByTestId('count-instances'), `${id} instances`).toHaveText(String(instances));
  }
}

test('auditor journey: sample, import, results, details, switches, restart, broken file, delete', async () => {
  let { context, page } = await harness.launch(profile);

  await test.step('first start shows the sample audit', async () => {
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible({ timeout: 60_000 });
    await shot(page, '01-audits-first-start');
    await auditRow(page, 'Sample audit — Demo Co.').getByTestId('open-audit').click();
    await expect(page.getByTestId('checks-table')).toBeVisible();
    await expectAllResults(page);
    await shot(page, '02-sample-results');
  });

  await test.step('create a new audit', async () => {
    await page.getByTestId('home').click();
    await page.getByTestId('new-audit').click();
    await page.getByTestId('audit-client').locator('input').fill('Example Client Ltd.');
    await page.getByTestId('audit-engagement').locator('input').fill('E2E audit {{x}} @:y');
    await page.getByTestId('audit-auditor').locator('input').fill('Tester');
    await shot(page, '03-new-audit-form');
    await page.getByTestId('audit-form-submit').click();
    await expect(page.getByTestId('audit-title')).toHaveText('E2E audit {{x}} @:y');
    await shot(page, '04-new-audit-empty');
  });

  await test.step('import the demo export as a folder, review, save', async () => {
    await page.getByTestId('open-import').click();
    await expect(page.getByTestId('drop-zone')).toBeVisible();
    await shot(page, '05-import-drop-zone');
    await page.getByTestId('import-folder-input').setInputFiles(demoFolder);
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('summary-new-files')).toHaveText('12');
    await expect(page.getByTestId('import-entry')).toHaveCount(12);
    await expect(page.locator('[data-testid="import-entry"][data-status="imported"]')).toHaveCount(12);
    await shot(page, '06-import-review');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();
    await expectAllResults(page);
    await shot(page, '07-results');
  });

  await test.step('fixing details of exposed-ssh-22', async () => {
    await checkRow(page, 'exposed-ssh-22').getByTestId('open-details').click();
    const drawer = page.getByTestId('fixing-details');
    await expect(drawer).toBeVisible();
    const groups = drawer.getByTestId('group-findings');
    await expect(groups.locator('[data-testid="finding-row"][data-object-id="sg-uf6demolegacy000005"]')).toBeVisible();
    await expect(groups.locator('[data-testid="finding-row"][data-object-id="sg-uf6demoweb000000001"]')).toBeVisible();
    await expect(groups.getByTestId('finding-row')).toHaveCount(2);
    const servers = drawer.getByTestId('instance-findings');
    const web01 = servers.locator('[data-testid="finding-row"][data-object-id="i-uf6demoweb01"]');
    const legacy = servers.locator('[data-testid="finding-row"][data-object-id="i-uf6demolegacy1"]');
    await expect(web01).toContainText('web-01');
    await expect(web01).toContainText('203.0.113.21');
    await expect(legacy).toContainText('legacy-erp');
    await expect(servers.getByTestId('finding-row')).toHaveCount(2);
    await expect(servers).not.toContainText('web-02');
    await expect(servers).not.toContainText('i-uf6demoweb02');
    // Public-IP instances first.
    await expect(servers.getByTestId('finding-row').first()).toHaveAttribute('data-object-id', 'i-uf6demoweb01');
    await shot(page, '08-fixing-details-ssh');
    await servers.scrollIntoViewIfNeeded();
    await shot(page, '08b-fixing-details-ssh-servers');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('security groups, instances and imported files views', async () => {
    await tab(page, 'groups').click();
    await expect(page.getByTestId('group-row')).toHaveCount(9);
    await page.getByTestId('group-search').locator('input').fill('web');
    await page.locator('[data-testid="group-row"][data-object-id="sg-uf6demoweb000000001"] .n-data-table-expand-trigger').click();
    await expect(page.getByTestId('group-details')).toBeVisible();
    await shot(page, '09-security-groups');

    await tab(page, 'instances').click();
    await expect(page.getByTestId('instance-row')).toHaveCount(9);
    await page.getByTestId('instance-search').locator('input').fill('web-02');
    await expect(page.getByTestId('instance-row')).toHaveCount(1);
    await page.locator('[data-testid="instance-row"] .n-data-table-expand-trigger').click();
    const details = page.getByTestId('instance-details');
    await expect(details).toBeVisible();
    // "Why is web-02 not flagged for SSH?": its merged rules include baseline's Drop.
    await expect(details).toContainText('sg-uf6demobaseline0006');
    await shot(page, '10-instances-web-02');

    await tab(page, 'imports').click();
    await expect(page.getByTestId('file-row')).toHaveCount(12);
    await shot(page, '11-imported-files');
    await tab(page, 'results').click();
  });

  await test.step('switch an item off', async () => {
    await checkRow(page, 'exposed-rdp-3389').getByTestId('check-toggle').click();
    await expect(checkRow(page, 'exposed-rdp-3389')).toHaveAttribute('data-status', 'disabled');
    await expect(checkRow(page, 'exposed-rdp-3389').getByTestId('count-groups')).toHaveText('0');
    await shot(page, '12-item-switched-off');
  });

  await test.step('Chinese UI and dark theme', async () => {
    await page.getByTestId('language-select').click();
    await page.getByText('简体中文', { exact: true }).click();
    await expect(tab(page, 'results')).toHaveText('检查结果');
    await page.getByTestId('theme-toggle').click();
    await shot(page, '13-results-zh-dark');
  });

  await test.step('restart the browser: audit, import and switch are still there', async () => {
    await context.close();
    ({ context, page } = await harness.launch(profile));
    // Preferences survive too.
    await expect(page.getByTestId('audits-view')).toContainText('审计');
    await page.getByTestId('language-select').click();
    await page.getByText('English', { exact: true }).click();
    await page.getByTestId('theme-toggle').click();
    await expect(auditRow(page, 'E2E audit {{x}} @:y')).toBeVisible();
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toBeVisible();
    await auditRow(page, 'E2E audit {{x}} @:y').getByTestId('open-audit').click();
    await expectAllResults(page, ['exposed-rdp-3389']);
    await shot(page, '14-after-restart');
  });

  await test.step('a broken file shows its error and changes nothing', async () => {
    const broken = join(scratch, 'broken.json');
    writeFileSync(broken, '{\n  "RequestId": "x",\n  "SecurityGroups": { "SecurityGroup": [ { "SecurityGroupId": "sg-1", } ] }\n');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-files-input').setInputFiles(broken);
    await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('nothing-to-store')).toBeVisible();
    await expect(page.getByTestId('import-commit')).toBeDisabled();
    const issues = page.getByTestId('import-issues');
    await expect(issues.getByTestId('issue-row').first()).toContainText('broken.json');
    await expect(issues.getByTestId('issue-row').first()).toContainText(/\d+:\d+/);
    await expect(page.locator('[data-testid="import-entry"][data-status="unusable"]')).toHaveCount(1);
    await shot(page, '15-broken-file');
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();
    await expectAllResults(page, ['exposed-rdp-3389']);
    await tab(page, 'imports').click();
    await expect(page.getByTestId('file-row')).toHaveCount(12);
    await tab(page, 'results').click();
  });

  await test.step('edit an audit', async () => {
    await page.getByTestId('home').click();
    await auditRow(page, 'E2E audit {{x}} @:y').getByTestId('edit-audit').click();
    await page.getByTestId('audit-auditor').locator('input').fill('Second Tester');
    await page.getByTestId('audit-form-submit').click();
    await expect(auditRow(page, 'E2E audit {{x}} @:y')).toContainText('Second Tester');
  });

  await test.step('delete an audit', async () => {
    await auditRow(page, 'Sample audit — Demo Co.').getByTestId('delete-audit').click();
    await shot(page, '16-delete-confirm');
    await page.getByTestId('confirm-delete').click();
    await expect(auditRow(page, 'Sample audit — Demo Co.')).toHaveCount(0);
    await expect(auditRow(page, 'E2E audit {{x}} @:y')).toBeVisible();
    await shot(page, '17-after-delete');
  });

  await context.close();
  expectNoForeignRequestsOrPageProblems(harness);
});
