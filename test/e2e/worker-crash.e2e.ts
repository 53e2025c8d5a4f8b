/**
 * The audit Web Worker dies in the middle of an import: the import modal says so (naming the file
 * it was importing), the audit keeps exactly what it had, and the next import works.
 *
 * How the worker is made to die: no input can do it on purpose (the worker catches every error
 * of the audit core and answers `failed`; the importer's limits keep a file from exhausting its
 * heap, and in Chromium a worker that does run out of heap takes the whole tab down, which no page
 * code can catch). So the test throws an uncaught exception inside the real production worker
 * through the DevTools protocol (Playwright's `Worker.evaluate`): the browser then does exactly
 * what it does for any crashing worker script (an `error` event on the Worker), and the app has no
 * test hook and no test build. The exception is thrown by a message listener added to the worker
 * that fires when the large file of the second import reaches it: the crash is inside that
 * import on every run, not at a moment a timer happened to hit.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAudit, screenshot, startHarness, tab, type AppHarness } from './app';
import { writeHostileExport, writeLargeExport } from './exports';

// The worker global used inside worker.evaluate, declared here so the Node project needs no DOM library.
declare const self: {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

const demoFolder = resolve('test/fixtures/alibaba-demo');
const crashMessage = 'simulated crash of the audit worker';

let harness: AppHarness;
let scratch: string;

test.beforeAll(async () => {
  harness = await startHarness();
  scratch = mkdtempSync(join(tmpdir(), 'sg-audit-e2e-crash-'));
});

test.afterAll(async () => {
  await harness?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What the auditor sees of an audit: its results table and its list of imported files. */
async function auditState(page: Page): Promise<{ results: string; files: string[] }> {
  await tab(page, 'results').click();
  const results = await page.getByTestId('checks-table').innerText();
  await tab(page, 'imports').click();
  const files = await page.getByTestId('file-row').allInnerTexts();
  await tab(page, 'results').click();
  return { results, files };
}

async function importAndCommit(page: Page, pick: () => Promise<void>): Promise<void> {
  await page.getByTestId('open-import').click();
  await pick();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 120_000 });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-modal')).toBeHidden({ timeout: 60_000 });
}

test('a worker that dies mid-import: a clear error, the audit untouched, the next import works', async () => {
  const { context, page } = await harness.launch(join(scratch, 'profile'));
  await expect(page.getByTestId('audit-row').first()).toBeVisible({ timeout: 60_000 });
  await createAudit(page, 'Crash Co.', 'Worker crash');
  await importAndCommit(page, () =>
    page.getByTestId('import-folder-input').setInputFiles(demoFolder),
  );
  const before = await auditState(page);
  expect(before.files).toHaveLength(12);

  await test.step('the worker dies while importing', async () => {
    // The worker that audited the demo stays for the next import: arm it to crash when the large
    // file reaches it, so the crash lands inside the import however fast the machine is.
    const workers = page.workers().filter((worker) => worker.url().includes('audit.worker'));
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      await worker.evaluate(
        ({ fileName, message }) => {
          self.addEventListener('message', (event) => {
            // The page hands the worker its files unread, in batches ('file-blobs').
            const data = event.data as { type?: unknown; files?: { name?: unknown }[] } | null;
            const arrives = data?.type === 'file-blobs' && (data.files ?? []).some((file) => file.name === fileName);
            // Thrown from an event listener: nothing in the worker can catch it.
            if (arrives) throw new Error(message);
          });
        },
        { fileName: 'DescribeInstances.json', message: crashMessage },
      );
    }
    await page.getByTestId('open-import').click();
    await page
      .getByTestId('import-files-input')
      .setInputFiles(writeLargeExport(join(scratch, 'large'), 7000));
    const failed = page.getByTestId('import-failed');
    await expect(failed).toBeVisible({ timeout: 30_000 });
    await expect(failed).toContainText('The import failed. The audit is unchanged.');
    await expect(failed).toContainText(
      `The audit worker stopped: Uncaught Error: ${crashMessage}.`,
    );
    await expect(failed).toContainText(/It was importing \S+\.json \(file \d+ of 15\)\./);
    await screenshot(page, '30-import-worker-crashed');
  });

  await test.step('the audit is exactly as before', async () => {
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-modal')).toBeHidden();
    expect(await auditState(page)).toEqual(before);
  });

  await test.step('the next import starts a new worker and succeeds', async () => {
    await importAndCommit(page, () =>
      page
        .getByTestId('import-files-input')
        .setInputFiles(writeHostileExport(join(scratch, 'hostile'))),
    );
    const after = await auditState(page);
    expect(after.files).toHaveLength(15);
    expect(after.results).not.toEqual(before.results);
    await screenshot(page, '31-import-after-worker-crash');
  });

  await context.close();
  expect(harness.foreignRequests, 'requests that left the app origin').toEqual([]);
  // The crash itself is the only problem the page may have seen.
  expect(
    harness.pageProblems.filter((problem) => !problem.includes(crashMessage)),
    'page errors, console errors, dialogs',
  ).toEqual([]);
});
