/**
 * Electron main: lifecycle only. Everything else lives in its own module: the `app://` protocol, the
 * security hardening, the IPC handlers, the audit runner, the dialogs and reading the chosen exports.
 * No crash reporter is started and there is no auto-update: nothing leaves the machine.
 */
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { devServerOrigin, rendererEntryUrl } from './app-origin';
import { createAuditRunner } from './audit-runner';
import { chooseExportPaths, saveReportWithDialog, saveWithDialog } from './dialogs';
import { launchFilesOnce, readExportFiles } from './export-files';
import { registerIpcHandlers } from './ipc';
import { launchPathsFromArgv } from './launch-paths';
import { installApplicationMenu } from './menu';
import { hardenApp, hardenSession } from './security';
import { createMainWindow } from './window';

// Emitted by electron.vite.config.ts next to this file (out/main, out/preload, out/renderer).
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
const auditWorkerUrl = new URL('./audit-worker.js', import.meta.url);

/** Heap ceiling of the audit worker: room for an 80 MB export's model, under Electron's 4 GB isolate cap. */
const auditWorkerHeapMb = 2048;

function focus(window: BrowserWindow | undefined): void {
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function start(): void {
  const devOrigin = devServerOrigin(app.isPackaged, process.env['ELECTRON_RENDERER_URL']);
  const entryUrl = rendererEntryUrl(devOrigin, process.env['ELECTRON_RENDERER_URL']);
  const launchPaths = launchPathsFromArgv({
    argv: process.argv,
    defaultApp: process.defaultApp === true,
    cwd: process.cwd(),
  });

  // Before ready: the scheme list is fixed at startup, and every webContents must be hardened from birth.
  registerAppScheme();
  app.enableSandbox();
  hardenApp(app, { devOrigin });

  app.on('second-instance', () => focus(BrowserWindow.getAllWindows()[0]));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, { devOrigin });
    serveAppProtocol(rendererDir);
    installApplicationMenu(process.platform, app.isPackaged);
    registerIpcHandlers({
      runner: createAuditRunner({
        workerUrl: auditWorkerUrl,
        maxOldGenerationSizeMb: auditWorkerHeapMb,
      }),
      chooseExportPaths,
      readExportFiles: (paths) => readExportFiles(paths),
      launchFiles: launchFilesOnce(launchPaths),
      saveFile: saveWithDialog,
      saveReport: saveReportWithDialog,
      devOrigin,
    });
    createMainWindow(preloadPath, entryUrl);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow(preloadPath, entryUrl);
    });
  });
}

// A second copy hands over to the first (which comes to the front) and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
