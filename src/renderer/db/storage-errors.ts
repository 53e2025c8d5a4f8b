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

/** Rethrows quota problems as StorageFullError, anything else unchanged. */
export function translateStorageError(error: unknown): unknown {
  return isQuotaError(error) ? new StorageFullError({ cause: error }) : error;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
