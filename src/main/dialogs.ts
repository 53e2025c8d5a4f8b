/** The native dialogs: choose exports to audit, and save a report the renderer produced. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, type OpenDialogOptions, type WebContents } from 'electron';
import type { ValidSaveRequest } from './ipc-schemas';
import { extensionForMimeType, safeSaveFileName } from './save-file-name';

/**
 * Files and folders in one dialog. macOS shows both; on Windows and Linux Electron can only show one
 * kind and shows the folder picker (an export is usually a folder of page files); single `.zip` or
 * `.json` files can still be dropped on the window there.
 */
export const openExportDialogOptions: OpenDialogOptions = {
  title: 'Open export',
  buttonLabel: 'Audit',
  properties: ['openFile', 'openDirectory', 'multiSelections', 'dontAddToRecent'],
  filters: [
    { name: 'Cloud exports (JSON, ZIP)', extensions: ['json', 'zip'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

function ownerOf(sender: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(sender);
}

/** The chosen files and folders (not yet expanded), or null when the auditor cancelled. */
export async function chooseExportPaths(sender: WebContents): Promise<string[] | null> {
  const owner = ownerOf(sender);
  const choice =
    owner === null
      ? await dialog.showOpenDialog(openExportDialogOptions)
      : await dialog.showOpenDialog(owner, openExportDialogOptions);
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
