/**
 * Electronegativity on the sources (src/), in the unit suite. The same scan of the built app (out/)
 * runs after `npm run build`, in test/security/built/ (vitest.built.config.ts, scripts/test.sh).
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  csvHeader,
  csvRecords,
  describeFindings,
  parseElectronegativityCsv,
  readAllowlist,
  scanWithElectronegativity,
  staleEntries,
  unexplainedFindings,
  type AllowlistEntry,
  type Finding,
} from './electronegativity';

const finding = (overrides: Partial<Finding>): Finding => ({
  check: 'SANDBOX_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src/main/window.ts',
  location: '15:17',
  sample: 'new BrowserWindow({',
  description: 'Use sandbox for untrusted origins',
  ...overrides,
});
const entry = (overrides: Partial<AllowlistEntry>): AllowlistEntry => ({
  check: 'SANDBOX_JS_CHECK',
  file: 'src/main/window.ts',
  reason: 'x'.repeat(60),
  ...overrides,
});

describe('reading the CSV and applying the allowlist', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and N/A', () => {
    const text =
      `${csvHeader}\n` +
      'CSP_GLOBAL_CHECK,"LOW","TENTATIVE","/r/src/main/a.ts","66:4",N/A,"Failed, it ""may"" not be valid.",https://x/CSP\n' +
      'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","/r/src/main/w.ts","3:1","new BrowserWindow({\n  a: 1","Disable nodeIntegration",https://x/N\n';
    expect(parseElectronegativityCsv(text, 'report.csv', '/r/src', 'src')).toEqual([
      {
        check: 'CSP_GLOBAL_CHECK',
        severity: 'LOW',
        confidence: 'TENTATIVE',
        file: 'src/main/a.ts',
        location: '66:4',
        sample: 'N/A',
        description: 'Failed, it "may" not be valid.',
      },
      {
        check: 'NODE_INTEGRATION_JS_CHECK',
        severity: 'HIGH',
        confidence: 'FIRM',
        file: 'src/main/w.ts',
        location: '3:1',
        sample: 'new BrowserWindow({\n  a: 1',
        description: 'Disable nodeIntegration',
      },
    ]);
  });

  it('refuses a file whose header is not the first line (the writer’s header/row race)', () => {
    const garbled = `${csvHeader}\n:0","default-src 'none'","One or more CSP directives",https://x\n`;
    expect(() => parseElectronegativityCsv(garbled, 'report.csv', '/r', 'src')).toThrow(
      /report\.csv: finding 1: not a finding/,
    );
    expect(() => parseElectronegativityCsv(':0","x"\n', 'report.csv', '/r', 'src')).toThrow(
      /report\.csv:1: not Electronegativity's CSV header/,
    );
    expect(() => csvRecords('A,"open', 'report.csv')).toThrow(
      'report.csv: a quoted field is not closed',
    );
  });

  it('refuses an unknown severity', () => {
    const text = `${csvHeader}\nX_CHECK,"SEVERE","FIRM","/r/a.ts","1:1","s","d",u\n`;
    expect(() => parseElectronegativityCsv(text, 'r.csv', '/r', 'src')).toThrow(
      /unknown severity "SEVERE"/,
    );
  });

  it('fails HIGH and MEDIUM findings the allowlist does not name, by check and file', () => {
    const findings = [
      finding({}),
      finding({ severity: 'HIGH', check: 'CONTEXT_ISOLATION_JS_CHECK' }),
      finding({ file: 'src/main/other.ts' }),
      finding({ severity: 'LOW', check: 'CSP_GLOBAL_CHECK' }),
      finding({ severity: 'INFORMATIONAL', check: 'OPEN_EXTERNAL_JS_CHECK' }),
    ];
    const allowlist = [entry({})];
    expect(unexplainedFindings(findings, allowlist)).toEqual([findings[1], findings[2]]);
    expect(describeFindings([findings[1]!])).toBe(
      'HIGH CONTEXT_ISOLATION_JS_CHECK src/main/window.ts:15:17 new BrowserWindow({',
    );
  });

  it('names allowlist entries of the scanned tree that no longer match anything', () => {
    const allowlist = [
      entry({}),
      entry({ check: 'AUXCLICK_JS_CHECK' }),
      entry({ file: 'out/main/index.js' }),
    ];
    expect(staleEntries([finding({})], allowlist, 'src')).toEqual([allowlist[1]]);
  });

  it('the allowlist file is valid: check, file and a reason of at least 60 characters', async () => {
    const allowlist = await readAllowlist();
    expect(allowlist.length).toBeGreaterThan(0);
    for (const item of allowlist) expect(item.file).toMatch(/^(src|out)\//);
  });
});

describe('Electronegativity on src/', () => {
  let findings: Finding[] = [];
  let allowlist: AllowlistEntry[] = [];

  beforeAll(async () => {
    allowlist = await readAllowlist();
    findings = await scanWithElectronegativity(resolve('src'), 'src');
  }, 180_000);

  it('read the sources (it reports the renderer’s index.html CSP, a LOW note for its inline styles)', () => {
    expect(
      findings.some(
        (item) => item.check === 'CSP_GLOBAL_CHECK' && item.file === 'src/renderer/index.html',
      ),
      describeFindings(findings),
    ).toBe(true);
  });

  it('finds no HIGH or MEDIUM issue that electronegativity-allowlist.json does not explain', () => {
    expect(describeFindings(unexplainedFindings(findings, allowlist))).toBe('');
  });

  it('every src/ entry of the allowlist still explains a finding', () => {
    expect(staleEntries(findings, allowlist, 'src')).toEqual([]);
  });
});
