/**
 * The backup file: one JSON document whose last member is the database itself, as
 * dexie-export-import writes it, byte for byte:
 *
 *   {"format":"sg-audit-backup","formatVersion":1,"app":{…},"schemaVersion":2,"createdAt":"…",
 *    "tables":{…row counts…},"audits":[…id, client, engagement…],"payloadBytes":N,
 *    "payloadSha256":"…","payload":{"formatName":"dexie",…}}
 *
 * The header comes first so a restore can check what the file is (format, schema version, size,
 * what it holds) from its first bytes, then hash the payload exactly as it was written. Any edit to
 * the payload changes its SHA-256; an edit to the header's counts or list fails the checks after
 * the payload is read back.
 */
import * as v from 'valibot';
import { BackupRefusedError } from './backup-errors';

export const backupFormatName = 'sg-audit-backup';
export const backupFormatVersion = 1;
const payloadMarker = ',"payload":';
/** The header is read from at most this many leading bytes (it lists audits, not their data). */
const maxHeaderBytes = 8 * 1024 * 1024;

const hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const headerSchema = v.object({
  format: v.literal(backupFormatName),
  formatVersion: v.number(),
  app: v.object({ name: v.string(), version: v.string() }),
  schemaVersion: v.number(),
  createdAt: v.string(),
  tables: v.record(v.string(), count),
  audits: v.array(
    v.object({ id: v.string(), client: v.string(), engagement: v.string(), updatedAt: v.string() }),
  ),
  payloadBytes: count,
  payloadSha256: hex64,
});

export type BackupHeader = v.InferOutput<typeof headerSchema>;

export interface BackupAuditListing {
  id: string;
  client: string;
  engagement: string;
  updatedAt: string;
}

/** The header's keys in the order the file writes them (readers may rely on `format` coming first). */
const headerKeyOrder = [
  'format',
  'formatVersion',
  'app',
  'schemaVersion',
  'createdAt',
  'tables',
  'audits',
  'payloadBytes',
  'payloadSha256',
] as const satisfies readonly (keyof BackupHeader)[];

/** The bytes before and after the payload. */
export function backupEnvelope(header: BackupHeader): { prefix: Uint8Array; suffix: Uint8Array } {
  const ordered = Object.fromEntries(headerKeyOrder.map((key) => [key, header[key]]));
  const text = JSON.stringify(ordered);
  const encoder = new TextEncoder();
  return {
    prefix: encoder.encode(`${text.slice(0, -1)}${payloadMarker}`),
    suffix: encoder.encode('}\n'),
  };
}

export interface LocatedBackup {
  header: BackupHeader;
  /** Where the payload starts and ends (exclusive) in the file. */
  payloadStart: number;
  payloadEnd: number;
}

function refuse(fileName: string, reason: string): never {
  throw new BackupRefusedError(`${fileName} ${reason} Nothing was restored.`);
}

/** The byte length of the closing `}` and any whitespace after it at the end of the file. */
async function trailerLength(file: Blob, fileName: string): Promise<number> {
  const tail = new Uint8Array(await file.slice(Math.max(0, file.size - 64)).arrayBuffer());
  let index = tail.length - 1;
  while (
    index >= 0 &&
    (tail[index] === 0x20 || tail[index] === 0x0a || tail[index] === 0x0d || tail[index] === 0x09)
  )
    index -= 1;
  if (index < 0 || tail[index] !== 0x7d)
    refuse(fileName, 'is cut short: it does not end where a backup ends.');
  return tail.length - index;
}

/**
 * Reads and checks the header: an SG Audit backup, of a format and a schema version this build
 * restores (older ones are upgraded after the restore reads them), whose payload has the size the header gives. The payload hash is checked separately.
 */
export async function locateBackup(
  file: Blob,
  fileName: string,
  restorableSchemaVersions: readonly number[],
): Promise<LocatedBackup> {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(
    await file.slice(0, maxHeaderBytes).arrayBuffer(),
  );
  if (head.startsWith('{"formatName":"dexie"')) {
    refuse(
      fileName,
      'is a raw database export, not an SG Audit backup (it has no format, version or hash to check).',
    );
  }
  const marker = head.indexOf(payloadMarker);
  if (!head.startsWith('{"format":') || marker < 0) refuse(fileName, 'is not an SG Audit backup.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(`${head.slice(0, marker)}}`);
  } catch (error) {
    refuse(
      fileName,
      `is not an SG Audit backup: its header is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const format = (parsed as { format?: unknown }).format;
  if (format !== backupFormatName) refuse(fileName, 'is not an SG Audit backup.');
  const formatVersion = (parsed as { formatVersion?: unknown }).formatVersion;
  if (formatVersion !== backupFormatVersion) {
    refuse(
      fileName,
      `is in backup format ${String(formatVersion)}; this version of SG Audit reads backup format ${backupFormatVersion} only.`,
    );
  }
  const checked = v.safeParse(headerSchema, parsed);
  if (!checked.success) {
    refuse(fileName, `has a damaged header (${v.summarize(checked.issues).slice(0, 300)}).`);
  }
  const header = checked.output;
  if (!restorableSchemaVersions.includes(header.schemaVersion)) {
    const restorable = `${restorableSchemaVersions.slice(0, -1).join(', ')} and ${restorableSchemaVersions.at(-1)}`;
    refuse(
      fileName,
      `holds storage format ${header.schemaVersion} (made by SG Audit ${header.app.version}); this version of SG Audit restores storage formats ${restorable} only. Restore it with the version that made it.`,
    );
  }
  const payloadStart = new TextEncoder().encode(
    head.slice(0, marker + payloadMarker.length),
  ).byteLength;
  const payloadEnd = file.size - (await trailerLength(file, fileName));
  if (payloadEnd - payloadStart !== header.payloadBytes) {
    refuse(
      fileName,
      `was changed or cut short: its database part is ${payloadEnd - payloadStart} bytes, the backup says ${header.payloadBytes}.`,
    );
  }
  return { header, payloadStart, payloadEnd };
}
