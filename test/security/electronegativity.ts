/**
 * Runs Electronegativity (Doyensec's static analyser for Electron apps) on a folder and reads the
 * CSV it writes. It exits 0 whatever it finds, so the tests decide: every HIGH or MEDIUM finding
 * must be explained in electronegativity-allowlist.json, and every entry there must still match one.
 *
 * How it is run, and why:
 * - `-e <installed Electron version>`: given a folder without package.json it assumes Electron
 *   0.1.0, whose defaults (Node in the page, the remote module) are not ours.
 * - `-x AvailableSecurityFixesGlobalCheck`: that check downloads Electron's release list from
 *   GitHub; the test runs air-gapped and gives the same answer tomorrow. (Keeping Electron patched
 *   is the dependency updates' job.) The tool still tries to fetch its translations once (1 s
 *   timeout); `LANG=en-US` keeps its messages, which the error check below reads, in English.
 * - `UV_THREADPOOL_SIZE=1`: it writes the CSV header ('w') and the rows ('a') with two
 *   fs.writeFile calls issued together; on libuv's four threads they race, and the header has been
 *   seen overwriting the first row. On one thread they run in the order issued.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import * as v from 'valibot';

const require = createRequire(import.meta.url);

export const csvHeader =
  'issue, severity, confidence, filename, location, sample, description, url';
export const severities = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const;
export type Severity = (typeof severities)[number];

export interface Finding {
  check: string;
  severity: Severity;
  confidence: string;
  /** `<label>/<path inside the scanned folder>`, with `/`: `src/main/window.ts`, `out/main/index.js`. */
  file: string;
  location: string;
  sample: string;
  description: string;
}

const allowlistSchema = v.array(
  v.strictObject({
    check: v.pipe(v.string(), v.regex(/^[A-Z_]+$/)),
    file: v.pipe(v.string(), v.minLength(1)),
    // A reason is an argument, not a shrug.
    reason: v.pipe(v.string(), v.minLength(60)),
  }),
);
export type AllowlistEntry = v.InferOutput<typeof allowlistSchema>[number];

export const allowlistPath = join(import.meta.dirname, 'electronegativity-allowlist.json');

export async function readAllowlist(path = allowlistPath): Promise<AllowlistEntry[]> {
  const parsed = v.safeParse(allowlistSchema, JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${v.summarize(parsed.issues)}`);
  return parsed.output;
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function csvRecords(text: string, source: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  while (index < text.length) {
    const character = text[index] ?? '';
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else field += character;
      index += 1;
      continue;
    }
    if (character === '"' && field === '') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && text[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += character;
    index += 1;
  }
  if (quoted) throw new Error(`${source}: a quoted field is not closed`);
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The findings of one CSV; anything but the tool's exact shape is an error naming the line. */
export function parseElectronegativityCsv(
  text: string,
  source: string,
  scannedFolder: string,
  label: string,
): Finding[] {
  const newline = text.indexOf('\n');
  const header = (newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, '');
  if (header !== csvHeader)
    throw new Error(`${source}:1: not Electronegativity's CSV header: ${JSON.stringify(header)}`);
  return csvRecords(text.slice(newline + 1), source).map((fields, index) => {
    const line = `${source}: finding ${index + 1}`;
    const [
      check = '',
      severity = '',
      confidence = '',
      file = '',
      location = '',
      sample = '',
      description = '',
    ] = fields;
    if (fields.length !== 8 || !/^[A-Z_]+$/.test(check))
      throw new Error(
        `${line}: not a finding (${fields.length} fields): ${JSON.stringify(fields).slice(0, 200)}`,
      );
    if (!(severities as readonly string[]).includes(severity))
      throw new Error(`${line}: unknown severity ${JSON.stringify(severity)}`);
    const inside = relative(scannedFolder, file).split(sep).join('/');
    return {
      check,
      severity: severity as Severity,
      confidence,
      file: inside.startsWith('..') ? file : `${label}/${inside}`,
      location,
      sample,
      description,
    };
  });
}

const explains = (entry: AllowlistEntry, finding: Finding): boolean =>
  entry.check === finding.check && entry.file === finding.file;

/** HIGH and MEDIUM findings that no allowlist entry explains. */
export function unexplainedFindings(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
): Finding[] {
  return findings.filter(
    (finding) =>
      (finding.severity === 'HIGH' || finding.severity === 'MEDIUM') &&
      !allowlist.some((entry) => explains(entry, finding)),
  );
}

/** Allowlist entries for files under `label/` that match no finding: stale, to be removed. */
export function staleEntries(
  findings: readonly Finding[],
  allowlist: readonly AllowlistEntry[],
  label: string,
): AllowlistEntry[] {
  return allowlist.filter(
    (entry) =>
      entry.file.startsWith(`${label}/`) && !findings.some((finding) => explains(entry, finding)),
  );
}

/** One line per finding, for failure messages. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map(
      (finding) =>
        `${finding.severity} ${finding.check} ${finding.file}:${finding.location} ${finding.sample}`,
    )
    .join('\n');
}

export function installedElectronVersion(): string {
  const { version } = require('electron/package.json') as { version: string };
  return version;
}

/** Runs the CLI on `folder` and returns its findings, paths shown under `label/`. */
export async function scanWithElectronegativity(folder: string, label: string): Promise<Finding[]> {
  const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
  const scratch = await mkdtemp(join(tmpdir(), 'sg-audit-electronegativity-'));
  const csv = join(scratch, 'report.csv');
  try {
    const args = [
      cli,
      '-i',
      folder,
      '-o',
      csv,
      '-e',
      installedElectronVersion(),
      '-x',
      'AvailableSecurityFixesGlobalCheck',
    ];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, args, {
        env: { ...process.env, UV_THREADPOOL_SIZE: '1', LANG: 'en-US', FORCE_COLOR: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0
          ? resolve(text)
          : reject(new Error(`electronegativity exited with ${code} on ${folder}:\n${text}`)),
      );
    });
    // A file it cannot parse is skipped, not reported: that would be a silent gap in the scan.
    const parseErrors = output.split('\n').filter((line) => /error parsing/i.test(line));
    if (parseErrors.length > 0)
      throw new Error(
        `electronegativity could not read files in ${folder}:\n${parseErrors.join('\n')}`,
      );
    return parseElectronegativityCsv(await readFile(csv, 'utf8'), csv, folder, label);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
