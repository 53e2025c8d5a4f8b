/**
 * Schema v2 → v3: each import's files move from one byte array per row into one Blob per import
 * (inputBundles), each row keeping where its bytes lie; each snapshot becomes one Blob of JSON.
 * Bytes are carried over exactly: the rows' SHA-256 still describe them.
 */
import type { Transaction } from 'dexie';
import { encodeSnapshot } from '../../shared/worker/snapshot-codec';
import type {
  InputBundleRecord,
  InputFileRecord,
  LegacyInputFileRecord,
  LegacySnapshotRecord,
  SnapshotRecord,
} from './database';

function byAddedAtThenName(a: LegacyInputFileRecord, b: LegacyInputFileRecord): number {
  if (a.addedAt !== b.addedAt) return a.addedAt < b.addedAt ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

async function bundleFiles(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('inputFiles').toArray()) as LegacyInputFileRecord[];
  const byImport = new Map<string, LegacyInputFileRecord[]>();
  for (const row of rows) byImport.set(row.importId, [...(byImport.get(row.importId) ?? []), row]);
  for (const [importId, files] of byImport) {
    files.sort(byAddedAtThenName);
    const bundleId = crypto.randomUUID();
    const bundle: InputBundleRecord = {
      id: bundleId,
      auditId: files[0]?.auditId ?? '',
      importId,
      blob: new Blob(files.map((file) => file.bytes as Uint8Array<ArrayBuffer>)),
    };
    await transaction.table('inputBundles').add(bundle);
    let offset = 0;
    const moved: InputFileRecord[] = files.map(({ bytes, ...row }) => {
      const placed = { ...row, size: bytes.byteLength, bundleId, offset };
      offset += bytes.byteLength;
      return placed;
    });
    await transaction.table('inputFiles').bulkPut(moved);
  }
}

async function encodeSnapshots(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('snapshots').toArray()) as LegacySnapshotRecord[];
  const encoded: SnapshotRecord[] = rows.map((row) => {
    const { json, groups, instances, head } = encodeSnapshot(row.snapshot);
    return {
      auditId: row.auditId,
      json: new Blob([json as Uint8Array<ArrayBuffer>]),
      groups,
      instances,
      head,
      updatedAt: row.updatedAt,
    };
  });
  await transaction.table('snapshots').bulkPut(encoded);
}

export async function bundleFilesAndEncodeSnapshots(transaction: Transaction): Promise<void> {
  await bundleFiles(transaction);
  await encodeSnapshots(transaction);
}
