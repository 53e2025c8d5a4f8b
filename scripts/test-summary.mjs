// Prints one "suite: N passed, N failed, N skipped" line from a vitest or Playwright JSON report,
// so CI logs state plainly how many tests ran. Exits non-zero when the report is missing or empty.
import { readFileSync } from 'node:fs';

const [suite, file, flag] = process.argv.slice(2);
// The Electron suite may legitimately skip everything where the binary cannot be installed.
const allowAllSkipped = flag === '--allow-all-skipped';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`${suite}: no test report at ${file} (${error.message})`);
  process.exit(1);
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (Array.isArray(report.testResults)) {
  // vitest's json reporter (jest-compatible)
  passed = report.numPassedTests;
  failed = report.numFailedTests;
  skipped = report.numPendingTests + (report.numTodoTests ?? 0);
} else if (report.stats) {
  // Playwright's json reporter
  passed = report.stats.expected + (report.stats.flaky ?? 0);
  failed = report.stats.unexpected;
  skipped = report.stats.skipped;
}
/** Why tests were skipped (Playwright annotations), so a skip is never silent. */
function skipReasons(suites, reasons = new Set()) {
  for (const child of suites ?? []) {
    for (const spec of child.specs ?? []) {
      for (const test of spec.tests ?? []) {
        for (const note of test.annotations ?? []) if (note.type === 'skip') reasons.add(note.description ?? 'no reason given');
      }
    }
    skipReasons(child.suites, reasons);
  }
  return reasons;
}
for (const reason of skipReasons(report.suites)) console.log(`${suite}: skipped: ${reason}`);
console.log(`${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || (passed + failed === 0 && !(allowAllSkipped && skipped > 0))) process.exit(1);
