#!/bin/sh
# The project's test command (README, CI): unit and CLI tests, the browser end-to-end journey in
# Debian's Chromium, checks of the built app, and the Electron end-to-end journey (skipped, saying
# why, without the binary).
# Each suite ends with one "suite: N passed, N failed, N skipped" line.
status=0
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1
node scripts/test-summary.mjs unit test-results/unit.json || status=1

npm run -s build:web || status=1
npx playwright test || status=1
node scripts/test-summary.mjs e2e test-results/e2e.json || status=1

npm run -s build || status=1
# The built app: both index.html files' CSP, and Electronegativity on the bundles (test/security/built).
npx vitest run -c vitest.built.config.ts --reporter=default --reporter=json --outputFile.json=test-results/built.json || status=1
node scripts/test-summary.mjs built test-results/built.json || status=1
npx playwright test -c playwright.electron.config.ts || status=1
node scripts/test-summary.mjs electron test-results/electron-e2e.json --allow-all-skipped || status=1
exit $status
