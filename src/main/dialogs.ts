/** The native dialogs: choose exports to open, and save a report (with its provenance) or a file. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions, type WebContents } from 'electron';
import type { ExportChoiceKind, ReportSaveResult } from '../shared/host/host-api';
import type { ReportFormat } from '../shared/report/provenance';
import type { SaveMimeType, ValidSaveReportRequest, ValidSaveRequest } from './ipc-schemas';
import { writeReportFiles } from './report-files';
import { extensionForMimeType, safeSaveFileName } from './save-file-name';

/**
 * One dialog per kind: Windows and Linux cannot show files and folders in one dialog (given both,
 * they show the folder picker only), so the renderer offers "Open files…" and "Open folder…".
 */
export const openExportDialogOptions: Readonly<Record<ExportChoiceKind, OpenDialogOptions>> = {
  files: {
    title: 'Open export files',
    buttonLabel: 'Open',
    properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    filters: [
      { name: 'Cloud exports (JSON, ZIP)', extensions: ['json', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ],
  },
  folder: {
    title: 'Open export folder',
    buttonLabel: 'Open',
    properties: ['openDirectory', 'multiSelections', 'dontAddToRecent'],
  },
};

function ownerOf(sender: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(sender);
}

/** The chosen files or folders (not yet expanded), or null when the auditor cancelled. */
export async function chooseExportPaths(
  sender: WebContents,
  kind: ExportChoiceKind,
): Promise<string[] | null> {
  const options = openExportDialogOptions[kind];
  const owner = ownerOf(sender);
  const choice =
    owner === null
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(owner, options);
  if (choice.canceled || choice.filePaths.length === 0) return null;
  return choice.filePaths;
}

type SaveDialogProperty = 'showOverwriteConfirmation' | 'createDirectory';

/** The save dialog for one type: a sanitised name in Documents, and that type's filter. */
export function saveDialogOptions(suggestedName: string, mimeType: SaveMimeType) {
  const extension = extensionForMimeType[mimeType];
  return {
    title: 'Save report',
    defaultPath: join(app.getPath('documents'), safeSaveFileName(suggestedName, mimeType)),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'] as SaveDialogProperty[],
  };
}

/** The path the auditor chose, or null when they cancelled. */
async function choosePathToSave(
  sender: WebContents,
  suggestedName: string,
  mimeType: SaveMimeType,
): Promise<string | null> {
  const options = saveDialogOptions(suggestedName, mimeType);
  const owner = ownerOf(sender);
  const choice =
    owner === null
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(owner, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return null;
  return choice.filePath;
}

/** Asks where to save, then writes the bytes as given. False when the auditor cancelled. */
export async function saveWithDialog(
  sender: WebContents,
  request: ValidSaveRequest,
): Promise<boolean> {
  const path = await choosePathToSave(sender, request.suggestedName, request.mimeType);
  if (path === null) return false;
  await writeFile(path, request.data);
  return true;
}

export const mimeTypeForReportFormat: Readonly<Record<ReportFormat, SaveMimeType>> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  json: 'application/json',
};

/**
 * One dialog for the report; its manifest and checksum are written beside the chosen path under
 * names derived from it (report-files.ts). `{ saved: false }` when the auditor cancelled.
 */
export async function saveReportWithDialog(
  sender: WebContents,
  request: ValidSaveReportRequest,
): Promise<ReportSaveResult> {
  const mimeType = mimeTypeForReportFormat[request.provenance.format];
  const path = await choosePathToSave(sender, request.suggestedName, mimeType);
  if (path === null) return { saved: false };
  return { saved: true, files: await writeReportFiles(path, request.report, request.provenance) };
}
