/**
 * Where the builds under test are: `npm run build:web` writes out/web (SG_WEB_OUT elsewhere),
 * `npm run build` writes out/main, out/preload and out/renderer (SG_ELECTRON_OUT elsewhere).
 * These tests run after both builds (scripts/test.sh); a missing build is an error, not a skip.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const webBuildFolder = resolve(process.env['SG_WEB_OUT'] ?? 'out/web');
export const electronBuildFolder = resolve(process.env['SG_ELECTRON_OUT'] ?? 'out');

export function requireBuilt(path: string, command: string): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`${command}\` first`);
  return path;
}

export const builtIndexFiles = [
  {
    name: 'web host',
    path: () => requireBuilt(join(webBuildFolder, 'index.html'), 'npm run build:web'),
  },
  {
    name: 'Electron renderer',
    path: () => requireBuilt(join(electronBuildFolder, 'renderer', 'index.html'), 'npm run build'),
  },
] as const;
