/** Promises of reliability.md that are about what main's code never does, checked on its source. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const mainDir = import.meta.dirname;
const sources = readdirSync(mainDir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(join(mainDir, name), 'utf8') }));

describe('main process sources', () => {
  it.each([
    ['shell.openExternal', /openExternal/],
    ['the crash reporter', /crashReporter/],
    ['auto-update', /autoUpdater|electron-updater/],
    ['parsing client JSON', /JSON\.parse/],
    ['the net module or fetch', /\bnet\b\s*[,}]|\bfetch\(|['"](node:)?(https?|net)['"]/],
    ['file:// pages', /loadFile\(|['"`]file:\/\//],
    ['sandbox: false', /sandbox:\s*false/],
  ])('never use %s', (_what, pattern) => {
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(source.text, source.name).not.toMatch(pattern);
  });

  it('create every window in window.ts, whose options window.test.ts pins', () => {
    const creators = sources.filter((source) =>
      /new\s+(BrowserWindow|BrowserView|WebContentsView|BaseWindow)\b/.test(source.text),
    );
    expect(creators.map((source) => source.name)).toEqual(['window.ts']);
    const window = creators[0]?.text ?? '';
    expect(window.match(/new\s+BrowserWindow\s*\(/g)).toHaveLength(1);
    expect(window).not.toMatch(/BrowserView|WebContentsView|BaseWindow/);
  });
});
