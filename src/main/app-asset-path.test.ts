import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAssetPath } from './app-asset-path';

const root = resolve('/srv/sg-audit/renderer');

describe('resolveAppAssetPath', () => {
  it.each([
    ['app://sg-audit/', 'index.html'],
    ['app://sg-audit/index.html', 'index.html'],
    ['app://sg-audit/index.html?x=1#top', 'index.html'],
    ['app://sg-audit/assets/index-3fA_b9-x.js', join('assets', 'index-3fA_b9-x.js')],
    ['app://sg-audit/assets/NotoSansSC@400.woff2', join('assets', 'NotoSansSC@400.woff2')],
  ])('serves %s from the renderer folder', (url, relativePath) => {
    expect(resolveAppAssetPath(root, url)).toBe(join(root, relativePath));
  });

  it.each([
    ['dot-dot', 'app://sg-audit/../secret.txt'],
    ['dot-dot inside', 'app://sg-audit/assets/../../secret.txt'],
    ['single dot', 'app://sg-audit/./index.html'],
    ['encoded dot-dot', 'app://sg-audit/%2e%2e/secret.txt'],
    ['encoded dot-dot upper case', 'app://sg-audit/%2E%2E/secret.txt'],
    ['encoded dot-dot and slash', 'app://sg-audit/%2E%2E%2Fsecret.txt'],
    ['mixed encoding', 'app://sg-audit/.%2e/secret.txt'],
    ['double encoding', 'app://sg-audit/%252e%252e/secret.txt'],
    ['encoded slash', 'app://sg-audit/assets%2f..%2f..%2fsecret.txt'],
    ['encoded backslash', 'app://sg-audit/..%5c..%5csecret.txt'],
    ['raw backslash', 'app://sg-audit/..\\..\\secret.txt'],
    ['encoded NUL', 'app://sg-audit/index.html%00.png'],
    ['raw NUL', 'app://sg-audit/index.html\u0000.png'],
    ['absolute path (empty host)', 'app:///etc/passwd'],
    ['absolute path after host', 'app://sg-audit//etc/passwd'],
    ['UNC path', 'app://sg-audit/\\\\server\\share\\x'],
    ['UNC path as URL', 'app://sg-audit//server/share/x'],
    ['drive letter', 'app://sg-audit/C:/Windows/win.ini'],
    ['drive letter encoded', 'app://sg-audit/C%3A/Windows/win.ini'],
    ['alternate data stream', 'app://sg-audit/index.html:stream'],
    ['wrong host', 'app://evil/index.html'],
    ['look-alike host', 'app://sg-audit.evil/index.html'],
    ['host with port', 'app://sg-audit:8080/index.html'],
    ['credentials', 'app://user@sg-audit/index.html'],
    ['other scheme', 'file:///srv/sg-audit/renderer/index.html'],
    ['http', 'http://sg-audit/index.html'],
    ['folder', 'app://sg-audit/assets/'],
    ['hidden file', 'app://sg-audit/.env'],
    ['newline', 'app://sg-audit/index.html\n'],
    ['not a URL', 'not a url'],
    ['empty', ''],
    ['very long', `app://sg-audit/${'a'.repeat(5000)}.js`],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppAssetPath(root, url)).toBeNull();
  });

  it('never returns a path outside the root, whatever the path', () => {
    const pathCharacter = fc.constantFrom(...'aZ09._-/\\%:@+~ 2eE5cCfF\u0000'.split(''));
    fc.assert(
      fc.property(fc.string({ unit: pathCharacter, maxLength: 40 }), (path) => {
        const result = resolveAppAssetPath(root, `app://sg-audit/${path}`);
        if (result !== null) expect(result.startsWith(join(root, '/'))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.woff2', 'font/woff2'],
    ['a.ttf', 'font/ttf'],
    ['a.json', 'application/json'],
    ['a.png', 'image/png'],
    ['A.PNG', 'image/png'],
    ['a.unknown', 'application/octet-stream'],
    ['noextension', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });
});
