/** The main window: its security-relevant options in one place, pinned by window.test.ts. */
import { BrowserWindow } from 'electron';

/**
 * Every renderer is isolated, sandboxed and without Node. `spellcheck` is off because Chromium's
 * spellchecker downloads dictionaries. No insecure-content, experimental-feature or Blink flags.
 * (`disableBlinkFeatures: 'Auxclick'`, which Electronegativity asks for, is not set: Blink has no
 * such feature any more, so it would do nothing; a middle click can only ask for a new window, and
 * security.ts denies every one.)
 *
 * The options are a literal at the `new BrowserWindow` call on purpose: Electronegativity (run by
 * test/security/electronegativity.test.ts) reads them from the source, and cannot follow a helper.
 */
export function createMainWindow(preloadPath: string, entryUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'SG Audit',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown once the first paint is ready, so the auditor never sees a blank white frame.
    show: false,
    webPreferences: {
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
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entryUrl);
  return window;
}
