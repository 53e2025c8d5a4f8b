#!/bin/sh
# The project's test command (README, CI): unit and CLI tests, then the browser end-to-end tests.
# Each suite ends with one "suite: N passed, N failed, N skipped" line.
status=0
mkdir -p test-results
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json || status=1
node scripts/test-summary.mjs unit test-results/unit.json || status=1
exit $status
