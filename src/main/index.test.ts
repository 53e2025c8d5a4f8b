/** The lifecycle of main, with Electron mocked: what happens before ready, on ready, and on close. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../shared/host/ipc-channels';

const electron = vi.hoisted(() => {
  const state = {
    calls: [] as string[],
    appListeners: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { url?: string; options: { webPreferences?: { preload?: string } } }[],
    ready: () => undefined as void,
  };
  const app = {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    enableSandbox: vi.fn(() => state.calls.push('enableSandbox')),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      state.calls.push(`on:${event}`);
      state.appListeners.set(event, listener);
    }),
    whenReady: vi.fn(
      () =>
        new Promise<void>((resolve) => {
          state.ready = () => {
            state.calls.push('ready');
            resolve();
          };
        }),
    ),
    getPath: vi.fn(() => '/tmp'),
  };
  class BrowserWindow {
    static getAllWindows = vi.fn(() => state.windows);
    static fromWebContents = vi.fn(() => null);
    url: string | undefined;
    constructor(public options: { webPreferences?: { preload?: string } }) {
      state.windows.push(this);
      state.calls.push('new BrowserWindow');
    }
    once = vi.fn();
    loadURL = vi.fn(async (url: string) => {
      this.url = url;
    });
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
      on: vi.fn(),
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(() => state.calls.push('registerSchemesAsPrivileged')),
    handle: vi.fn(),
  };
  return {
    state,
    module: {
      app,
      BrowserWindow,
      session,
      protocol,
      ipcMain: { handle: vi.fn() },
      Menu: {
        setApplicationMenu: vi.fn(),
        buildFromTemplate: vi.fn((template: unknown) => template),
      },
      dialog: {},
      crashReporter: { start: vi.fn() },
      shell: { openExternal: vi.fn() },
    },
  };
});
vi.mock('electron', () => electron.module);

const originalPlatform = process.platform;
const originalRendererUrl = process.env['ELECTRON_RENDERER_URL'];

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./index');
}

async function becomeReady(): Promise<void> {
  electron.state.ready();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.state.calls.length = 0;
  electron.state.appListeners.clear();
  electron.state.windows.length = 0;
  electron.module.app.isPackaged = true;
  electron.module.app.requestSingleInstanceLock.mockReturnValue(true);
  delete process.env['ELECTRON_RENDERER_URL'];
});

afterEach(() => {
  Object.defineProperty(process, 'platform', { value: originalPlatform });
  if (originalRendererUrl === undefined) delete process.env['ELECTRON_RENDERER_URL'];
  else process.env['ELECTRON_RENDERER_URL'] = originalRendererUrl;
});

describe('main lifecycle', () => {
  it('registers the scheme, the sandbox and the hardening before ready, then opens the app on app://', async () => {
    await startMain();
    const before = [...electron.state.calls];
    expect(before).toContain('registerSchemesAsPrivileged');
    expect(before).toContain('enableSandbox');
    expect(before).toContain('on:web-contents-created');
    expect(before).not.toContain('new BrowserWindow');

    await becomeReady();
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.module.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(electron.module.ipcMain.handle.mock.calls.map((call) => call[0]).sort()).toEqual(
      [...invokeChannels].sort(),
    );
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(electron.state.windows).toHaveLength(1);
    expect(electron.state.windows[0]?.url).toBe('app://sg-audit/index.html');
    expect(electron.state.windows[0]?.options.webPreferences?.preload).toMatch(
      /preload[\\/]index\.cjs$/,
    );
  });

  it('never starts the crash reporter or opens anything externally', async () => {
    await startMain();
    await becomeReady();
    expect(electron.module.crashReporter.start).not.toHaveBeenCalled();
    expect(electron.module.shell.openExternal).not.toHaveBeenCalled();
  });

  it('a second instance quits at once and does nothing else', async () => {
    electron.module.app.requestSingleInstanceLock.mockReturnValue(false);
    await startMain();
    expect(electron.module.app.quit).toHaveBeenCalledOnce();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
    expect(electron.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  it('quits when the last window closes, except on macOS', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' });
    await startMain();
    electron.state.appListeners.get('window-all-closed')?.();
    expect(electron.module.app.quit).toHaveBeenCalledOnce();

    Object.defineProperty(process, 'platform', { value: 'darwin' });
    electron.module.app.quit.mockClear();
    await startMain();
    electron.state.appListeners.get('window-all-closed')?.();
    expect(electron.module.app.quit).not.toHaveBeenCalled();
  });

  it('a packaged app ignores ELECTRON_RENDERER_URL', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://attacker.example/';
    await startMain();
    await becomeReady();
    expect(electron.state.windows[0]?.url).toBe('app://sg-audit/index.html');
  });

  it('in development, loads the dev server', async () => {
    electron.module.app.isPackaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    await startMain();
    await becomeReady();
    expect(electron.state.windows[0]?.url).toBe('http://localhost:5173');
  });
});
