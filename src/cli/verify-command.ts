/**
 * `sg-audit verify <report> [manifest]`: re-hashes a saved report, its findings (JSON) and the
 * inputs it was made from, and compares them with the provenance written beside it. Exit 0 when
 * everything matches, 1 on any mismatch, 2 when the report or manifest cannot be used.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { baseName } from '../shared/report/provenance';
import {
  inputsToLocate,
  parseChecksumFile,
  parseManifest,
  ProvenanceFormatError,
  verifyProvenance,
  type ChecksumLine,
  type ObservedInput,
  type ProvenanceVerification,
  type VerificationItem,
} from '../shared/report/verify-provenance';
import type { VerifyArguments } from './arguments';
import { exitCodes } from './exit-code';
import { candidatePaths, locateInput } from './input-locations';

export interface VerifyEnvironment {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** The folder relative input paths were most likely given from (the current one). */
  workingFolder: string;
}

/** The report or manifest cannot be used: exit 2 with this one line. */
class UnusableInputError extends Error {}

function reason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

async function readRequired(path: string, what: string): Promise<Uint8Array> {
  try {
    if (!(await stat(path)).isFile())
      throw new UnusableInputError(`${path}: ${what} is not a regular file`);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof UnusableInputError) throw error;
    throw new UnusableInputError(`${path}: cannot read ${what}: ${reason(error)}`);
  }
}

function utf8(bytes: Uint8Array, path: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UnusableInputError(`${path}: ${what} is not UTF-8 text`);
  }
}

/** `<report>.sha256` beside the report, when there is one. */
async function readChecksum(
  reportPath: string,
): Promise<{ name: string; line: ChecksumLine } | null> {
  const path = `${reportPath}.sha256`;
  try {
    await stat(path);
  } catch {
    return null;
  }
  const text = utf8(await readRequired(path, 'the checksum file'), path, 'the checksum file');
  return { name: path, line: parseChecksumFile(text, path, baseName(reportPath)) };
}

async function observeInputs(
  args: VerifyArguments,
  manifestPath: string,
  inputs: ReturnType<typeof inputsToLocate>,
  workingFolder: string,
): Promise<ObservedInput[]> {
  const given = args.inputFolders.length > 0;
  const folders = given ? args.inputFolders : [dirname(manifestPath), workingFolder];
  const observed: ObservedInput[] = [];
  for (const input of inputs) {
    const candidates = candidatePaths(input.path, folders, !given);
    const found = await locateInput(candidates, input.sha256);
    if (found === null) {
      observed.push({ path: input.path, found: null });
      continue;
    }
    // Named as the manifest names it when it is where the manifest says, else by its full path.
    const where =
      resolve(workingFolder, input.path) === found.location ? input.path : found.location;
    observed.push({ path: input.path, found: { ...found, location: where } });
  }
  return observed;
}

async function verify(
  args: VerifyArguments,
  env: VerifyEnvironment,
): Promise<ProvenanceVerification> {
  const manifestPath = args.manifest ?? `${args.report}.manifest.json`;
  const reportBytes = await readRequired(args.report, 'the report');
  const manifestBytes = await readRequired(manifestPath, 'the manifest').catch((error: unknown) => {
    if (args.manifest !== null || !(error instanceof UnusableInputError)) throw error;
    throw new UnusableInputError(
      `${error.message} (give the manifest as the second argument if it is elsewhere)`,
    );
  });
  const manifest = parseManifest(utf8(manifestBytes, manifestPath, 'the manifest'), manifestPath);
  const checksum = await readChecksum(args.report);
  const inputs = await observeInputs(
    args,
    manifestPath,
    inputsToLocate(manifest),
    env.workingFolder,
  );
  return verifyProvenance({
    report: { name: args.report, bytes: reportBytes },
    manifest,
    checksum,
    inputs,
    inputsExpected: args.inputFolders.length > 0,
  });
}

const statusWords: Record<VerificationItem['status'], string> = {
  ok: 'ok',
  changed: 'CHANGED',
  missing: 'MISSING',
  'not-checked': 'not checked',
};

function itemLine(item: VerificationItem): string {
  return `${statusWords[item.status].padEnd(11)} ${item.subject.padEnd(8)} ${item.name}: ${item.detail}`;
}

function verdictLine(verification: ProvenanceVerification): string {
  const { items } = verification;
  const bad = items.filter((item) => item.status === 'changed' || item.status === 'missing');
  if (bad.length > 0) {
    const named = bad.map((item) => `${item.subject} ${item.name} ${item.status}`).join('; ');
    return `TAMPERED: ${bad.length} of ${items.length} items do not match the manifest: ${named}`;
  }
  const has = (subject: VerificationItem['subject']): boolean =>
    items.some((item) => item.subject === subject && item.status === 'ok');
  const matched = [
    'the report',
    ...(has('checksum') ? ['its checksum'] : []),
    ...(has('findings') ? ['its findings hash'] : []),
  ];
  const inputs = items.filter((item) => item.subject === 'input');
  const unchecked = inputs.filter((item) => item.status === 'not-checked').length;
  const inputPart =
    unchecked > 0
      ? `; ${unchecked} inputs were not found, so not checked (--inputs FOLDER says where they are)`
      : `; ${inputs.length} of ${inputs.length} inputs match`;
  const listed =
    matched.length > 1
      ? `${matched.slice(0, -1).join(', ')} and ${matched[matched.length - 1]}`
      : matched[0];
  return `verified: ${listed} match the manifest${inputPart}`;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((done, fail) => stream.write(text, (error) => (error ? fail(error) : done())));
}

export async function runVerify(args: VerifyArguments, env: VerifyEnvironment): Promise<number> {
  let verification: ProvenanceVerification;
  try {
    verification = await verify(args, env);
  } catch (error) {
    if (!(error instanceof UnusableInputError || error instanceof ProvenanceFormatError))
      throw error;
    if (args.format === 'json') {
      await write(
        env.stdout,
        `${JSON.stringify({ verdict: 'unusable', reason: error.message }, null, 2)}\n`,
      );
    }
    env.stderr.write(`sg-audit: ${error.message}\n`);
    return exitCodes.unusableInput;
  }
  const code = verification.verdict === 'verified' ? exitCodes.done : exitCodes.mismatch;
  if (args.format === 'json') {
    const document = {
      verdict: verification.verdict,
      report: args.report,
      manifest: args.manifest ?? `${args.report}.manifest.json`,
      items: verification.items,
    };
    await write(env.stdout, `${JSON.stringify(document, null, 2)}\n`);
  } else {
    await write(
      env.stdout,
      [...verification.items.map(itemLine), verdictLine(verification)].join('\n') + '\n',
    );
  }
  return code;
}
