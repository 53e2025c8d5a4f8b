/**
 * IndexedDB reports a full disk as QuotaExceededError, or as an AbortError whose inner error is
 * the quota error (the transaction aborted because one request failed). Both mean the same to
 * the auditor, and in both the transaction left nothing behind.
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike | null {
  return typeof value === 'object' && value !== null ? (value as ErrorLike) : null;
}

export function isQuotaError(error: unknown, depth = 0): boolean {
  const candidate = asErrorLike(error);
  if (candidate === null || depth > 5) return false;
  if (candidate.name === 'QuotaExceededError') return true;
  return isQuotaError(candidate.inner, depth + 1) || isQuotaError(candidate.cause, depth + 1);
}

export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      'The browser storage for this app is full. Nothing of this import was saved. Free disk space or delete audits you no longer need, then import again.',
      options,
    );
  }
}

/** An upgrade step threw: IndexedDB aborted the upgrade, the database keeps its old version. */
export class SchemaUpgradeError extends Error {
  override readonly name = 'SchemaUpgradeError';
  constructor(
    readonly fromVersion: number,
    readonly toVersion: number,
    options: { cause: unknown },
  ) {
    super(`upgrade from storage format ${fromVersion} to ${toVersion} failed: ${describeError(options.cause)}`, options);
  }
}

/** The database on disk was written by a later version of the app (a higher schema version). */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly storedVersion: number,
    readonly supportedVersion: number,
  ) {
    super(`the stored audits are in storage format ${storedVersion}; this version of SG Audit reads up to format ${supportedVersion}`);
  }
}

/** Rethrows quota problems as StorageFullError, anything else unchanged. */
export function translateStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && asErrorLike(current) !== null; depth += 1) {
    chain.push(current);
    const like = asErrorLike(current)!;
    current = like.cause ?? like.inner;
  }
  return chain;
}

/**
 * Why the stored audits could not be opened, for the auditor. A failed upgrade aborts IndexedDB's
 * versionchange transaction, so the audits are still there in the old format: say that plainly.
 * `attemptedUpgrade`: the upgrade the open started (SgAuditDatabase.attemptedUpgrade), if any.
 */
export function describeOpenError(error: unknown, attemptedUpgrade?: { from: number; to: number }): string {
  const chain = causes(error);
  const newer = chain.find((item): item is NewerSchemaError => item instanceof NewerSchemaError);
  if (newer !== undefined) {
    return `The stored audits were saved by a newer version of SG Audit (storage format ${newer.storedVersion}; this version reads up to format ${newer.supportedVersion}). Open them with that newer version. Nothing was changed.`;
  }
  // An upgrade can also fail after its steps ran, when IndexedDB commits it (a full disk).
  const upgrade =
    chain.find((item): item is SchemaUpgradeError => item instanceof SchemaUpgradeError) ??
    (attemptedUpgrade === undefined ? undefined : new SchemaUpgradeError(attemptedUpgrade.from, attemptedUpgrade.to, { cause: error }));
  if (upgrade !== undefined) {
    const reason = isQuotaError(upgrade.cause) ? 'the browser storage for this app is full (free disk space, then reload)' : describeError(upgrade.cause);
    return `The stored audits could not be upgraded from storage format ${upgrade.fromVersion} to ${upgrade.toVersion}: ${reason}. Nothing was changed: they are still stored in format ${upgrade.fromVersion}, and the version of SG Audit that stored them can still open them. Reload to try again.`;
  }
  if (isQuotaError(error)) {
    return 'The stored audits could not be opened because the browser storage for this app is full. Free disk space, then reload. Nothing was changed.';
  }
  return `The stored audits could not be opened: ${describeError(error)}. Nothing was changed. Reload to try again; if this persists, the browser may be blocking storage for this site (a private window, or site data turned off).`;
}
