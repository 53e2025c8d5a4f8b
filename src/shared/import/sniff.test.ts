import { describe, expect, it } from 'vitest';
import { sniff } from './sniff';

const ascii = (text: string): number[] => Array.from(text, (char) => char.charCodeAt(0));
const of = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('sniff', () => {
  it.each([
    ['zip', of(0x50, 0x4b, 0x03, 0x04, 0, 0), { type: 'zip' }],
    ['empty zip', of(0x50, 0x4b, 0x05, 0x06), { type: 'zip' }],
    ['PDF', of(...ascii('%PDF-1.7')), { type: 'binary', label: 'a PDF file' }],
    ['PNG', of(0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a), { type: 'binary', label: 'a PNG image' }],
    ['gzip', of(0x1f, 0x8b, 8), { type: 'binary', label: 'a gzip archive (unpack it first)' }],
    [
      'old Excel',
      of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
      { type: 'binary', label: 'a legacy Microsoft Office document (such as .xls)' },
    ],
    ['AppleDouble', of(0x00, 0x05, 0x16, 0x07, 0, 2), { type: 'mac-metadata' }],
    ['JSON', of(...ascii('{"a":1}')), { type: 'text' }],
    ['empty', of(), { type: 'text' }],
  ])('%s', (_label, bytes, expected) => {
    expect(sniff(bytes)).toEqual(expected);
  });

  it('detects tar by its header, but not "ustar" text inside a JSON document', () => {
    const tar = new Uint8Array(512);
    tar.set(ascii('export/a.json'), 0);
    tar.set(ascii('ustar'), 257);
    expect(sniff(tar)).toEqual({
      type: 'binary',
      label: 'a tar archive (unpack it first or use .zip)',
    });
    const json = new Uint8Array(512).fill(0x20);
    json[0] = 0x7b;
    json.set(ascii('ustar'), 257);
    expect(sniff(json)).toEqual({ type: 'text' });
  });
});
