/** The main window: its security-relevant options in one place, pinned by window.test.ts. */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';

/**
 * Every renderer is isolated, sandboxed and without Node. `spellcheck` is off because Chromium's
 * spellchecker downloads dictionaries. No insecure-content, experimental-feature or Blink flags.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'SG Audit',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown once the first paint is ready, so the auditor never sees a blank white frame.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export function createMainWindow(preloadPath: string, entryUrl: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
