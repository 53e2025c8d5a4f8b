/**
 * The one API the renderer uses to reach its host. The Electron preload implements it over IPC
 * (the audit runs in main's worker thread); the web host implements it with a Web Worker and Blob
 * downloads. The renderer never knows which one it has beyond `kind`.
 */
import type { AuditOutcome, AuditProgress } from '../worker/protocol';
import type { ImportIssue, InputRecord } from '../model';

export type HostKind = 'electron' | 'web';

/** A file the renderer already holds (file input, drag and drop). */
export interface RendererFile {
  name: string;
  bytes: Uint8Array;
}

export interface AuditRunHandlers {
  onProgress?: (progress: AuditProgress) => void;
  onFileImported?: (records: InputRecord[], issues: ImportIssue[]) => void;
}

export type AuditRunResult =
  | { ok: true; outcome: AuditOutcome }
  | { ok: false; cancelled: boolean; message: string };

export interface SaveRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array | string;
}

export interface HostApi {
  readonly kind: HostKind;
  /** Audits files the renderer holds. */
  auditFiles(files: RendererFile[], handlers?: AuditRunHandlers): Promise<AuditRunResult>;
  /**
   * Electron only: a native dialog for files and folders (`.json`, `.zip`); main reads the bytes and
   * audits them. Resolves null when the auditor cancels the dialog.
   */
  chooseAndAudit?(handlers?: AuditRunHandlers): Promise<AuditRunResult | null>;
  /** Electron only: audits the paths given on the command line at launch, if any. */
  auditLaunchPaths?(handlers?: AuditRunHandlers): Promise<AuditRunResult | null>;
  /** Cancels the run in progress, if any. */
  cancelAudit(): void;
  /** Save dialog (Electron) or Blob download (web). False when the auditor cancelled. */
  saveFile(request: SaveRequest): Promise<boolean>;
}
