import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultImportLimits } from './limits';
import { checkZipLimits, listZip, officeDocumentKind, readZipEntry, type ZipEntry } from './zip';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const decodeText = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function onlyEntries(archive: Uint8Array): ZipEntry[] {
  const listing = listZip(archive, 100);
  if (!listing.ok) throw new Error(listing.detail);
  return listing.entries;
}

/** Offset of the first central directory record, to patch its fields. */
function centralDirectoryOffset(archive: Uint8Array): number {
  for (let offset = archive.length - 22; offset >= 0; offset -= 1) {
    if (
      archive[offset] === 0x50 &&
      archive[offset + 1] === 0x4b &&
      archive[offset + 2] === 0x05 &&
      archive[offset + 3] === 0x06
    ) {
      return new DataView(archive.buffer, archive.byteOffset).getUint32(offset + 16, true);
    }
  }
  throw new Error('no end of central directory');
}

describe('listZip and readZipEntry', () => {
  it('lists entries with sizes, flags directories, and inflates stored and deflated entries', () => {
    const archive = zipSync({
      'dir/': new Uint8Array(0),
      'dir/a.json': text('{"a":1}'),
      'b.json': [text(' '.repeat(5000)), { level: 0 }],
    });
    const entries = onlyEntries(archive);
    expect(entries.map((entry) => [entry.name, entry.isDirectory, entry.size])).toEqual([
      ['dir/', true, 0],
      ['dir/a.json', false, 7],
      ['b.json', false, 5000],
    ]);
    expect(entries.slice(1).map((entry) => entry.method)).toEqual([8, 0]);
    const first = readZipEntry(archive, entries[1]!);
    expect(first.ok && decodeText(first.bytes)).toBe('{"a":1}');
    const stored = readZipEntry(archive, entries[2]!);
    expect(stored.ok && stored.bytes.length).toBe(5000);
  });

  it('keeps unusual names (__proto__, UTF-8) as they are', () => {
    // fflate cannot write an entry named __proto__: write XXproto__ and rename it in place.
    const archive = zipSync({ XXproto__: text('{}'), '中文/导出.json': text('{}') });
    for (let offset = 0; offset < archive.length - 9; offset += 1) {
      if (decodeText(archive.subarray(offset, offset + 9)) === 'XXproto__')
        archive.set(text('__'), offset);
    }
    expect(onlyEntries(archive).map((entry) => entry.name)).toEqual([
      '__proto__',
      '中文/导出.json',
    ]);
  });

  it('refuses an archive whose declared entry count is above the limit, before reading entries', () => {
    const archive = zipSync({ 'a.json': text('{}'), 'b.json': text('{}'), 'c.json': text('{}') });
    expect(listZip(archive, 2)).toEqual({
      ok: false,
      code: 'zip-too-many-entries',
      detail: 'the archive has 3 entries, above the limit of 2',
    });
  });

  it('reports damage instead of throwing', () => {
    expect(listZip(text('PK\u0003\u0004 not really a zip'), 10)).toMatchObject({
      ok: false,
      code: 'zip-corrupt',
    });
    const archive = zipSync({ 'a.json': text('{"a":1}') });
    const [entry] = onlyEntries(archive);
    const broken = archive.slice();
    broken.fill(0xff, 30 + 6, 30 + 6 + 4); // inside the deflate stream of the only entry
    expect(readZipEntry(broken, entry!)).toMatchObject({ ok: false, code: 'zip-corrupt' });
  });

  it('refuses an entry whose data inflates to more than it declares', () => {
    const archive = zipSync({ 'a.json': text('x'.repeat(1000)) });
    const patched = archive.slice();
    const view = new DataView(patched.buffer);
    view.setUint32(centralDirectoryOffset(patched) + 24, 10, true); // declared uncompressed size
    const [entry] = onlyEntries(patched);
    expect(entry!.size).toBe(10);
    expect(readZipEntry(patched, entry!)).toMatchObject({
      ok: false,
      code: 'zip-corrupt',
      detail: expect.stringContaining('10 bytes it declares'),
    });
  });

  it('refuses encrypted entries and unknown compression methods', () => {
    const archive = zipSync({ 'a.json': text('{}') });
    const [entry] = onlyEntries(archive);
    expect(readZipEntry(archive, { ...entry!, encrypted: true })).toMatchObject({
      ok: false,
      code: 'zip-unsupported',
    });
    expect(readZipEntry(archive, { ...entry!, method: 12 })).toMatchObject({
      ok: false,
      code: 'zip-unsupported',
      detail: expect.stringContaining('method 12'),
    });
  });
});

describe('checkZipLimits', () => {
  const entry = (size: number, compressedSize: number): ZipEntry => ({
    name: 'e.json',
    isDirectory: false,
    encrypted: false,
    method: 8,
    size,
    compressedSize,
    localHeaderOffset: 0,
  });
  const MiB = 1024 * 1024;

  it('accepts ordinary exports and tiny repetitive files', () => {
    expect(
      checkZipLimits([entry(10 * MiB, MiB), entry(1000, 1)], 2 * MiB, defaultImportLimits),
    ).toBeNull();
  });

  it('refuses a high ratio, a large total and a high overall ratio', () => {
    expect(checkZipLimits([entry(300 * MiB, MiB)], MiB, defaultImportLimits)).toMatchObject({
      code: 'zip-bomb',
    });
    expect(
      checkZipLimits(
        [entry(600 * MiB, 100 * MiB), entry(600 * MiB, 100 * MiB)],
        200 * MiB,
        defaultImportLimits,
      ),
    ).toMatchObject({ code: 'zip-too-large' });
    // Many small entries, each under the per-entry floor, that together expand too much.
    const many = Array.from({ length: 1000 }, () => entry(MiB - 1, 100));
    expect(checkZipLimits(many, 200 * 1000, defaultImportLimits)).toMatchObject({
      code: 'zip-bomb',
    });
  });
});

describe('officeDocumentKind', () => {
  const named = (...names: string[]): ZipEntry[] =>
    names.map((name) => ({
      name,
      isDirectory: false,
      encrypted: false,
      method: 8,
      size: 1,
      compressedSize: 1,
      localHeaderOffset: 0,
    }));
  it('recognises Office Open XML packages', () => {
    expect(officeDocumentKind(named('[Content_Types].xml', 'xl/workbook.xml'))).toBe(
      'an Excel workbook',
    );
    expect(officeDocumentKind(named('[Content_Types].xml', 'word/document.xml'))).toBe(
      'a Word document',
    );
    expect(officeDocumentKind(named('export/a.json', 'xl/notes.json'))).toBeNull();
  });
});
