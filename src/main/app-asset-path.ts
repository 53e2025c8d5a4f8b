/**
 * Maps an `app://sg-audit/...` request to a file of the built renderer. Pure, so the path-traversal
 * guard is tested without Electron.
 *
 * The guard is an allowlist, not a blocklist: the built renderer's file names are plain ASCII
 * (`assets/index-3fA_b9.js`), so any percent escape, backslash, control character, colon, empty or
 * dot segment is refused outright instead of being decoded and second-guessed. That covers `..`,
 * `%2e%2e`, double encoding, encoded slashes and backslashes, NUL, drive letters, UNC and absolute
 * paths at once, whatever the URL parser would have normalised.
 */
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { appOrigin } from './app-origin';

const safeSegment = /^[A-Za-z0-9_@+~-][A-Za-z0-9._@+~-]*$/;
const maxPathLength = 1024;

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type to serve a file with; unknown types are opaque bytes (and `nosniff` keeps them so). */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `rootDir` that `requestUrl` names, or null when the URL is not ours or its path is
 * anything but plain segments. `app://sg-audit/` serves `index.html`.
 */
export function resolveAppAssetPath(rootDir: string, requestUrl: string): string | null {
  const prefix = `${appOrigin}/`;
  // Compared on the raw string: URL parsing would already have resolved `..` and `%2e%2e`, hiding the attempt.
  if (!requestUrl.startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (rawPath.length > maxPathLength) return null;
  const segments = rawPath === '' ? ['index.html'] : rawPath.split('/');
  if (!segments.every((segment) => safeSegment.test(segment))) return null;

  const root = resolve(rootDir);
  const filePath = join(root, ...segments);
  // Belt and braces: whatever slipped through, the result must still lie inside the root.
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return filePath;
}
