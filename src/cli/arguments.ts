/** Parses and validates the CLI's arguments; every mistake is a one-line reason (exit 2). */
import { parseArgs } from 'node:util';
import type { RiskLevel } from '../shared/audit/result';
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
  /** The engagement, for the PDF cover, the JSON `audit` block and the manifest ('' when not given). */
  audit: { name: string; client: string; engagement: string; auditor: string };
}

export type CliArguments = ScanArguments | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {}

function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function validTimestamp(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--generated-at must be an ISO 8601 date and time (got "${value}")`);
  return new Date(time).toISOString();
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
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return { command: 'help' };
  if (command !== 'scan') throw new UsageError(`unknown command "${command}" (try: sg-audit scan <paths…>)`);
  if (paths.length === 0) throw new UsageError('scan needs at least one file or folder');
  const knownIds = new Set(checkCatalogue.map((check) => check.id));
  const disabledChecks = (values.disable ?? []).flatMap((value) => value.split(',')).filter((id) => id !== '');
  for (const id of disabledChecks) {
    if (!knownIds.has(id)) throw new UsageError(`--disable: unknown check id "${id}"`);
  }
  const format = oneOf<RenderFormat>('format', values.format, ['json', 'csv', 'pdf'], 'json');
  const out = values.out ?? null;
  if (format === 'pdf' && out === null) throw new UsageError('--format pdf writes a binary file: give --out FILE');
  if (out === '') throw new UsageError('--out needs a file name');
  return {
    command: 'scan',
    paths,
    format,
    out,
    disabledChecks: [...new Set(disabledChecks)],
    language: oneOf<Language>('lang', values.lang, ['en', 'zh'], 'en'),
    failOn: values['fail-on'] === undefined ? null : oneOf<RiskLevel>('fail-on', values['fail-on'], ['high', 'medium', 'low'], 'high'),
    generatedAt: validTimestamp(values['generated-at']),
    quiet: values.quiet === true,
    audit: {
      name: values['audit-name'] ?? '',
      client: values.client ?? '',
      engagement: values.engagement ?? '',
      auditor: values.auditor ?? '',
    },
  };
}

export const usage = `sg-audit — offline audit of Alibaba Cloud security groups

Usage:
  sg-audit scan <file|folder|zip>… [options]

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
  -h, --help               this text
  -v, --version            the version

Exit codes: 0 scan done, 1 findings at or above --fail-on, 2 unusable input or arguments.
`;
