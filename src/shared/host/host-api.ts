/**
 * The one API the renderer uses to reach its host. The Electron preload implements it over IPC
 * (the audit runs in main's worker thread); the web host implements it with a Web Worker and Blob
 * downloads. The renderer never knows which one it has beyond `kind`.
 */
import type { AuditProgress, ImportedOutcome } from '../worker/protocol';
import type { ImportIssue, InputRecord } from '../model';
import type { ReportProvenance } from '../report/provenance';

export type HostKind = 'electron' | 'web';

/** A file the renderer holds: from the file input, drag and drop, or read by the Electron host. */
export interface RendererFile {
  name: string;
  bytes: Uint8Array;
}

/** A Blob or File as the page holds it (structural: the core has no DOM types). */
export interface BlobLike {
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A file the page has not read (picked, dropped, or stored in IndexedDB): the web host's worker
 * reads it, so the bytes are never copied through the UI thread.
 */
export interface UnreadFile {
  name: string;
  blob: BlobLike;
}

/** Which native open dialog: Windows and Linux cannot show files and folders in one. */
export type ExportChoiceKind = 'files' | 'folder';

export interface AuditRunHandlers {
  onProgress?: (progress: AuditProgress) => void;
  onFileImported?: (records: InputRecord[], issues: ImportIssue[]) => void;
}

export type AuditRunResult =
  | { ok: true; outcome: ImportedOutcome }
  | { ok: false; cancelled: boolean; message: string };

export interface SaveRequest {
  suggestedName: string;
  mimeType: string;
  data: Uint8Array | string;
}

/**
 * A rendered report and what its manifest needs. The host, not the renderer, names the three files
 * (`<report>`, `<report>.manifest.json`, `<report>.sha256`) and hashes the bytes it writes.
 */
export interface ReportSaveRequest {
  /** The proposed file name; the format is `provenance.format`. */
  suggestedName: string;
  report: Uint8Array;
  provenance: ReportProvenance;
}

/** The names of the files written, report first; or nothing saved (the auditor cancelled). */
export type ReportSaveResult = { saved: false } | { saved: true; files: string[] };

export interface HostApi {
  readonly kind: HostKind;
  /** Audits files the renderer holds. */
  auditFiles(files: RendererFile[], handlers?: AuditRunHandlers): Promise<AuditRunResult>;
  /**
   * Web only: audits files the renderer has not read; the worker reads them itself. Where absent
   * (Electron: IPC carries bytes) the renderer reads them and calls auditFiles.
   */
  auditUnreadFiles?(files: UnreadFile[], handlers?: AuditRunHandlers): Promise<AuditRunResult>;
  /**
   * Web only: starts the audit worker ahead of the first run (loading and compiling its code takes
   * about half a second), e.g. when the import dialog opens.
   */
  prepareAudit?(): void;
  /**
   * Electron only: native dialog; main expands folders and reads the bytes (never parses them).
   * `kind` picks the dialog, as Windows and Linux cannot offer files and folders in one: 'files'
   * (JSON, ZIP, several) or 'folder' (several). Each name is the path relative to the chosen item's
   * parent folder (`export-2025/rules/sg-1.json`; a chosen file: its base name). null on cancel.
   * Rejects, opening nothing, when an item cannot be read, holds no file, or the whole is over the
   * size ceiling: the auditor gets every file chosen or none.
   */
  chooseExportFiles?(kind: ExportChoiceKind): Promise<RendererFile[] | null>;
  /**
   * Electron only: the files named on the command line at launch (folders expanded, named as
   * above), read once: [] when none, and [] on every later call (a reload does not import again).
   */
  launchFiles?(): Promise<RendererFile[]>;
  /** Cancels the run in progress, if any. */
  cancelAudit(): void;
  /**
   * One file: save dialog (Electron: PDF, CSV or JSON) or Blob download (web). False when the
   * auditor cancelled. Reports go through saveReport, which also writes their provenance.
   */
  saveFile(request: SaveRequest): Promise<boolean>;
  /**
   * Saves a report with its manifest and checksum beside it: Electron asks once where to save the
   * report and writes all three (all or nothing); the web host downloads all three.
   */
  saveReport(request: ReportSaveRequest): Promise<ReportSaveResult>;
}
