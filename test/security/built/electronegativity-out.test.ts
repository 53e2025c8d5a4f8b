/**
 * Electronegativity on the built Electron app (main, preload, renderer bundles), after
 * `npm run build`: the bundler may write what the sources did not say, and this is what ships.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeFindings,
  readAllowlist,
  scanWithElectronegativity,
  staleEntries,
  unexplainedFindings,
  type AllowlistEntry,
  type Finding,
} from '../electronegativity';
import { electronBuildFolder, requireBuilt } from './build-folders';

describe('Electronegativity on the built Electron app (out/)', () => {
  let findings: Finding[] = [];
  let allowlist: AllowlistEntry[] = [];

  beforeAll(async () => {
    requireBuilt(join(electronBuildFolder, 'main', 'index.js'), 'npm run build');
    allowlist = await readAllowlist();
    findings = await scanWithElectronegativity(electronBuildFolder, 'out');
  }, 300_000);

  it('read the bundles (it reports the window it finds in out/main/index.js)', () => {
    expect(
      findings.some(
        (item) => item.file === 'out/main/index.js' && item.sample.includes('new BrowserWindow'),
      ),
      describeFindings(findings),
    ).toBe(true);
  });

  it('finds no HIGH or MEDIUM issue that electronegativity-allowlist.json does not explain', () => {
    expect(describeFindings(unexplainedFindings(findings, allowlist))).toBe('');
  });

  it('every out/ entry of the allowlist still explains a finding', () => {
    expect(staleEntries(findings, allowlist, 'out')).toEqual([]);
  });
});
