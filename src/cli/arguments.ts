/** Parses and validates the CLI's arguments; every mistake is a one-line reason (exit 2). */
import { parseArgs } from 'node:util';
import type { RiskLevel } from '../shared/audit/result';
import { defaultWorkerHeapMb } from '../node/worker-host';
import { checkCatalogue } from '../shared/checks/registry';
import type { Language } from '../shared/checks/types';
import type { RenderFormat } from '../shared/report/render';

export interface ScanArguments {
  command: 'scan';
  paths: string[];
  format: RenderFormat;
  out: string | null;
  disabledChecks: string[];
  language: Language;
  failOn: RiskLevel | null;
  generatedAt: string;
  quiet: boolean;
  /** Heap ceiling of the audit worker in MB (`--max-memory`); null: the worker host's default. */
  maxMemoryMb: number | null;
  /** The engagement, for the PDF cover, the JSON `audit` block and the manifest ('' when not given). */
  audit: { name: string; client: string; engagement: string; auditor: string };
}

/** `sg-audit verify <report> [manifest]`: the report, manifest and inputs against their recorded hashes. */
export interface VerifyArguments {
  command: 'verify';
  report: string;
  /** Null: `<report>.manifest.json`, where `--out` and the app write it. */
  manifest: string | null;
  /** Folders to look for the manifest's inputs in (`--inputs`, repeatable); empty: beside the manifest and here. */
  inputFolders: string[];
  format: 'text' | 'json';
}

export type CliArguments =
  ScanArguments | VerifyArguments | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

function oneOf<T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function validTimestamp(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time))
    throw new UsageError(`--generated-at must be an ISO 8601 date and time (got "${value}")`);
  return new Date(time).toISOString();
}

function memoryLimit(value: string | undefined): number | null {
  if (value === undefined) return null;
  const megabytes = Number(value);
  if (!/^\d+$/.test(value) || megabytes < 16 || megabytes > 65536) {
    throw new UsageError(
      `--max-memory must be a whole number of megabytes from 16 to 65536 (got "${value}")`,
    );
  }
  return megabytes;
}

export function parseCliArguments(argv: readonly string[]): CliArguments {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      disable: { type: 'string', multiple: true },
      lang: { type: 'string' },
      'fail-on': { type: 'string' },
      'generated-at': { type: 'string' },
      client: { type: 'string' },
      engagement: { type: 'string' },
      auditor: { type: 'string' },
      'audit-name': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'max-memory': { type: 'string' },
      inputs: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command === 'verify') return verifyArguments(values, paths);
  if (command !== 'scan')
    throw new UsageError(
      `unknown command "${command}" (try: sg-audit scan <paths…> or sg-audit verify <report>)`,
    );
  if (values.inputs !== undefined)
    throw new UsageError('--inputs is an option of verify, not of scan');
  if (paths.length === 0) throw new UsageError('scan needs at least one file or folder');
  const knownIds = new Set(checkCatalogue.map((check) => check.id));
  const disabledChecks = (values.disable ?? [])
    .flatMap((value) => value.split(','))
    .filter((id) => id !== '');
  for (const id of disabledChecks) {
    if (!knownIds.has(id)) throw new UsageError(`--disable: unknown check id "${id}"`);
  }
  const format = oneOf<RenderFormat>('format', values.format, ['json', 'csv', 'pdf'], 'json');
  const out = values.out ?? null;
  if (format === 'pdf' && out === null)
    throw new UsageError('--format pdf writes a binary file: give --out FILE');
  if (out === '') throw new UsageError('--out needs a file name');
  return {
    command: 'scan',
    paths,
    format,
    out,
    disabledChecks: [...new Set(disabledChecks)],
    language: oneOf<Language>('lang', values.lang, ['en', 'zh'], 'en'),
    failOn:
      values['fail-on'] === undefined
        ? null
        : oneOf<RiskLevel>('fail-on', values['fail-on'], ['high', 'medium', 'low'], 'high'),
    generatedAt: validTimestamp(values['generated-at']),
    quiet: values.quiet === true,
    maxMemoryMb: memoryLimit(values['max-memory']),
    audit: {
      name: values['audit-name'] ?? '',
      client: values.client ?? '',
      engagement: values.engagement ?? '',
      auditor: values.auditor ?? '',
    },
  };
}

/** The options verify takes; every other one is a mistake worth saying (it would be silently ignored). */
const verifyOptions = new Set(['format', 'inputs', 'help', 'version']);

function verifyArguments(values: Record<string, unknown>, paths: string[]): VerifyArguments {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !verifyOptions.has(name))
      throw new UsageError(`--${name} is an option of scan, not of verify`);
  }
  const [report, manifest, ...extra] = paths;
  if (report === undefined || report === '')
    throw new UsageError('verify needs the report file (sg-audit verify <report> [manifest])');
  if (extra.length > 0)
    throw new UsageError(
      `verify takes one report and at most one manifest (got also "${extra.join('", "')}")`,
    );
  const inputFolders = values.inputs as string[] | undefined;
  if (inputFolders?.some((folder) => folder === ''))
    throw new UsageError('--inputs needs a folder');
  return {
    command: 'verify',
    report,
    manifest: manifest ?? null,
    inputFolders: inputFolders ?? [],
    format: oneOf<'text' | 'json'>(
      'format',
      values.format as string | undefined,
      ['text', 'json'],
      'text',
    ),
  };
}

export const usage = `sg-audit — offline audit of Alibaba Cloud security groups

Usage:
  sg-audit scan <file|folder|zip>… [options]
  sg-audit verify <report> [manifest] [--inputs FOLDER]… [--format text|json]

Options:
  --format json|csv|pdf    output format (default json); pdf needs --out
  -o, --out FILE           write the output to FILE instead of standard output, with
                           FILE.manifest.json and FILE.sha256 beside it (provenance)
  --client NAME            client, for the report cover and the manifest
  --engagement NAME        engagement, likewise
  --auditor NAME           auditor, likewise
  --audit-name NAME        audit name (the CSV's audit_name column)
  --disable ID             switch a check off (repeatable, or comma-separated)
  --lang en|zh             language of the report, titles and suggestions (default en)
  --fail-on high|medium|low  exit 1 when an enabled check of that risk or higher is at risk
  --generated-at ISO       fixed timestamp, for reproducible output
  -q, --quiet              no progress bar and no warning lines on standard error
  --max-memory MB          heap limit of the audit worker (default ${defaultWorkerHeapMb}); above it the scan
                           stops with exit 2 and says which file it was importing
  -h, --help               this text
  -v, --version            the version

Exit codes: 0 scan done, 1 findings at or above --fail-on, 2 unusable input or arguments.

verify re-hashes a saved report and compares it with <report>.manifest.json (or the manifest
given) and <report>.sha256 when present; for a JSON report it also recomputes the findings hash.
It re-hashes every input the manifest lists that it can find (beside the manifest, in the current
folder, or in the --inputs folders): each is ok, changed or missing. Inputs count once one of them
is found or --inputs is given; without the export they are listed as not checked.
  --inputs FOLDER          where the exported files are (repeatable)
  --format text|json       one line per item and a verdict (default), or a JSON document
Exit codes: 0 verified, 1 a mismatch (the report, its findings or an input changed, or an input
is missing), 2 unusable input (no report, an unreadable or malformed manifest or checksum).
`;
