/**
 * Schema v3 → v4: the file rows (one IndexedDB row per stored file, 2,101 for a large export) move
 * into their import's record as a list with each file's offset in the import's bundle. Writing the
 * rows was a quarter of a large import's commit; the import record already listed the same files.
 * The rows are the truth about stored bytes, so each import's list is rebuilt from its rows.
 */
import type { Transaction } from 'dexie';
import type { ImportFileSummary, ImportRecord, InputFileRecord } from './database';

export async function moveFileRowsIntoImports(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('inputFiles').toArray()) as InputFileRecord[];
  const imports = (await transaction.table('imports').toArray()) as ImportRecord[];
  const byImport = new Map<string, InputFileRecord[]>();
  for (const row of rows) {
    const list = byImport.get(row.importId);
    if (list === undefined) byImport.set(row.importId, [row]);
    else list.push(row);
  }
  const known = new Set(imports.map((record) => record.id));
  const orphan = rows.find((row) => !known.has(row.importId));
  // Dropping it would lose evidence silently: the upgrade fails and the database stays as it is.
  if (orphan !== undefined)
    throw new Error(`the stored file ${orphan.name} belongs to import ${orphan.importId}, which does not exist`);
  const updated = imports.map((record): ImportRecord => {
    const own = (byImport.get(record.id) ?? []).sort((a, b) => a.offset - b.offset);
    const bundles = new Set(own.map((row) => row.bundleId));
    if (bundles.size > 1)
      throw new Error(`the files of import ${record.id} lie in ${bundles.size} bundles, not one`);
    const files = own.map(
      ({ name, size, sha256, kind, records, offset }): ImportFileSummary => ({ name, size, sha256, kind, records, offset }),
    );
    return { ...record, files };
  });
  await transaction.table('imports').bulkPut(updated);
}
