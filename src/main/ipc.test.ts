import { describe, expect, it, vi } from 'vitest';
import type { AuditRunHandlers, AuditRunResult, RendererFile } from '../shared/host/host-api';
import { invokeChannels, ipcChannels } from '../shared/host/ipc-channels';

const electron = vi.hoisted(() => ({ ipcMain: { handle: vi.fn() } }));
vi.mock('electron', () => electron);

const { assertTrustedSender, createIpcHandlers, registerIpcHandlers } = await import('./ipc');
type Dependencies = Parameters<typeof createIpcHandlers>[0];

const okResult: AuditRunResult = { ok: false, cancelled: false, message: 'stub' };
const demoFiles: RendererFile[] = [
  { name: 'demo/DescribeSecurityGroups.json', bytes: new Uint8Array([123, 125]) },
];

function fakeDependencies(overrides: Partial<Dependencies> = {}) {
  const runner = {
    auditFiles: vi.fn(
      async (_files: readonly RendererFile[], _handlers: AuditRunHandlers) => okResult,
    ),
    cancel: vi.fn(),
    busy: false,
  };
  const deps = {
    runner,
    chooseExportPaths: vi.fn(
      async (_sender: unknown, _kind: 'files' | 'folder') => ['/exports/demo'] as string[] | null,
    ),
    readExportFiles: vi.fn(async (_paths: readonly string[]) => demoFiles),
    launchFiles: vi.fn(async (): Promise<RendererFile[]> => []),
    saveFile: vi.fn(async () => true),
    saveReport: vi.fn(async () => ({ saved: true as const, files: ['r.pdf'] })),
    devOrigin: null,
    ...overrides,
  };
  return { deps, runner };
}

function eventFrom(url: string, options: { parent?: unknown; frame?: null } = {}) {
  const sender = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
  const senderFrame = options.frame === null ? null : { url, parent: options.parent ?? null };
  return { senderFrame, sender } as never as Parameters<
    ReturnType<typeof createIpcHandlers>['auditFiles']
  >[0] & {
    sender: typeof sender;
  };
}

const appEvent = () => eventFrom('app://sg-audit/index.html');

const hash = 'ab'.repeat(32);
const provenance = {
  format: 'pdf',
  tool: { name: 'sg-audit', version: '0.1.0' },
  catalogueVersion: '1',
  schemaVersion: '1.1.0',
  generatedAt: '2025-07-01T08:00:00.000Z',
  language: 'zh',
  disabledChecks: ['exposed-ssh-22'],
  audit: { name: 'Q3', client: 'Demo', engagement: 'Q3', auditor: 'A', date: '2025-06-30' },
  inputs: [
    {
      path: 'demo/DescribeSecurityGroups.json',
      sha256: hash,
      bytes: 2,
      kind: 'alibaba:DescribeSecurityGroups',
      records: 1,
    },
  ],
  findingsSha256: hash,
};
const reportRequest = (overrides: Record<string, unknown> = {}) => ({
  suggestedName: 'Q3-zh.pdf',
  report: new Uint8Array([37, 80, 68, 70]),
  provenance,
  ...overrides,
});
const withProvenance = (overrides: Record<string, unknown>) =>
  reportRequest({ provenance: { ...provenance, ...overrides } });
const file = (name = 'DescribeSecurityGroups.json'): RendererFile => ({
  name,
  bytes: new Uint8Array([123, 125]),
});

describe('registration', () => {
  it('registers a handler for exactly the allowlisted invoke channels', () => {
    registerIpcHandlers(fakeDependencies().deps);
    const channels = electron.ipcMain.handle.mock.calls.map((call) => call[0]);
    expect([...channels].sort()).toEqual([...invokeChannels].sort());
  });
});

describe('sender check', () => {
  it.each([
    ['another origin', eventFrom('https://evil.example/')],
    ['a file page', eventFrom('file:///tmp/x.html')],
    ['another app host', eventFrom('app://evil/index.html')],
    ['the dev server when not in development', eventFrom('http://localhost:5173/')],
    ['a subframe of the app', eventFrom('app://sg-audit/index.html', { parent: {} })],
    ['a destroyed frame', eventFrom('', { frame: null })],
  ])('every handler refuses %s and does nothing', async (_label, event) => {
    const { deps, runner } = fakeDependencies();
    const handlers = createIpcHandlers(deps);
    const validArguments: Record<keyof typeof handlers, unknown[]> = {
      auditFiles: [[file()]],
      chooseExportFiles: ['folder'],
      launchFiles: [],
      cancelAudit: [],
      saveFile: [{ suggestedName: 'report.pdf', mimeType: 'application/pdf', data: 'x' }],
      saveReport: [reportRequest()],
    };
    for (const method of Object.keys(handlers) as (keyof typeof handlers)[]) {
      await expect(handlers[method](event, ...validArguments[method])).rejects.toThrow(
        /does not come from the SG Audit window/,
      );
    }
    expect(runner.auditFiles).not.toHaveBeenCalled();
    expect(runner.cancel).not.toHaveBeenCalled();
    expect(deps.chooseExportPaths).not.toHaveBeenCalled();
    expect(deps.readExportFiles).not.toHaveBeenCalled();
    expect(deps.launchFiles).not.toHaveBeenCalled();
    expect(deps.saveFile).not.toHaveBeenCalled();
    expect(deps.saveReport).not.toHaveBeenCalled();
  });

  it('accepts the dev server in development only', () => {
    expect(() =>
      assertTrustedSender(eventFrom('http://localhost:5173/'), 'http://localhost:5173'),
    ).not.toThrow();
    expect(() => assertTrustedSender(eventFrom('http://localhost:5173/'), null)).toThrow();
  });
});

describe('argument validation', () => {
  it.each([
    ['no arguments', []],
    ['not an array', ['x']],
    ['an empty list', [[]]],
    ['a file without bytes', [[{ name: 'a.json' }]]],
    ['bytes as a plain array', [[{ name: 'a.json', bytes: [1, 2] }]]],
    ['bytes as a string', [[{ name: 'a.json', bytes: '{}' }]]],
    ['a name that is not a string', [[{ name: 42, bytes: new Uint8Array() }]]],
    ['an empty name', [[{ name: '', bytes: new Uint8Array() }]]],
    ['a name over 1024 characters', [[{ name: 'a'.repeat(1025), bytes: new Uint8Array() }]]],
    ['an extra argument', [[file()], 'extra']],
    ['a path instead of a file', [['/etc/passwd']]],
  ])('auditFiles refuses %s', async (_label, args) => {
    const { deps, runner } = fakeDependencies();
    await expect(createIpcHandlers(deps).auditFiles(appEvent(), ...args)).rejects.toThrow(
      /Refused audit:files: invalid arguments/,
    );
    expect(runner.auditFiles).not.toHaveBeenCalled();
  });

  it.each([
    ['no request', []],
    [
      'a name over 255 characters',
      [{ suggestedName: 'a'.repeat(256), mimeType: 'text/csv', data: '' }],
    ],
    ['an empty name', [{ suggestedName: '', mimeType: 'text/csv', data: '' }]],
    ['an HTML mime type', [{ suggestedName: 'r.html', mimeType: 'text/html', data: '<script>' }]],
    [
      'an executable mime type',
      [{ suggestedName: 'r.exe', mimeType: 'application/x-msdownload', data: 'MZ' }],
    ],
    ['data as a number', [{ suggestedName: 'r.csv', mimeType: 'text/csv', data: 42 }]],
    ['data as a plain array', [{ suggestedName: 'r.csv', mimeType: 'text/csv', data: [1] }]],
    ['a target path', [{ suggestedName: 'r.csv', mimeType: 'text/csv', data: '' }, '/etc/passwd']],
  ])('saveFile refuses %s', async (_label, args) => {
    const { deps } = fakeDependencies();
    await expect(createIpcHandlers(deps).saveFile(appEvent(), ...args)).rejects.toThrow(
      /Refused file:save: invalid arguments/,
    );
    expect(deps.saveFile).not.toHaveBeenCalled();
  });

  it.each([
    ['no request', []],
    ['a second argument (a target path)', [reportRequest(), '/etc/cron.d/job']],
    ['no report', [reportRequest({ report: undefined })]],
    ['the report as text', [reportRequest({ report: '%PDF' })]],
    ['the report as a plain array', [reportRequest({ report: [37, 80] })]],
    ['an empty name', [reportRequest({ suggestedName: '' })]],
    ['a name over 255 characters', [reportRequest({ suggestedName: 'a'.repeat(256) })]],
    ['no provenance', [reportRequest({ provenance: undefined })]],
    ['an unknown format', [withProvenance({ format: 'html' })]],
    ['an unknown language', [withProvenance({ language: 'fr' })]],
    ['a findings hash that is not hex', [withProvenance({ findingsSha256: 'x'.repeat(64) })]],
    [
      'an input hash of the wrong length',
      [withProvenance({ inputs: [{ ...provenance.inputs[0], sha256: 'ab' }] })],
    ],
    [
      'a negative input size',
      [withProvenance({ inputs: [{ ...provenance.inputs[0], bytes: -1 }] })],
    ],
    [
      'an input size that is not a whole number',
      [withProvenance({ inputs: [{ ...provenance.inputs[0], bytes: 1.5 }] })],
    ],
    [
      'an unknown input kind',
      [
        withProvenance({
          inputs: [{ ...provenance.inputs[0], kind: 'aws:DescribeSecurityGroups' }],
        }),
      ],
    ],
    [
      'an audit name over 10,000 characters',
      [withProvenance({ audit: { ...provenance.audit, name: 'x'.repeat(10_001) } })],
    ],
    ['inputs that are not a list', [withProvenance({ inputs: {} })]],
  ])('saveReport refuses %s, before any dialog', async (_label, args) => {
    const { deps } = fakeDependencies();
    await expect(createIpcHandlers(deps).saveReport(appEvent(), ...args)).rejects.toThrow(
      /Refused report:save: invalid arguments/,
    );
    expect(deps.saveReport).not.toHaveBeenCalled();
  });

  it('saveReport refuses a report over the size ceiling without copying it', async () => {
    const { deps } = fakeDependencies();
    const { maxReportBytes } = await import('./ipc-schemas');
    // Untouched zero pages: cheap to allocate, and the check reads byteLength only.
    const huge = new Uint8Array(new ArrayBuffer(maxReportBytes + 1));
    await expect(
      createIpcHandlers(deps).saveReport(appEvent(), reportRequest({ report: huge })),
    ).rejects.toThrow(/larger than 480 MiB/);
    expect(deps.saveReport).not.toHaveBeenCalled();
  });

  it.each(['launchFiles', 'cancelAudit'] as const)(
    '%s refuses any argument (the renderer never names paths)',
    async (method) => {
      const { deps, runner } = fakeDependencies();
      await expect(createIpcHandlers(deps)[method](appEvent(), '/etc')).rejects.toThrow(
        /invalid arguments/,
      );
      expect(runner.cancel).not.toHaveBeenCalled();
      expect(deps.launchFiles).not.toHaveBeenCalled();
    },
  );

  it.each([
    ['no kind', []],
    ['a path instead of a kind', ['/etc']],
    ['another kind', ['directory']],
    ['a kind in capitals', ['FILES']],
    ['a kind as an object', [{ kind: 'files' }]],
    ['a kind as a list', [['files']]],
    ['an extra argument', ['files', '/etc']],
    ['an extra undefined argument', ['folder', undefined]],
  ])('chooseExportFiles refuses %s, before any dialog', async (_label, args) => {
    const { deps } = fakeDependencies();
    await expect(createIpcHandlers(deps).chooseExportFiles(appEvent(), ...args)).rejects.toThrow(
      /Refused files:choose: invalid arguments/,
    );
    expect(deps.chooseExportPaths).not.toHaveBeenCalled();
    expect(deps.readExportFiles).not.toHaveBeenCalled();
  });

  it('cuts a long validation message short', async () => {
    const { deps } = fakeDependencies();
    const error = await createIpcHandlers(deps)
      .saveFile(appEvent(), { suggestedName: 'r.csv', mimeType: 'x'.repeat(100_000), data: '' })
      .catch((caught: unknown) => caught as Error);
    expect((error as Error).message.length).toBeLessThan(700);
  });
});

describe('good requests reach the runner', () => {
  it('saveReport hands main’s dialog the bytes and the provenance only, extra fields dropped', async () => {
    const { deps } = fakeDependencies();
    const event = appEvent();
    const request = reportRequest();
    const answer = await createIpcHandlers(deps).saveReport(event, {
      ...request,
      path: '/etc/cron.d/job',
      manifestName: '../../x',
      provenance: { ...provenance, extra: 'dropped' },
    });
    expect(answer).toEqual({ saved: true, files: ['r.pdf'] });
    expect(deps.saveReport).toHaveBeenCalledWith(event.sender, request);
  });

  it('auditFiles hands over name and bytes only, and sends progress to the sender', async () => {
    const { deps, runner } = fakeDependencies();
    runner.auditFiles.mockImplementation(async (_files, handlers) => {
      handlers.onProgress?.({ phase: 'import', done: 1, total: 1, current: 'a.json' });
      handlers.onFileImported?.([], []);
      return okResult;
    });
    const event = appEvent();
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await createIpcHandlers(deps).auditFiles(event, [
      { name: 'a.json', bytes, extra: 'dropped' },
    ]);
    expect(result).toBe(okResult);
    expect(runner.auditFiles).toHaveBeenCalledWith([{ name: 'a.json', bytes }], expect.any(Object));
    expect(event.sender.send).toHaveBeenCalledWith(ipcChannels.auditProgress, {
      phase: 'import',
      done: 1,
      total: 1,
      current: 'a.json',
    });
    expect(event.sender.send).toHaveBeenCalledWith(ipcChannels.auditFileImported, [], []);
  });

  it('does not send to a destroyed window', async () => {
    const { deps, runner } = fakeDependencies();
    runner.auditFiles.mockImplementation(async (_files, handlers) => {
      handlers.onProgress?.({ phase: 'import', done: 1, total: 1, current: 'a.json' });
      return okResult;
    });
    const event = appEvent();
    event.sender.isDestroyed.mockReturnValue(true);
    await createIpcHandlers(deps).auditFiles(event, [file()]);
    expect(event.sender.send).not.toHaveBeenCalled();
  });

  it.each(['files', 'folder'] as const)(
    'chooseExportFiles(%s) shows that dialog for the sender and returns the files read, audits nothing',
    async (kind) => {
      const { deps, runner } = fakeDependencies();
      const event = appEvent();
      expect(await createIpcHandlers(deps).chooseExportFiles(event, kind)).toBe(demoFiles);
      expect(deps.chooseExportPaths).toHaveBeenCalledWith(event.sender, kind);
      expect(deps.readExportFiles).toHaveBeenCalledWith(['/exports/demo']);
      expect(runner.auditFiles).not.toHaveBeenCalled();
    },
  );

  it('chooseExportFiles resolves null on cancel and reads nothing', async () => {
    const { deps } = fakeDependencies();
    vi.mocked(deps.chooseExportPaths).mockResolvedValueOnce(null);
    expect(await createIpcHandlers(deps).chooseExportFiles(appEvent(), 'files')).toBeNull();
    expect(deps.readExportFiles).not.toHaveBeenCalled();
  });

  it('chooseExportFiles passes a reading error on to the renderer', async () => {
    const { deps } = fakeDependencies();
    vi.mocked(deps.readExportFiles).mockRejectedValueOnce(
      new Error('Nothing was opened: over the limit'),
    );
    await expect(createIpcHandlers(deps).chooseExportFiles(appEvent(), 'folder')).rejects.toThrow(
      'Nothing was opened: over the limit',
    );
  });

  it('launchFiles returns what the launch reader gives', async () => {
    const { deps, runner } = fakeDependencies();
    vi.mocked(deps.launchFiles).mockResolvedValueOnce(demoFiles);
    const handlers = createIpcHandlers(deps);
    expect(await handlers.launchFiles(appEvent())).toBe(demoFiles);
    expect(await handlers.launchFiles(appEvent())).toEqual([]);
    expect(runner.auditFiles).not.toHaveBeenCalled();
  });

  it('cancelAudit cancels the run', async () => {
    const { deps, runner } = fakeDependencies();
    await createIpcHandlers(deps).cancelAudit(appEvent());
    expect(runner.cancel).toHaveBeenCalledOnce();
  });

  it.each([
    ['application/pdf', new Uint8Array([37, 80, 68, 70])],
    ['text/csv', '\ufeff"a","b"\r\n'],
    ['application/json', '{}'],
  ])('saveFile saves %s', async (mimeType, data) => {
    const { deps } = fakeDependencies();
    const event = appEvent();
    expect(
      await createIpcHandlers(deps).saveFile(event, { suggestedName: 'report', mimeType, data }),
    ).toBe(true);
    expect(deps.saveFile).toHaveBeenCalledWith(event.sender, {
      suggestedName: 'report',
      mimeType,
      data,
    });
  });
});
