/** The `sg-audit` command: the same audit core as the app, for batch runs and tests. */
import packageJson from '../../package.json';
import { parseCliArguments, usage, UsageError } from './arguments';
import { exitCodes } from './exit-code';
import { runScan } from './scan-command';
import { runVerify } from './verify-command';

async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`sg-audit: ${message}\n${error instanceof UsageError ? '' : usage}`);
    return exitCodes.unusableInput;
  }
  if (args.command === 'help') {
    process.stdout.write(usage);
    return exitCodes.done;
  }
  if (args.command === 'version') {
    process.stdout.write(`${packageJson.version}\n`);
    return exitCodes.done;
  }
  if (args.command === 'verify') {
    return runVerify(args, {
      stdout: process.stdout,
      stderr: process.stderr,
      workingFolder: process.cwd(),
    });
  }
  return runScan(args, {
    workerUrl: new URL('./audit-worker.mjs', import.meta.url),
    toolVersion: packageJson.version,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sg-audit: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = exitCodes.unusableInput;
  },
);
