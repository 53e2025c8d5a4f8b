/** A backup that will not be restored, with the reason for the auditor (the file, and what is wrong). */
export class BackupRefusedError extends Error {
  override readonly name = 'BackupRefusedError';
}
