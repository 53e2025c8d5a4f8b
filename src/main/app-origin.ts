/**
 * Where the renderer lives and which URLs count as ours. Pure: shared by the protocol handler, the
 * navigation and request guards and the IPC sender check, so they can never disagree.
 */

export const appScheme = 'app';
export const appHost = 'sg-audit';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/**
 * The electron-vite dev server's origin, trusted only in an unpackaged app: a packaged app ignores the
 * environment variable, so nobody can point an installed copy at a server of their choosing.
 */
export function devServerOrigin(
  isPackaged: boolean,
  rendererUrl: string | undefined,
): string | null {
  if (isPackaged || rendererUrl === undefined || rendererUrl === '') return null;
  try {
    const url = new URL(rendererUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A URL of our own scheme and host (any path; the protocol handler guards the path). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.hostname === appHost &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

function isDevServerUrl(url: string, devOrigin: string | null): boolean {
  if (devOrigin === null) return false;
  const parsed = parse(url);
  return parsed !== null && parsed.origin === devOrigin;
}

/** A page or frame URL that may talk to main: our app document, or the dev server in development. */
export function isTrustedRendererUrl(url: string, devOrigin: string | null): boolean {
  return isAppUrl(url) || isDevServerUrl(url, devOrigin);
}

/** The URL the main window loads. */
export function rendererEntryUrl(
  devOrigin: string | null,
  rendererUrl: string | undefined,
): string {
  return devOrigin !== null && rendererUrl !== undefined ? rendererUrl : appEntryUrl;
}
