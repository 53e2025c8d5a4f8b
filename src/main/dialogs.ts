/** The native dialogs: choose exports to open, and save a report the renderer produced. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions, type WebContents } from 'electron';
import type { ExportChoiceKind } from '../shared/host/host-api';
import type { ValidSaveRequest } from './ipc-schemas';
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

/** Asks where to save, then writes the bytes as given. False when the auditor cancelled. */
export async function saveWithDialog(
  sender: WebContents,
  request: ValidSaveRequest,
): Promise<boolean> {
  const extension = extensionForMimeType[request.mimeType];
  const options = {
    title: 'Save report',
    defaultPath: join(
      app.getPath('documents'),
      safeSaveFileName(request.suggestedName, request.mimeType),
    ),
    filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'] as (
      'showOverwriteConfirmation' | 'createDirectory'
    )[],
  };
  const owner = ownerOf(sender);
  const choice =
    owner === null
      ? await dialog.showSaveDialog(options)
      : await dialog.showSaveDialog(owner, options);
  if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return false;
  await writeFile(choice.filePath, request.data);
  return true;
}
