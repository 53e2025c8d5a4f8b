import { describe, expect, it, vi } from 'vitest';
import type { AuditRunResult, HostApi, ReportSaveRequest } from '../shared/host/host-api';
import {
  eventChannels,
  invokeChannels,
  ipcChannels,
  type IpcChannel,
} from '../shared/host/ipc-channels';

type Listener = (event: unknown, ...payload: unknown[]) => void;

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, ...payload: unknown[]) => void>>();
  return {
    listeners,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: {
      invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => null),
      on: vi.fn((channel: string, listener: (event: unknown, ...payload: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn(
        (channel: string, listener: (event: unknown, ...payload: unknown[]) => void) => {
          listeners.get(channel)?.delete(listener);
        },
      ),
      send: vi.fn(),
      sendSync: vi.fn(),
    },
  };
});
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
}));

await import('./index');
const [exposedName, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [
  string,
  HostApi,
];

function emit(channel: IpcChannel, ...payload: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? [])
    (listener as Listener)({ sender: 'fake' }, ...payload);
}

function listenerCount(): number {
  let count = 0;
  for (const set of electron.listeners.values()) count += set.size;
  return count;
}

const outcome: AuditRunResult = { ok: false, cancelled: false, message: 'done' };

const reportRequest: ReportSaveRequest = {
  suggestedName: 'r.pdf',
  report: new Uint8Array([37, 80, 68, 70]),
  provenance: {
    format: 'pdf',
    tool: { name: 'sg-audit', version: '0.1.0' },
    catalogueVersion: '1',
    schemaVersion: '1.1.0',
    generatedAt: '2025-07-01T08:00:00.000Z',
    language: 'en',
    disabledChecks: [],
    audit: { name: 'Q3', client: 'Demo', engagement: 'Q3', auditor: 'A', date: '2025-06-30' },
    inputs: [],
    findingsSha256: '',
  },
};

describe('preload', () => {
  it('exposes window.sgAudit once, with kind electron and exactly the six functions', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposedName).toBe('sgAudit');
    expect(Object.keys(api).sort()).toEqual([
      'auditFiles',
      'cancelAudit',
      'chooseExportFiles',
      'kind',
      'launchFiles',
      'saveFile',
      'saveReport',
    ]);
    expect(api.kind).toBe('electron');
    for (const [key, value] of Object.entries(api)) {
      if (key !== 'kind') expect(typeof value, key).toBe('function');
    }
  });

  it('exposes nothing of ipcRenderer itself', () => {
    const values = Object.values(api);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(values).not.toContain(electron.ipcRenderer.send);
  });

  it('each function invokes its own fixed channel, and only allowlisted channels are used', async () => {
    electron.ipcRenderer.invoke.mockClear();
    electron.ipcRenderer.invoke.mockResolvedValue(outcome);
    const bytes = new Uint8Array([123, 125]);
    await api.auditFiles([{ name: 'a.json', bytes }]);
    await api.chooseExportFiles?.('files');
    await api.chooseExportFiles?.('folder');
    await api.launchFiles?.();
    api.cancelAudit();
    await api.saveFile({ suggestedName: 'r.csv', mimeType: 'text/csv', data: 'x' });
    await api.saveReport(reportRequest);

    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [ipcChannels.auditFiles, [{ name: 'a.json', bytes }]],
      [ipcChannels.chooseExportFiles, 'files'],
      [ipcChannels.chooseExportFiles, 'folder'],
      [ipcChannels.launchFiles],
      [ipcChannels.cancelAudit],
      [ipcChannels.saveFile, { suggestedName: 'r.csv', mimeType: 'text/csv', data: 'x' }],
      [ipcChannels.saveReport, reportRequest],
    ]);
    for (const [channel] of electron.ipcRenderer.invoke.mock.calls)
      expect(invokeChannels).toContain(channel);
    for (const [channel] of electron.ipcRenderer.on.mock.calls)
      expect(eventChannels).toContain(channel);
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.sendSync).not.toHaveBeenCalled();
  });

  it('sends only name and bytes of each file, and only the three fields of a save or report request', async () => {
    electron.ipcRenderer.invoke.mockClear();
    const bytes = new Uint8Array([1]);
    const file = Object.assign({ name: 'a.json', bytes }, { path: '/etc/passwd', extra: () => 1 });
    await api.auditFiles([file]);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannels.auditFiles, [
      { name: 'a.json', bytes },
    ]);
    const request = Object.assign(
      { suggestedName: 'r.pdf', mimeType: 'application/pdf', data: bytes },
      { path: '/etc' },
    );
    await api.saveFile(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannels.saveFile, {
      suggestedName: 'r.pdf',
      mimeType: 'application/pdf',
      data: bytes,
    });
    await api.saveReport(
      Object.assign({}, reportRequest, { path: '/etc/cron.d/job', manifestName: '../x' }),
    );
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannels.saveReport, {
      suggestedName: reportRequest.suggestedName,
      report: reportRequest.report,
      provenance: reportRequest.provenance,
    });
  });

  it('delivers progress and file events to the run handlers, then removes its listeners', async () => {
    let answer: (result: AuditRunResult) => void = () => undefined;
    electron.ipcRenderer.invoke.mockImplementationOnce(
      () => new Promise((resolve) => (answer = resolve)),
    );
    const onProgress = vi.fn();
    const onFileImported = vi.fn();
    const run = api.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }], {
      onProgress,
      onFileImported,
    });
    expect(listenerCount()).toBe(2);
    emit(ipcChannels.auditProgress, { phase: 'import', done: 1, total: 1, current: 'a.json' });
    emit(ipcChannels.auditFileImported, [{ name: 'a.json' }], []);
    answer(outcome);
    expect(await run).toBe(outcome);
    expect(onProgress).toHaveBeenCalledWith({
      phase: 'import',
      done: 1,
      total: 1,
      current: 'a.json',
    });
    expect(onFileImported).toHaveBeenCalledWith([{ name: 'a.json' }], []);
    expect(listenerCount()).toBe(0);
  });

  it('removes its listeners when the run fails too', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('Refused'));
    await expect(
      api.auditFiles([{ name: 'a.json', bytes: new Uint8Array([1]) }], { onProgress: vi.fn() }),
    ).rejects.toThrow('Refused');
    expect(listenerCount()).toBe(0);
  });

  it('hands back the files main read, null on cancel, and listens to no run events meanwhile', async () => {
    const files = [{ name: 'export/a.json', bytes: new Uint8Array([123, 125]) }];
    electron.ipcRenderer.invoke.mockResolvedValueOnce(files);
    expect(await api.chooseExportFiles?.('folder')).toBe(files);
    electron.ipcRenderer.invoke.mockResolvedValueOnce(null);
    expect(await api.chooseExportFiles?.('files')).toBeNull();
    electron.ipcRenderer.invoke.mockResolvedValueOnce([]);
    expect(await api.launchFiles?.()).toEqual([]);
    expect(listenerCount()).toBe(0);
  });

  it('passes main’s refusal of a choice on to the page', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('Nothing was opened'));
    await expect(api.chooseExportFiles?.('folder')).rejects.toThrow('Nothing was opened');
  });

  it('cancelAudit never throws into the page', async () => {
    electron.ipcRenderer.invoke.mockRejectedValueOnce(new Error('gone'));
    expect(() => api.cancelAudit()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
