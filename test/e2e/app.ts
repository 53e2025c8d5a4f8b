/**
 * Shared end-to-end plumbing: the loopback static server for out/web, Chromium launched with the
 * offline flags, and a record of every request that tried to leave the app's origin.
 */
import { chromium, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumArgs } from '../../playwright.config';
import { startStaticServer, type StaticServer } from './static-server';

export const screenshotFolder = resolve('test-results/screenshots');

export interface AppSession {
  context: BrowserContext;
  page: Page;
}

export interface AppHarness {
  server: StaticServer;
  /** URLs that were not the app's own origin (each was refused). */
  foreignRequests: string[];
  /** Uncaught exceptions, console errors (CSP violations among them) and dialogs opened. */
  pageProblems: string[];
  /**
   * A persistent profile (same dir = same IndexedDB across restarts). `beforeNavigate` runs before
   * the app is loaded (e.g. to set a storage quota, which Chromium applies from first use).
   */
  launch(profileDirectory: string, beforeNavigate?: (session: AppSession) => Promise<void>): Promise<AppSession>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<AppHarness> {
  const server = await startStaticServer(process.env.SG_WEB_OUT ?? 'out/web');
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];
  mkdirSync(screenshotFolder, { recursive: true });

  async function launch(
    profileDirectory: string,
    beforeNavigate?: (session: AppSession) => Promise<void>,
  ): Promise<AppSession> {
    const context = await chromium.launchPersistentContext(profileDirectory, {
      executablePath: '/usr/bin/chromium',
      args: chromiumArgs,
      headless: true,
      viewport: { width: 1440, height: 900 },
    });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`)) return route.continue();
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    context.on('request', (request) => {
      const url = request.url();
      // data: and blob: never touch the network; everything else must be the app's origin.
      if (!url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        foreignRequests.push(url);
      }
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageProblems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`console: ${message.text()}`);
    });
    page.on('dialog', async (dialog) => {
      pageProblems.push(`dialog: ${dialog.message()}`);
      await dialog.dismiss();
    });
    await beforeNavigate?.({ context, page });
    await page.goto(`${server.origin}/index.html`);
    return { context, page };
  }

  return { server, foreignRequests, pageProblems, launch, close: () => server.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350); // let transitions settle so the picture shows the finished screen
  await page.screenshot({ path: join(screenshotFolder, `${name}.png`) });
}

export function checkRow(page: Page, id: string) {
  return page.locator(`[data-testid="check-row"][data-check-id="${id}"]`);
}

/** Naive UI tabs carry their pane name as data-name. */
export function tab(page: Page, name: string) {
  return page.locator(`.n-tabs-tab[data-name="${name}"]`);
}

export function auditRow(page: Page, text: string) {
  return page.getByTestId('audit-row').filter({ hasText: text });
}

export async function createAudit(page: Page, client: string, engagement: string): Promise<void> {
  await page.getByTestId('home').click();
  await page.getByTestId('new-audit').click();
  await page.getByTestId('audit-client').locator('input').fill(client);
  await page.getByTestId('audit-engagement').locator('input').fill(engagement);
  await page.getByTestId('audit-form-submit').click();
}

/** What every end-to-end test ends with: no request left the app's origin, and the page saw no error. */
export function expectNoForeignRequestsOrPageProblems(harness: AppHarness): void {
  expect(harness.foreignRequests, 'requests that left the app origin').toEqual([]);
  expect(harness.pageProblems, 'page errors, console errors, dialogs').toEqual([]);
}
