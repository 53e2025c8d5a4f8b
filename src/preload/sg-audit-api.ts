/**
 * The API behind `window.sgAudit`: one named function per message of the allowlist in
 * src/shared/host/ipc-channels.ts, each an invoke on its fixed channel. No raw `ipcRenderer`, no
 * generic invoke(channel) is ever handed to the page.
 */
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type {
  AuditRunHandlers,
  AuditRunResult,
  ExportChoiceKind,
  HostApi,
  RendererFile,
  ReportSaveRequest,
  ReportSaveResult,
  SaveRequest,
} from '../shared/host/host-api';
import { ipcChannels } from '../shared/host/ipc-channels';
import type { ImportIssue, InputRecord } from '../shared/model';
import type { AuditProgress } from '../shared/worker/protocol';

export type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Delivers the run's events to the handlers while `invoke` is pending and removes the listeners when
 * it settles. Main sends every event before it answers, on the same ordered channel, so none is lost.
 */
async function withRunEvents<T>(
  ipcRenderer: IpcRendererLike,
  handlers: AuditRunHandlers | undefined,
  invoke: () => Promise<T>,
): Promise<T> {
  const onProgress = (_event: IpcRendererEvent, progress: AuditProgress): void =>
    handlers?.onProgress?.(progress);
  const onFileImported = (
    _event: IpcRendererEvent,
    records: InputRecord[],
    issues: ImportIssue[],
  ): void => handlers?.onFileImported?.(records, issues);
  ipcRenderer.on(ipcChannels.auditProgress, onProgress);
  ipcRenderer.on(ipcChannels.auditFileImported, onFileImported);
  try {
    return await invoke();
  } finally {
    ipcRenderer.removeListener(ipcChannels.auditProgress, onProgress);
    ipcRenderer.removeListener(ipcChannels.auditFileImported, onFileImported);
  }
}

/** The preload's whole surface; `ipcRenderer` is the sandbox's, passed in so tests can fake it. */
export function createSgAuditApi(ipcRenderer: IpcRendererLike): HostApi {
  return {
    kind: 'electron',
    auditFiles(files: RendererFile[], handlers?: AuditRunHandlers): Promise<AuditRunResult> {
      // Only the two fields cross: a File or any extra property stays in the renderer.
      const plain = files.map((file) => ({ name: file.name, bytes: file.bytes }));
      return withRunEvents(ipcRenderer, handlers, () =>
        ipcRenderer.invoke(ipcChannels.auditFiles, plain),
      );
    },
    chooseExportFiles(kind: ExportChoiceKind): Promise<RendererFile[] | null> {
      // Only the dialog kind crosses; main checks it is one of the two and shows its own dialog.
      return ipcRenderer.invoke(ipcChannels.chooseExportFiles, kind);
    },
    launchFiles(): Promise<RendererFile[]> {
      return ipcRenderer.invoke(ipcChannels.launchFiles);
    },
    cancelAudit(): void {
      // Fire and forget: the run's own promise reports the cancellation.
      ipcRenderer.invoke(ipcChannels.cancelAudit).catch(() => undefined);
    },
    saveFile(request: SaveRequest): Promise<boolean> {
      const plain = {
        suggestedName: request.suggestedName,
        mimeType: request.mimeType,
        data: request.data,
      };
      return ipcRenderer.invoke(ipcChannels.saveFile, plain);
    },
    saveReport(request: ReportSaveRequest): Promise<ReportSaveResult> {
      // Bytes, provenance and a proposed name: main shows the dialog and names the three files.
      const plain = {
        suggestedName: request.suggestedName,
        report: request.report,
        provenance: request.provenance,
      };
      return ipcRenderer.invoke(ipcChannels.saveReport, plain);
    },
  };
}
