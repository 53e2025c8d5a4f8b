/** The app's one open database; tests swap in their own. */
import { openDatabase, type SgAuditDatabase } from './database';

let current: SgAuditDatabase | null = null;

export function useDatabase(): SgAuditDatabase {
  current ??= openDatabase();
  return current;
}

export function setDatabaseForTesting(db: SgAuditDatabase | null): void {
  current = db;
}
