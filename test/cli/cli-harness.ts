/** Runs the real `sg-audit` launcher (bin/ → dist/cli bundle) as a child process. */
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const demoExport = `${projectRoot}test/fixtures/alibaba-demo`;

/** Builds dist/cli, unless the global setup (test/cli/build-cli.global-setup.ts) already did for this run. */
export function buildCli(): void {
  if (process.env.SG_AUDIT_CLI_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: projectRoot });
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, ['bin/sg-audit.mjs', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
