import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

const { contentSecurityPolicy, handleAppRequest, registerAppScheme, serveAppProtocol } =
  await import('./app-protocol');

let rendererDir = '';

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'sg-audit-renderer-'));
  await mkdir(join(rendererDir, 'assets'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>SG Audit</title>');
  await writeFile(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
});

afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is registered as a standard, secure, fetchable, streamable scheme without CORS', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: false,
          stream: true,
        },
      },
    ]);
  });

  it('is served by protocol.handle from the renderer folder', async () => {
    serveAppProtocol(rendererDir);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = electron.protocol.handle.mock.calls[0]?.[1] as (
      request: Request,
    ) => Promise<Response>;
    const response = await handler(new Request('app://sg-audit/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('handleAppRequest', () => {
  it('serves index.html with its type, nosniff and the production CSP', async () => {
    const response = await handleAppRequest(rendererDir, new Request('app://sg-audit/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await response.text()).toContain('SG Audit');
  });

  it('serves scripts as JavaScript', async () => {
    const response = await handleAppRequest(
      rendererDir,
      new Request('app://sg-audit/assets/index-abc.js'),
    );
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log(1)');
  });

  it.each([
    'app://sg-audit/../sg-audit-secret.txt',
    'app://sg-audit/%2e%2e/sg-audit-secret.txt',
    'app://other/index.html',
  ])('answers 404 without a body that names a path for %s', async (url) => {
    // Request() itself normalises some of these; the guard is tested on raw strings in app-asset-path.test.ts.
    const response = await handleAppRequest(rendererDir, { method: 'GET', url } as Request);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not found');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect(
      (await handleAppRequest(rendererDir, new Request('app://sg-audit/missing.js'))).status,
    ).toBe(404);
    expect((await handleAppRequest(rendererDir, new Request('app://sg-audit/assets'))).status).toBe(
      404,
    );
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await handleAppRequest(
      rendererDir,
      new Request('app://sg-audit/index.html', { method: 'POST', body: 'x' }),
    );
    expect(response.status).toBe(405);
  });

  it('pins the CSP of reliability.md, without unsafe-eval', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-src 'none'",
    );
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
  });
});
