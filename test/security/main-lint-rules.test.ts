/**
 * The ESLint rules that keep main (and the Node worker and CLI it shares code with) off the
 * network, pinned by linting small probes as if they were files there: remove a rule from
 * eslint.config.js and its probe passes, failing this test.
 */
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('main may not reach the network', () => {
  it.each([
    ["import http from 'node:http';", 'no-restricted-imports'],
    ["import { request } from 'https';", 'no-restricted-imports'],
    ["import { connect } from 'node:net';", 'no-restricted-imports'],
    ["import { connect } from 'node:tls';", 'no-restricted-imports'],
    ["import { fetch } from 'undici';", 'no-restricted-imports'],
    ["import { net } from 'electron';", 'no-restricted-imports'],
    ["import { autoUpdater } from 'electron';", 'no-restricted-imports'],
    ["import { crashReporter } from 'electron';", 'no-restricted-imports'],
    ["export const sent = fetch('https://example.com/');", 'no-restricted-globals'],
    [
      "import { shell } from 'electron';\nexport const opened = shell.openExternal('https://example.com/');",
      'no-restricted-properties',
    ],
  ])('%s is an error in src/main and src/node', async (code, rule) => {
    for (const filePath of ['src/main/probe.ts', 'src/node/probe.ts']) {
      expect(await ruleIds(`${code}\nexport {};\n`, filePath), filePath).toContain(rule);
    }
  });

  it('what main does use is allowed (the probes fail for their network use, not for being probes)', async () => {
    const code =
      "import { readFile } from 'node:fs/promises';\nimport { app, dialog } from 'electron';\n" +
      'export const used = [readFile, app, dialog];\n';
    expect(await ruleIds(code, 'src/main/probe.ts')).toEqual([]);
  });
});
