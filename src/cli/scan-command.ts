/** `sg-audit scan`: collect inputs, run the audit in a worker thread, write the output. */
import { writeFile } from 'node:fs/promises';
import { collectInputFiles } from '../node/input-files';
import { runAuditInWorker, type InputFile } from '../node/worker-host';
import type { ImportIssue } from '../shared/model';
import type { ScanArguments } from './arguments';
import { exitCodes, hasFindingsAtOrAbove } from './exit-code';
import { createProgressBar } from './progress-bar';

export interface ScanEnvironment {
  workerUrl: URL;
  toolVersion: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const maxWarningLines = 20;

function location(issue: ImportIssue): string {
  if (issue.line !== undefined) return ` (line ${issue.line}, column ${issue.column ?? 0})`;
  if (issue.path !== undefined && issue.path !== '$') return ` (at ${issue.path})`;
  return '';
}

function isFileLevelError(issue: ImportIssue): boolean {
  return issue.severity === 'error' && (issue.path === undefined || issue.path === '$');
}

export async function runScan(args: ScanArguments, env: ScanEnvironment): Promise<number> {
  const say = (line: string): void => {
    env.stderr.write(`sg-audit: ${line}\n`);
  };
  const collected = await collectInputFiles(args.paths);
  if (collected.errors.length > 0) {
    for (const error of collected.errors) say(`${error.path}: ${error.message}`);
    return exitCodes.unusableInput;
  }
  if (collected.files.length === 0) {
    say(`no files found in ${args.paths.join(', ')}`);
    return exitCodes.unusableInput;
  }
  const files: InputFile[] = collected.files.map((path) => ({ name: path, path }));
  const progressBar = createProgressBar(env.stderr, !args.quiet);
  const fileErrors: string[] = [];
  const warnings: string[] = [];
  const output = await runAuditInWorker(
    files,
    {
      render: {
        format: args.format,
        language: args.language,
        generatedAt: args.generatedAt,
        disabledChecks: args.disabledChecks,
        tool: { name: 'sg-audit', version: env.toolVersion },
      },
    },
    { workerUrl: env.workerUrl },
    {
      onProgress: (progress) => progressBar.update(progress),
      onFileImported: (_records, issues) => {
        for (const issue of issues) {
          const line = `${issue.file}: ${issue.message}${location(issue)}`;
          (isFileLevelError(issue) ? fileErrors : warnings).push(line);
        }
      },
      onReadError: (file, message) => fileErrors.push(`${file.name}: cannot be read: ${message}`),
    },
  );
  progressBar.clear();
  if (output.kind !== 'rendered') throw new Error('the worker returned an outcome instead of rendered output');
  if (args.out === null) env.stdout.write(output.output.text);
  else await writeFile(args.out, output.output.text);

  if (!args.quiet) {
    for (const line of warnings.slice(0, maxWarningLines)) say(`warning: ${line}`);
    if (warnings.length > maxWarningLines) say(`… and ${warnings.length - maxWarningLines} more warnings in the output`);
  }
  for (const line of fileErrors) say(line);
  if (fileErrors.length > 0) return exitCodes.unusableInput;
  if (args.failOn !== null && hasFindingsAtOrAbove(output.output.checks, args.failOn)) return exitCodes.findings;
  return exitCodes.done;
}
