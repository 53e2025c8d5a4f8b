/**
 * The web host's path: the same shared renderer in a real browser Web Worker (Debian's Chromium),
 * with pdfmake's browser build and the fonts fetched from the app's own origin. Nothing else may
 * be requested. Chromium is required: without it this test fails, it never skips.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { defaultFontDirectory, fontFileNames } from '../../src/node/pdf-engine';
import { demoDocument, pdfToText, squeeze, temporaryDirectory } from './harness';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The part of the browser's Worker used in the page (this file is type-checked without the DOM library). */
interface PageWorker {
  onmessage: ((event: { data: { ok: boolean; message?: string; pdf?: Uint8Array } }) => void) | null;
  onerror: ((event: { message: string }) => void) | null;
  postMessage(message: unknown): void;
}
const origin = 'https://app.test';

describe('a PDF made in a browser Web Worker', () => {
  it('uses pdfmake’s browser build and the app’s own fonts, and holds the Chinese names', async () => {
    if (!existsSync(chromiumPath)) throw new Error(`Chromium is missing at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    const bundle = await build({
      entryPoints: [new URL('./browser-worker.mjs', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    const workerScript = bundle.outputFiles[0]?.text ?? '';
    const fonts = defaultFontDirectory();
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    const foreign: string[] = [];
    try {
      const context = await browser.newContext();
      await context.route('**/*', async (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) {
          foreign.push(url.href);
          return route.abort();
        }
        if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>worker</title>' });
        if (url.pathname === '/worker.js') return route.fulfill({ contentType: 'text/javascript', body: workerScript });
        const font = Object.values(fontFileNames).find((name) => url.pathname === `/fonts/${name}`);
        if (font !== undefined) return route.fulfill({ contentType: 'font/ttf', body: readFileSync(join(fonts, font)) });
        return route.fulfill({ status: 404, body: '' });
      });
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const document = await demoDocument({ language: 'zh' });
      const result = await page.evaluate(
        async ({ document }) =>
          await new Promise<{ ok: boolean; message?: string; base64?: string }>((resolve) => {
            const WorkerClass = (globalThis as unknown as { Worker: new (url: string) => PageWorker }).Worker;
            const worker = new WorkerClass('/worker.js');
            worker.onmessage = (event) => {
              const { ok, message, pdf } = event.data;
              if (!ok || pdf === undefined) return resolve({ ok: false, message: message ?? 'no PDF' });
              let binary = '';
              for (let index = 0; index < pdf.length; index += 0x8000) binary += String.fromCharCode(...pdf.subarray(index, index + 0x8000));
              resolve({ ok: true, base64: btoa(binary) });
            };
            worker.onerror = (event) => resolve({ ok: false, message: event.message });
            worker.postMessage({ document, language: 'zh' });
          }),
        { document },
      );
      expect(result.message).toBeUndefined();
      expect(result.ok).toBe(true);
      const path = join(temporaryDirectory('browser'), 'report.pdf');
      writeFileSync(path, Buffer.from(result.base64 ?? '', 'base64'));
      const text = squeeze(pdfToText(path));
      for (const expected of ['安全组公网暴露审计报告', '浏览器测试', 'legacy-遗留系统', 'i-uf6demolegacy1', ...document.inputs.map((input) => input.sha256)]) {
        expect(text.includes(expected), expected).toBe(true);
      }
      expect(foreign).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
