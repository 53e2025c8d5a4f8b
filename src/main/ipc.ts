/**
 * The IPC handlers: exactly the invoke channels of the allowlist in src/shared/host/ipc-channels.ts.
 * Each one first checks that the request comes from our own document's top frame, then validates its
 * arguments, and only then acts. Progress goes back to the requesting webContents only.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type * as v from 'valibot';
import type {
  AuditRunHandlers,
  ExportChoiceKind,
  RendererFile,
  ReportSaveResult,
} from '../shared/host/host-api';
import { invokeChannels, ipcChannels } from '../shared/host/ipc-channels';
import type { ImportIssue, InputRecord } from '../shared/model';
import type { AuditProgress } from '../shared/worker/protocol';
import { isTrustedRendererUrl } from './app-origin';
import type { AuditRunner } from './audit-runner';
import {
  invokeArgumentSchemas,
  parseArguments,
  type ValidSaveReportRequest,
  type ValidSaveRequest,
} from './ipc-schemas';

export interface IpcDependencies {
  runner: AuditRunner;
  /** The native open dialog of that kind: the chosen paths, or null when cancelled. */
  chooseExportPaths: (sender: WebContents, kind: ExportChoiceKind) => Promise<string[] | null>;
  /** Expands and reads chosen paths (src/main/export-files.ts); rejects when it cannot read them all. */
  readExportFiles: (paths: readonly string[]) => Promise<RendererFile[]>;
  /** The files named on the command line at launch, read on the first call only (then []). */
  launchFiles: () => Promise<RendererFile[]>;
  saveFile: (sender: WebContents, request: ValidSaveRequest) => Promise<boolean>;
  /** One save dialog for the report, then the report, its manifest and checksum beside it. */
  saveReport: (sender: WebContents, request: ValidSaveReportRequest) => Promise<ReportSaveResult>;
  devOrigin: string | null;
}

export type InvokeMethod = keyof typeof invokeArgumentSchemas;
type InvokeArguments<M extends InvokeMethod> = v.InferOutput<(typeof invokeArgumentSchemas)[M]>;
export type IpcHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

export class UntrustedSenderError extends Error {}

/** Only the top frame of our app document (or the dev server in development) may call main. */
export function assertTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  devOrigin: string | null,
): void {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null || !isTrustedRendererUrl(frame.url, devOrigin)) {
    throw new UntrustedSenderError('Refused: the request does not come from the SG Audit window.');
  }
}

function eventsTo(sender: WebContents): AuditRunHandlers {
  const send = (channel: string, ...payload: unknown[]): void => {
    // The window may close mid-run; the run still finishes and is simply not shown.
    if (!sender.isDestroyed()) sender.send(channel, ...payload);
  };
  return {
    onProgress: (progress: AuditProgress) => send(ipcChannels.auditProgress, progress),
    onFileImported: (records: InputRecord[], issues: ImportIssue[]) =>
      send(ipcChannels.auditFileImported, records, issues),
  };
}

/** The handler of each invoke method, keyed by HostApi method name; exported so tests call them directly. */
export function createIpcHandlers(deps: IpcDependencies): Record<InvokeMethod, IpcHandler> {
  function guarded<M extends InvokeMethod>(
    method: M,
    act: (event: IpcMainInvokeEvent, args: InvokeArguments<M>) => Promise<unknown>,
  ): IpcHandler {
    const channel = ipcChannels[method];
    const schema: (typeof invokeArgumentSchemas)[M] = invokeArgumentSchemas[method];
    return async (event, ...args) => {
      assertTrustedSender(event, deps.devOrigin);
      return act(event, parseArguments(channel, schema, args));
    };
  }

  return {
    auditFiles: guarded('auditFiles', (event, [files]) =>
      deps.runner.auditFiles(files, eventsTo(event.sender)),
    ),
    // The renderer names a dialog kind, never a path: main alone decides what is read.
    chooseExportFiles: guarded(
      'chooseExportFiles',
      async (event, [kind]): Promise<RendererFile[] | null> => {
        const paths = await deps.chooseExportPaths(event.sender, kind);
        if (paths === null) return null;
        return deps.readExportFiles(paths);
      },
    ),
    launchFiles: guarded('launchFiles', (): Promise<RendererFile[]> => deps.launchFiles()),
    cancelAudit: guarded('cancelAudit', async () => {
      deps.runner.cancel();
    }),
    saveFile: guarded('saveFile', (event, [request]) => deps.saveFile(event.sender, request)),
    // Bytes and provenance only: main chooses where, and names the three files from that choice.
    saveReport: guarded('saveReport', (event, [request]) => deps.saveReport(event.sender, request)),
  };
}

export function registerIpcHandlers(deps: IpcDependencies): void {
  const handlers = createIpcHandlers(deps);
  for (const method of Object.keys(handlers) as InvokeMethod[]) {
    const channel = ipcChannels[method];
    // The allowlist in src/shared is the source of truth; a handler outside it is a programming error.
    if (!invokeChannels.includes(channel))
      throw new Error(`${channel} is not an allowlisted invoke channel`);
    ipcMain.handle(channel, handlers[method]);
  }
}
