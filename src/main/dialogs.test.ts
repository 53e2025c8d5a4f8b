import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn(() => '/home/auditor/Documents') },
  BrowserWindow: { fromWebContents: vi.fn(() => ({ id: 1 })) },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
}));
vi.mock('electron', () => electron);

const { chooseExportPaths, openExportDialogOptions, saveReportWithDialog, saveWithDialog } =
  await import('./dialogs');
const sender = {} as never;

let outDir = '';
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'sg-audit-save-'));
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('open export dialogs', () => {
  it('files: several files at once, JSON and ZIP first, never folders', () => {
    expect(openExportDialogOptions.files.properties).toEqual([
      'openFile',
      'multiSelections',
      'dontAddToRecent',
    ]);
    expect(openExportDialogOptions.files.filters).toEqual([
      { name: 'Cloud exports (JSON, ZIP)', extensions: ['json', 'zip'] },
      { name: 'All files', extensions: ['*'] },
    ]);
  });

  it('folder: several folders at once, never files (Windows and Linux cannot mix them)', () => {
    expect(openExportDialogOptions.folder.properties).toEqual([
      'openDirectory',
      'multiSelections',
      'dontAddToRecent',
    ]);
    expect(openExportDialogOptions.folder.properties).not.toContain('openFile');
    expect(openExportDialogOptions.folder.filters).toBeUndefined();
  });

  it.each(['files', 'folder'] as const)(
    '%s: shows that dialog attached to the sender window and returns the chosen paths',
    async (kind) => {
      electron.dialog.showOpenDialog.mockResolvedValueOnce({
        canceled: false,
        filePaths: ['/exports/demo', '/exports/b.zip'],
      });
      expect(await chooseExportPaths(sender, kind)).toEqual(['/exports/demo', '/exports/b.zip']);
      expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(
        { id: 1 },
        openExportDialogOptions[kind],
      );
    },
  );

  it('shows an unattached dialog when the sender has no window', async () => {
    electron.BrowserWindow.fromWebContents.mockReturnValueOnce(null as never);
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/a'] });
    expect(await chooseExportPaths(sender, 'folder')).toEqual(['/a']);
    expect(electron.dialog.showOpenDialog).toHaveBeenLastCalledWith(openExportDialogOptions.folder);
  });

  it('returns null when cancelled, or when nothing was chosen', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseExportPaths(sender, 'files')).toBeNull();
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [] });
    expect(await chooseExportPaths(sender, 'folder')).toBeNull();
  });
});

describe('save dialog', () => {
  it('proposes a sanitised name in Documents and writes the bytes', async () => {
    const target = join(outDir, 'report.pdf');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const bytes = new Uint8Array([37, 80, 68, 70, 0, 255]);
    expect(
      await saveWithDialog(sender, {
        suggestedName: '../../report',
        mimeType: 'application/pdf',
        data: bytes,
      }),
    ).toBe(true);
    const options = electron.dialog.showSaveDialog.mock.calls.at(-1)?.[1] as {
      defaultPath: string;
      filters: unknown;
    };
    expect(options.defaultPath).toBe(join('/home/auditor/Documents', 'report.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(new Uint8Array(await readFile(target))).toEqual(bytes);
  });

  it('writes text as UTF-8, byte for byte', async () => {
    const target = join(outDir, 'findings.csv');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const text = '\ufeff"组","=1+1"\r\n';
    expect(
      await saveWithDialog(sender, {
        suggestedName: 'findings.csv',
        mimeType: 'text/csv',
        data: text,
      }),
    ).toBe(true);
    expect(await readFile(target, 'utf8')).toBe(text);
  });

  it('returns false and writes nothing when cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(
      await saveWithDialog(sender, { suggestedName: 'x.csv', mimeType: 'text/csv', data: 'x' }),
    ).toBe(false);
  });
});

describe('report save dialog', () => {
  const provenance = {
    format: 'pdf' as const,
    tool: { name: 'sg-audit', version: '0.1.0' },
    catalogueVersion: '1',
    schemaVersion: '1.1.0',
    generatedAt: '2025-07-01T08:00:00.000Z',
    language: 'zh' as const,
    disabledChecks: [],
    audit: { name: 'Q3', client: 'Demo', engagement: 'Q3', auditor: 'A', date: '2025-06-30' },
    inputs: [],
    findingsSha256: '',
  };
  const report = new Uint8Array([37, 80, 68, 70, 45]);

  it('asks once, for the report, and writes it with its manifest and checksum beside it', async () => {
    const folder = await mkdtemp(join(outDir, 'report-'));
    const target = join(folder, 'chosen.pdf');
    electron.dialog.showSaveDialog.mockClear();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await saveReportWithDialog(sender, {
      suggestedName: '../Q3\u202e-zh',
      report,
      provenance,
    });
    expect(result).toEqual({
      saved: true,
      files: ['chosen.pdf', 'chosen.pdf.manifest.json', 'chosen.pdf.sha256'],
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledOnce();
    const options = electron.dialog.showSaveDialog.mock.calls[0]?.[1] as {
      defaultPath: string;
      filters: unknown;
    };
    expect(options.defaultPath).toBe(join('/home/auditor/Documents', 'Q3_-zh.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect((await readdir(folder)).sort()).toEqual(result.saved ? result.files.sort() : []);
    expect(new Uint8Array(await readFile(target))).toEqual(report);
  });

  it('writes nothing when cancelled', async () => {
    const folder = await mkdtemp(join(outDir, 'report-'));
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(
      await saveReportWithDialog(sender, { suggestedName: 'r.pdf', report, provenance }),
    ).toEqual({ saved: false });
    expect(await readdir(folder)).toEqual([]);
  });
});
