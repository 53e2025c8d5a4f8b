#!/usr/bin/env node
// Thin launcher: the bundle is built by `npm install` / `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/sg-audit.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('sg-audit: the CLI is not built yet; run `npm run build:cli` in the project folder\n');
  process.exit(2);
}
await import(bundle.href);
