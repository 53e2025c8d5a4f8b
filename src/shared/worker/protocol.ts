/**
 * The typed protocol between a host (CLI, Electron main, browser page) and the audit worker.
 * Files are streamed one message each so that memory stays bounded by the model, not the inputs;
 * bytes are transferred, never copied.
 */
import type { AuditResult } from '../audit/result';
import type { ImportLimits } from '../import/snapshot-builder';
import type { ImportIssue, InputRecord, Snapshot } from '../model';
import type { RenderRequest, RenderedOutput } from '../report/render';
import type { EncodedSnapshot } from './snapshot-codec';

export interface AuditRunOptions {
  limits?: Partial<ImportLimits>;
  /**
   * Ask the worker to render the outcome itself and send only the text back (the CLI's path:
   * it saves structured-cloning the whole snapshot across the thread boundary).
   */
  render?: RenderRequest;
}

export type HostToWorkerMessage =
  | { type: 'start'; runId: string; fileCount: number; options: AuditRunOptions }
  | {
      type: 'file';
      runId: string;
      name: string;
      bytes: Uint8Array;
      /** Hex SHA-256 of `bytes` when the host already computed it off the worker's thread. */
      sha256?: string;
    }
  /** A file the host could not read (moved or deleted after it was picked): reported in its place, in order. */
  | { type: 'unreadable-file'; runId: string; name: string; bytes: number; reason: string }
  | { type: 'finish'; runId: string }
  /** Render an outcome the host already holds (a stored audit) as JSON, CSV or PDF; answered by `rendered` or `failed`. */
  | { type: 'render'; runId: string; outcome: AuditOutcome; request: RenderRequest }
  | { type: 'cancel'; runId: string };

export type AuditPhase = 'import' | 'check';

export interface AuditProgress {
  phase: AuditPhase;
  done: number;
  total: number;
  /** The file just imported, or the check just evaluated. */
  current: string;
}

/** A snapshot and its result, as a report renders them. */
export interface AuditOutcome {
  snapshot: Snapshot;
  result: AuditResult;
}

/** What an audit run answers: the snapshot travels and is stored encoded (snapshot-codec.ts). */
export interface ImportedOutcome {
  snapshot: EncodedSnapshot;
  result: AuditResult;
}

export type WorkerToHostMessage =
  | { type: 'progress'; runId: string; progress: AuditProgress }
  | { type: 'file-imported'; runId: string; records: InputRecord[]; issues: ImportIssue[] }
  /** `outcome.snapshot.json` is transferred with the message. */
  | { type: 'result'; runId: string; outcome: ImportedOutcome }
  /** For PDF, `output.bytes` is transferred with the message. */
  | { type: 'rendered'; runId: string; output: RenderedOutput }
  | { type: 'failed'; runId: string; error: AuditFailure };

export interface AuditFailure {
  code: 'cancelled' | 'protocol' | 'internal';
  message: string;
}
