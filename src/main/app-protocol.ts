/**
 * The `app://` scheme that serves the built renderer. A standard, secure scheme gives the page a real
 * origin (IndexedDB, module scripts, CSP `'self'`) without the file scheme, whose pages can read any local file.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppAssetPath, mimeTypeFor } from './app-asset-path';
import { appScheme } from './app-origin';

/**
 * The production Content-Security-Policy of reliability.md, also sent as a header: a header cannot be
 * removed by anything injected into the document, unlike the meta tag.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: true,
} as const;

/** Must run before the app is ready: Chromium fixes the scheme list at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { ...appSchemePrivileges } },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Answers one `app://` request from the files under `rendererDir`. */
export async function handleAppRequest(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return plainResponse(405, 'method not allowed');
  const filePath = resolveAppAssetPath(rendererDir, request.url);
  if (filePath === null) return plainResponse(404, 'not found');
  let body: Buffer;
  try {
    body = await readFile(filePath);
  } catch {
    // Missing, a folder, unreadable: all the same to the page, and no path is echoed back.
    return plainResponse(404, 'not found');
  }
  const contentType = mimeTypeFor(filePath);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-content-type-options': 'nosniff',
  };
  if (contentType.startsWith('text/html'))
    headers['content-security-policy'] = contentSecurityPolicy;
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers,
  });
}

/** Serves the renderer on the default session (the only one the app uses). After `app` is ready. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => handleAppRequest(rendererDir, request));
}
