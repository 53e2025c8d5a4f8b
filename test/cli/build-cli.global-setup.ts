/**
 * Vitest global setup: builds the CLI bundle once, before any test file runs. Test files run in
 * parallel; when each rebuilt dist/cli in its own beforeAll, one file's rebuild rewrote the
 * bundle while another file's tests were starting it, and those runs failed at random.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function buildCliOnce(): void {
  const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: projectRoot });
  // Inherited by the test workers, started after this: buildCli() there has nothing left to do.
  process.env.SG_AUDIT_CLI_BUILT = '1';
}
