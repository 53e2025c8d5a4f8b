import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const instances: {
    options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>;
    loadURL: ReturnType<typeof vi.fn>;
    once: ReturnType<typeof vi.fn>;
  }[] = [];
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(public options: { webPreferences?: Record<string, unknown> }) {
      instances.push(this);
    }
  }
  return { BrowserWindow, instances };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow } = await import('./window');

/** The options the window was really constructed with (not a copy a helper returns). */
function constructedOptions(preloadPath = '/app/out/preload/index.cjs') {
  createMainWindow(preloadPath, 'app://sg-audit/index.html');
  const options = electron.instances.at(-1)?.options;
  if (options === undefined) throw new Error('window.test.ts: no BrowserWindow was constructed');
  return options;
}

describe('main window', () => {
  it('has exactly the hardened webPreferences', () => {
    expect(constructedOptions().webPreferences).toStrictEqual({
      preload: '/app/out/preload/index.cjs',
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
    });
  });

  it('sets no Blink features or extra command-line flags', () => {
    const preferences = constructedOptions().webPreferences ?? {};
    for (const key of [
      'enableBlinkFeatures',
      'disableBlinkFeatures',
      'additionalArguments',
      'devTools',
      'plugins',
      'enableWebSQL',
    ]) {
      expect(preferences).not.toHaveProperty(key);
    }
  });

  it('loads the URL it is given once created, and shows itself when ready', () => {
    const window = createMainWindow('/p', 'app://sg-audit/index.html');
    const instance = electron.instances.at(-1);
    expect(instance).toBe(window);
    expect(instance?.options).toMatchObject({ show: false, webPreferences: { preload: '/p' } });
    expect(instance?.loadURL).toHaveBeenCalledWith('app://sg-audit/index.html');
    expect(instance?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});
