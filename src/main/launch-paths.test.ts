import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchPathsFromArgv } from './launch-paths';

const cwd = resolve('/home/auditor');

describe('launchPathsFromArgv', () => {
  it('takes every argument of a packaged app as an input, resolved against the cwd', () => {
    expect(
      launchPathsFromArgv({
        argv: ['/opt/SG Audit/sg-audit-app', 'export', '/data/b.zip'],
        defaultApp: false,
        cwd,
      }),
    ).toEqual([resolve(cwd, 'export'), resolve('/data/b.zip')]);
  });

  it('ignores Electron, Chromium, Node and macOS switches', () => {
    const argv = [
      '/opt/sg-audit-app',
      '--no-sandbox',
      '--inspect=0',
      '--remote-debugging-port=0',
      '-psn_0_12345',
      'export',
    ];
    expect(launchPathsFromArgv({ argv, defaultApp: false, cwd })).toEqual([resolve(cwd, 'export')]);
  });

  it('skips the app path when run as `electron <app> …`', () => {
    const argv = [
      '/usr/bin/electron',
      '--inspect=0',
      'out/main/index.js',
      'test/fixtures/alibaba-demo',
    ];
    expect(launchPathsFromArgv({ argv, defaultApp: true, cwd })).toEqual([
      resolve(cwd, 'test/fixtures/alibaba-demo'),
    ]);
  });

  it('skips the module of `-r` in development (how Playwright starts Electron)', () => {
    const argv = [
      '/usr/bin/electron',
      '-r',
      '/pw/loader.js',
      '--inspect=0',
      'out/main/index.js',
      'export',
    ];
    expect(launchPathsFromArgv({ argv, defaultApp: true, cwd })).toEqual([resolve(cwd, 'export')]);
  });

  it('takes everything after `--` literally', () => {
    expect(
      launchPathsFromArgv({ argv: ['/opt/app', '--', '-odd-name.json'], defaultApp: false, cwd }),
    ).toEqual([resolve(cwd, '-odd-name.json')]);
  });

  it('gives nothing without arguments', () => {
    expect(launchPathsFromArgv({ argv: ['/opt/app'], defaultApp: false, cwd })).toEqual([]);
    expect(
      launchPathsFromArgv({ argv: ['/usr/bin/electron', '.'], defaultApp: true, cwd }),
    ).toEqual([]);
  });
});
