/**
 * The allowlist of IPC channels between preload and main: one per message, nothing generic.
 * Main registers handlers for exactly these; the preload exposes one function for each.
 */
export const ipcChannels = {
  auditFiles: 'audit:files',
  chooseExportFiles: 'files:choose',
  launchFiles: 'files:launch',
  cancelAudit: 'audit:cancel',
  saveFile: 'file:save',
  saveReport: 'report:save',
  /** main → renderer events for the run in progress. */
  auditProgress: 'audit:progress',
  auditFileImported: 'audit:file-imported',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];

export const invokeChannels: readonly IpcChannel[] = [
  ipcChannels.auditFiles,
  ipcChannels.chooseExportFiles,
  ipcChannels.launchFiles,
  ipcChannels.cancelAudit,
  ipcChannels.saveFile,
  ipcChannels.saveReport,
];

export const eventChannels: readonly IpcChannel[] = [ipcChannels.auditProgress, ipcChannels.auditFileImported];
