/** The parts of `sg-audit verify` that need no built CLI: checksum lines and where inputs are looked for. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidatePaths } from '../../src/cli/input-locations';
import { sha256sumLine } from '../../src/shared/report/provenance';
import {
  parseChecksumFile,
  ProvenanceFormatError,
} from '../../src/shared/report/verify-provenance';

const hex = 'ab'.repeat(32);

describe('checksum files', () => {
  it('reads back what sha256sumLine writes, escaped names included', () => {
    for (const name of ['report.pdf', 'a\\b\nc.pdf', 'with space.csv']) {
      expect(parseChecksumFile(sha256sumLine(hex, name), 'x.sha256', name)).toEqual({
        sha256: hex,
        fileName: name,
      });
    }
  });

  it('takes the line naming the report among several, and the binary-mode marker', () => {
    const text = `${'cd'.repeat(32)}  other.json\n${hex} *report.json\r\n`;
    expect(parseChecksumFile(text, 'x.sha256', 'report.json')).toEqual({
      sha256: hex,
      fileName: 'report.json',
    });
  });

  it('refuses a line that is not a sha256sum line, an empty file, and lines that name other files', () => {
    expect(() => parseChecksumFile(`${hex}  a.json\nnot a line\n`, 'x.sha256', 'a.json')).toThrow(
      new ProvenanceFormatError(
        'x.sha256: line 2 is not a sha256sum line ("<sha256>  <file name>")',
      ),
    );
    expect(() => parseChecksumFile('\n', 'x.sha256', 'a.json')).toThrow(
      'x.sha256: the file is empty',
    );
    expect(() =>
      parseChecksumFile(`${hex}  b.json\n${hex}  c.json\n`, 'x.sha256', 'a.json'),
    ).toThrow('x.sha256: no line names a.json');
  });
});

describe('where an input is looked for', () => {
  it('tries the recorded path under each folder, then its shorter tails, never above a folder', () => {
    expect(candidatePaths('../export/sub/a.json', ['/m', '/w'], true)).toEqual([
      resolve('/m/export/sub/a.json'),
      resolve('/m/sub/a.json'),
      resolve('/m/a.json'),
      resolve('/w/export/sub/a.json'),
      resolve('/w/sub/a.json'),
      resolve('/w/a.json'),
    ]);
  });

  it('tries an absolute recorded path itself first, unless the folders were given', () => {
    expect(candidatePaths('/data/x.json', ['/m'], true)).toEqual([
      resolve('/data/x.json'),
      resolve('/m/data/x.json'),
      resolve('/m/x.json'),
    ]);
    expect(candidatePaths('/data/x.json', ['/m'], false)).toEqual([
      resolve('/m/data/x.json'),
      resolve('/m/x.json'),
    ]);
    expect(candidatePaths('C:\\exports\\y.json', ['/m'], false)).toEqual([
      join(resolve('/m'), 'C:', 'exports', 'y.json'),
      resolve('/m/exports/y.json'),
      resolve('/m/y.json'),
    ]);
  });
});
