import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const security = await import('./security');
const {
  createNavigationGuard,
  createRequestFilter,
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWindowOpen,
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  preventDownload,
  preventWebviewAttach,
} = security;

const devOrigin = 'http://localhost:5173';

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('navigation guard (will-navigate, will-frame-navigate, will-redirect)', () => {
  it.each([
    'https://example.com/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://sg-audit/other.html',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('prevents navigating to %s', (url) => {
    const event = navigationEvent(url);
    createNavigationGuard(null)(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it.each(['app://sg-audit/index.html', 'app://sg-audit/', 'app://sg-audit/index.html#/results'])(
    'lets the app reload its own document %s',
    (url) => {
      const event = navigationEvent(url);
      createNavigationGuard(null)(event);
      expect(event.preventDefault).not.toHaveBeenCalled();
    },
  );

  it('in development, allows the dev server origin only', () => {
    const allowed = navigationEvent('http://localhost:5173/index.html');
    const other = navigationEvent('http://localhost:5174/');
    createNavigationGuard(devOrigin)(allowed);
    createNavigationGuard(devOrigin)(other);
    expect(allowed.preventDefault).not.toHaveBeenCalled();
    expect(other.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('window, webview and download handlers', () => {
  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const event = { preventDefault: vi.fn() };
    preventWebviewAttach(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('prevents downloads', () => {
    const event = { preventDefault: vi.fn() };
    preventDownload(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('permission handlers', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'fullscreen',
    'openExternal',
    'unknown',
  ])('deny a request for %s', (permission) => {
    const callback = vi.fn();
    denyPermissionRequest({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
  });

  it('deny every permission check and device permission', () => {
    expect(denyPermissionCheck()).toBe(false);
    expect(denyDevicePermission()).toBe(false);
  });
});

describe('request filter', () => {
  it.each([
    'http://example.com/',
    'https://example.com/collect?data=1',
    'http://127.0.0.1:8080/',
    'http://localhost:5173/',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'data:text/plain,hello',
    'ftp://example.com/',
    'chrome://settings',
    'app://evil/index.html',
    'app://sg-audit.evil/index.html',
    'blob:https://example.com/0b7f-uuid',
    'blob:blob:app://sg-audit/uuid',
    'blob:null/uuid',
    'not a url',
  ])('cancels %s', (url) => {
    const callback = vi.fn();
    createRequestFilter(null)({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it.each([
    'app://sg-audit/index.html',
    'app://sg-audit/assets/index-abc.js',
    'blob:app://sg-audit/0b7f-uuid',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => {
    const callback = vi.fn();
    createRequestFilter(null)({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: false });
  });

  it('in development, also lets the dev server and its HMR websocket through, nothing else', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.ts', devOrigin)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', devOrigin)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5174/', devOrigin)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', devOrigin)).toBe(false);
  });
});

describe('wiring', () => {
  it('hardens every webContents as it is created', () => {
    const on = vi.fn();
    const app = { on };
    hardenApp(app as never, { devOrigin: null });
    expect(on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));

    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    const created = on.mock.calls[0]?.[1] as (event: unknown, contents: unknown) => void;
    created({}, contents);
    const events = contents.on.mock.calls.map((call) => call[0]);
    expect(events).toEqual([
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledWith(denyWindowOpen);

    for (const [event, listener] of contents.on.mock.calls as [
      string,
      (event: unknown) => void,
    ][]) {
      const preventable = { url: 'https://example.com/', preventDefault: vi.fn() };
      listener(preventable);
      expect(preventable.preventDefault, event).toHaveBeenCalledOnce();
    }
  });

  it('hardenWebContents installs the same handlers directly', () => {
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    hardenWebContents(contents as never, { devOrigin: null });
    expect(contents.on).toHaveBeenCalledWith('will-attach-webview', preventWebviewAttach);
  });

  it('the session denies permissions, disables the spellchecker, filters requests and blocks downloads', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      setSpellCheckerEnabled: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
      on: vi.fn(),
    };
    hardenSession(session as never, { devOrigin: null });
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledWith(denyDevicePermission);
    expect(session.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.on).toHaveBeenCalledWith('will-download', preventDownload);
    expect(session.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    // Installed without a URL filter, so it sees every request.
    const filter = session.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      details: { url: string },
      callback: (response: { cancel: boolean }) => void,
    ) => void;
    const callback = vi.fn();
    filter({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
