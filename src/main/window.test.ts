import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const instances: {
    options: unknown;
    loadURL: ReturnType<typeof vi.fn>;
    once: ReturnType<typeof vi.fn>;
  }[] = [];
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    show = vi.fn();
    constructor(public options: unknown) {
      instances.push(this);
    }
  }
  return { BrowserWindow, instances };
});
vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow }));

const { createMainWindow, mainWindowOptions } = await import('./window');

describe('main window', () => {
  it('has exactly the hardened webPreferences', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs').webPreferences).toStrictEqual({
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
    const preferences = mainWindowOptions('/p').webPreferences ?? {};
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
    expect(instance?.options).toStrictEqual(mainWindowOptions('/p'));
    expect(instance?.loadURL).toHaveBeenCalledWith('app://sg-audit/index.html');
    expect(instance?.once).toHaveBeenCalledWith('ready-to-show', expect.any(Function));
  });
});
