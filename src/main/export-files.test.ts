/** Reading chosen exports for the renderer: folders expanded, names relative, all or nothing, ceilings. */
import type * as fs from 'node:fs/promises';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The real file system, with readFile spied so a test can make one read fail (even as root).
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});
import type { RendererFile } from '../shared/host/host-api';
import { displayName, launchFilesOnce, maxExportBytes, readExportFiles } from './export-files';

let root = '';
let exportDir = '';
let looseFile = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sg-audit-read-'));
  exportDir = join(root, 'export-2025');
  await mkdir(join(exportDir, 'rules'), { recursive: true });
  await writeFile(join(exportDir, 'DescribeSecurityGroups.json'), '{"a":1}');
  await writeFile(join(exportDir, 'rules', 'sg-2.json'), '[]');
  await writeFile(join(exportDir, 'rules', 'sg-1.json'), '{}');
  looseFile = join(root, 'instances.zip');
  await writeFile(looseFile, new Uint8Array([0x50, 0x4b, 3, 4]));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const text = (file: RendererFile): string => new TextDecoder().decode(file.bytes);

describe('readExportFiles', () => {
  it('expands a folder, names each file from the folder itself, and reads the bytes as they are', async () => {
    const files = await readExportFiles([exportDir]);
    expect(files.map((file) => file.name)).toEqual([
      'export-2025/DescribeSecurityGroups.json',
      'export-2025/rules/sg-1.json',
      'export-2025/rules/sg-2.json',
    ]);
    expect(files.map(text)).toEqual(['{"a":1}', '{}', '[]']);
    for (const file of files) {
      // Plain bytes of their own: IPC would otherwise send a whole shared buffer.
      expect(file.bytes).toBeInstanceOf(Uint8Array);
      expect(file.bytes.byteOffset).toBe(0);
      expect(file.bytes.buffer.byteLength).toBe(file.bytes.byteLength);
    }
  });

  it('names a chosen file by its base name, keeps the order chosen and reads each file once', async () => {
    const files = await readExportFiles([
      looseFile,
      exportDir,
      join(exportDir, 'rules', 'sg-1.json'),
    ]);
    expect(files.map((file) => file.name)).toEqual([
      'instances.zip',
      'export-2025/DescribeSecurityGroups.json',
      'export-2025/rules/sg-1.json',
      'export-2025/rules/sg-2.json',
    ]);
    expect([...(files[0]?.bytes ?? [])]).toEqual([0x50, 0x4b, 3, 4]);
  });

  it('opens nothing when an item is missing, and names it', async () => {
    await expect(readExportFiles([exportDir, join(root, 'missing.json')])).rejects.toThrow(
      'Nothing was opened: 1 item cannot be read (missing.json: no such file or folder).',
    );
  });

  it.runIf(process.platform !== 'win32' && process.getuid?.() !== 0)(
    'opens nothing when a file cannot be read, and names it relative to its folder (skipped as root or on Windows, where chmod 000 does not deny reading; the mocked EACCES test below covers it)',
    async () => {
      const locked = join(exportDir, 'rules', 'locked.json');
      await writeFile(locked, '{}');
      await chmod(locked, 0o000);
      try {
        await expect(readExportFiles([exportDir])).rejects.toThrow(
          'Nothing was opened: 1 item cannot be read (export-2025/rules/locked.json: permission denied).',
        );
      } finally {
        await rm(locked, { force: true });
      }
    },
  );

  it('opens nothing when a listed file fails to read, and names it', async () => {
    vi.mocked(readFile).mockRejectedValueOnce(
      Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }),
    );
    await expect(readExportFiles([exportDir])).rejects.toThrow(
      'Nothing was opened: 1 item cannot be read (export-2025/DescribeSecurityGroups.json: permission denied).',
    );
  });

  it('says so when the chosen folders hold no file', async () => {
    const empty = join(root, 'empty-export');
    await mkdir(empty);
    await expect(readExportFiles([empty])).rejects.toThrow(
      'Nothing was opened: no files found in empty-export.',
    );
  });

  it('refuses a choice over the size ceiling before reading it, naming the size', async () => {
    await expect(readExportFiles([exportDir], { maxTotalBytes: 10 })).rejects.toThrow(
      'Nothing was opened: the chosen files total 11 bytes in 3 files, above the limit of 10 bytes per import.',
    );
    expect(await readExportFiles([exportDir], { maxTotalBytes: 11 })).toHaveLength(3);
  });

  it('stops at the ceiling when a file grew after it was measured', async () => {
    vi.mocked(readFile).mockResolvedValueOnce(Buffer.alloc(20) as never);
    await expect(readExportFiles([exportDir], { maxTotalBytes: 11 })).rejects.toThrow(
      'the chosen files total 20 bytes in 3 files, above the limit of 11 bytes',
    );
  });

  it('has a ceiling one IPC reply can carry (below 512 MiB)', () => {
    expect(maxExportBytes).toBeGreaterThanOrEqual(256 * 1024 * 1024);
    expect(maxExportBytes).toBeLessThan(512 * 1024 * 1024);
  });

  it('refuses more files than one import can take', async () => {
    await expect(readExportFiles([exportDir], { maxFiles: 2 })).rejects.toThrow(
      'Nothing was opened: the chosen items hold 3 files, more than the 2 one import can take.',
    );
  });
});

describe('displayName', () => {
  it('is relative to the chosen item’s parent, with forward slashes', () => {
    expect(displayName(exportDir, join(exportDir, 'rules', 'sg-1.json'))).toBe(
      'export-2025/rules/sg-1.json',
    );
    expect(displayName(looseFile, looseFile)).toBe('instances.zip');
  });

  it('keeps the end of a name too long for auditFiles', () => {
    const deep = join(exportDir, 'x'.repeat(1100), 'sg-1.json');
    const name = displayName(exportDir, deep);
    expect(name).toHaveLength(1024);
    expect(name.startsWith('…')).toBe(true);
    expect(name.endsWith('/sg-1.json')).toBe(true);
  });
});

describe('launchFilesOnce', () => {
  it('reads the launch paths on the first call only: a reload gets []', async () => {
    const read = vi.fn(async (_paths: readonly string[]) => [
      { name: 'a.json', bytes: new Uint8Array([1]) },
    ]);
    const launchFiles = launchFilesOnce(['/exports/a.json'], read);
    expect(await launchFiles()).toEqual([{ name: 'a.json', bytes: new Uint8Array([1]) }]);
    expect(await launchFiles()).toEqual([]);
    expect(read).toHaveBeenCalledOnce();
    expect(read).toHaveBeenCalledWith(['/exports/a.json']);
  });

  it('gives [] without reading when nothing was named', async () => {
    const read = vi.fn(async () => []);
    expect(await launchFilesOnce([], read)()).toEqual([]);
    expect(read).not.toHaveBeenCalled();
  });

  it('reports a failed first read once, and does not retry it', async () => {
    const read = vi.fn(async () => {
      throw new Error('Nothing was opened: 1 item cannot be read (a.json: permission denied).');
    });
    const launchFiles = launchFilesOnce(['/exports/a.json'], read);
    await expect(launchFiles()).rejects.toThrow('permission denied');
    expect(await launchFiles()).toEqual([]);
    expect(read).toHaveBeenCalledOnce();
  });

  it('reads real folders by default', async () => {
    const files = await launchFilesOnce([exportDir])();
    expect(files).toHaveLength(3);
  });
});
