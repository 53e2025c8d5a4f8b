/** `sg-audit scan`: collect inputs, run the audit in a worker thread, write the output. */
import { rename, rm, writeFile } from 'node:fs/promises';
import { collectInputFiles } from '../node/input-files';
import {
  AuditWorkerError,
  AuditWorkerOutOfMemoryError,
  runAuditInWorker,
  type InputFile,
  type RunOutput,
} from '../node/worker-host';
import type { ImportIssue } from '../shared/model';
import { buildProvenanceFiles, provenanceFilesForDigest } from '../shared/report/provenance';
import type { RenderedOutput } from '../shared/report/render';
import type { ScanArguments } from './arguments';
import { exitCodes, hasFindingsAtOrAbove } from './exit-code';
import { createProgressBar } from './progress-bar';
import { terminalSafe } from './terminal-text';

export interface ScanEnvironment {
  workerUrl: URL;
  toolVersion: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

const maxWarningLines = 20;

/** Writes and waits until the stream took it (a pipe may be slower than the worker). */
function writeToStream(stream: NodeJS.WriteStream, data: Uint8Array | string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * Writes the report and, beside it, `<out>.manifest.json` and `<out>.sha256`. Named after the
 * report (not a bare manifest.json) so that several reports can share a folder.
 */
async function writeReport(out: string, output: RenderedOutput, streamedFile: string | undefined): Promise<void> {
  if (output.written !== undefined && streamedFile !== undefined) {
    await rename(streamedFile, out);
    if (output.provenance === undefined) return;
    const files = provenanceFilesForDigest(output.provenance, output.written, out);
    await writeFile(`${out}.manifest.json`, files.manifestText);
    await writeFile(`${out}.sha256`, files.checksumText);
    return;
  }
  const bytes = output.bytes ?? new TextEncoder().encode(output.text);
  await writeFile(out, bytes);
  if (output.provenance === undefined) return;
  const files = await buildProvenanceFiles(output.provenance, bytes, out);
  await writeFile(`${out}.manifest.json`, files.manifestText);
  await writeFile(`${out}.sha256`, files.checksumText);
}

function location(issue: ImportIssue): string {
  if (issue.line === undefined || issue.message.includes(`line ${issue.line}`)) return '';
  return ` (line ${issue.line}, column ${issue.column ?? 0})`;
}

function isFileLevelError(issue: ImportIssue): boolean {
  return issue.severity === 'error' && (issue.path === undefined || issue.path === '$');
}

export async function runScan(args: ScanArguments, env: ScanEnvironment): Promise<number> {
  const say = (line: string): void => {
    env.stderr.write(`sg-audit: ${terminalSafe(line)}\n`);
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
  // A CSV report is streamed to a temporary file beside --out by the worker, then renamed.
  const streamedFile = args.out !== null && args.format === 'csv' ? `${args.out}.partial-${process.pid}` : undefined;
  let output: RunOutput;
  try {
    output = await runAuditInWorker(
      files,
      {
        render: {
          format: args.format,
          language: args.language,
          generatedAt: args.generatedAt,
          disabledChecks: args.disabledChecks,
          tool: { name: 'sg-audit', version: env.toolVersion },
          audit: args.audit,
          ...(streamedFile === undefined ? {} : { outputFile: streamedFile }),
        },
      },
      {
        workerUrl: env.workerUrl,
        ...(args.maxMemoryMb === null ? {} : { maxOldGenerationSizeMb: args.maxMemoryMb }),
      },
      {
        onProgress: (progress) => progressBar.update(progress),
        onFileImported: (_records, issues) => {
          // Messages already name the file (and the JSON path for a record).
          for (const issue of issues.filter(isFileLevelError)) fileErrors.push(`${issue.message}${location(issue)}`);
        },
        onReadError: (file, message) => fileErrors.push(`${file.name}: cannot be read: ${message}`),
      },
    );
  } catch (error) {
    progressBar.clear();
    if (streamedFile !== undefined) await rm(streamedFile, { force: true });
    if (!(error instanceof AuditWorkerError)) throw error;
    // One line: what happened and to which file; nothing is written.
    const hint =
      error instanceof AuditWorkerOutOfMemoryError
        ? '; nothing was written (--max-memory raises the limit)'
        : '; nothing was written';
    say(`${error.message}${hint}`);
    return exitCodes.unusableInput;
  }
  progressBar.clear();
  if (output.kind !== 'rendered')
    throw new Error('the worker returned an outcome instead of rendered output');
  if (args.out === null) await writeToStream(env.stdout, output.output.bytes ?? output.output.text);
  else await writeReport(args.out, output.output, streamedFile);

  // After the run rather than per file: the merge of all files finds warnings of its own.
  const warnings = output.output.warnings
    .filter((issue) => !isFileLevelError(issue))
    .map((issue) => `${issue.message}${location(issue)}`);
  if (!args.quiet) {
    for (const line of warnings.slice(0, maxWarningLines)) say(`warning: ${line}`);
    if (warnings.length > maxWarningLines)
      say(`… and ${warnings.length - maxWarningLines} more warnings in the output`);
  }
  for (const line of fileErrors) say(line);
  if (fileErrors.length > 0) return exitCodes.unusableInput;
  if (args.failOn !== null && hasFindingsAtOrAbove(output.output.checks, args.failOn))
    return exitCodes.findings;
  return exitCodes.done;
}
