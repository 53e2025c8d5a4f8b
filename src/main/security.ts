/**
 * Hardening applied to every webContents and to the session: no navigation away from the app, no new
 * windows, no webviews, no permissions, no request that leaves the app's own scheme.
 * The handlers are exported so the tests pin each one directly.
 */
import type { App, Event, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export interface SecurityOptions {
  /** The dev server's origin in `electron-vite dev`, otherwise null. */
  devOrigin: string | null;
}

interface PreventableEvent {
  preventDefault(): void;
}

interface NavigationEvent extends PreventableEvent {
  url: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The app's own document: the only place a navigation may go (a reload of itself, in effect). */
export function isAppDocumentUrl(url: string, devOrigin: string | null): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (isAppUrl(url)) return parsed.pathname === '/' || parsed.pathname === '/index.html';
  return devOrigin !== null && parsed.origin === devOrigin;
}

/**
 * For `will-navigate`, `will-frame-navigate` and `will-redirect`: Electron puts the target URL on the
 * event itself (the positional `url` argument is deprecated).
 */
export function createNavigationGuard(devOrigin: string | null): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppDocumentUrl(event.url, devOrigin)) event.preventDefault();
  };
}

export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

export function preventWebviewAttach(event: PreventableEvent): void {
  event.preventDefault();
}

export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function denyDevicePermission(): boolean {
  return false;
}

/** Downloads would write files outside the save dialog; the renderer saves through `saveFile` only. */
export function preventDownload(event: PreventableEvent): void {
  event.preventDefault();
}

/**
 * Which requests the session lets through: the app's own scheme (and blob: URLs the app created),
 * DevTools' own pages, and in development the dev server (its HTTP origin and its HMR websocket). Everything else is cancelled,
 * so even a compromised renderer has no way to send data off the machine.
 */
export function isAllowedRequestUrl(url: string, devOrigin: string | null): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'devtools:') return true;
  // A blob: URL names memory the page itself created (`blob:app://sg-audit/<uuid>`): nothing leaves.
  if (parsed.protocol === 'blob:') {
    const creator = url.slice('blob:'.length);
    return isAppUrl(creator) || (devOrigin !== null && parse(creator)?.origin === devOrigin);
  }
  if (devOrigin === null) return false;
  const dev = new URL(devOrigin);
  if (parsed.origin === devOrigin) return true;
  const websocket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.protocol === websocket && parsed.host === dev.host;
}

export function createRequestFilter(
  devOrigin: string | null,
): (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void {
  return (details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url, devOrigin) });
}

export function hardenWebContents(contents: WebContents, options: SecurityOptions): void {
  const guard = createNavigationGuard(options.devOrigin);
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', preventWebviewAttach);
  contents.setWindowOpenHandler(denyWindowOpen);
}

export function hardenSession(session: Session, options: SecurityOptions): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  // The spellchecker would download dictionaries.
  session.setSpellCheckerEnabled(false);
  session.webRequest.onBeforeRequest(createRequestFilter(options.devOrigin));
  session.on('will-download', preventDownload);
}

/** Every webContents, including any the app never meant to create, is hardened the moment it exists. */
export function hardenApp(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event: Event, contents: WebContents) =>
    hardenWebContents(contents, options),
  );
}
