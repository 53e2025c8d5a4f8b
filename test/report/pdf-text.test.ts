/** Data strings on their way into the PDF: literal, visible, bounded, and quick to lay out. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontCoverage, withoutLayoutTables } from '../../src/shared/report/font-coverage';
import { buildPdfDefinition } from '../../src/shared/report/pdf-definition';
import { markerFor, pdfTextRuns, pdfVisibleText, type PdfTextOptions } from '../../src/shared/report/pdf-text';
import { reportText } from '../../src/shared/report/report-text';
import { buildReportModel } from '../../src/shared/report/report-model';
import { defaultFontDirectory, fontFileNames } from '../../src/node/pdf-engine';
import { demoDocument } from './harness';

const options: PdfTextOptions = {
  maxLength: 2000,
  truncated: (total) => ` [cut: ${total}]`,
  markerStyle: { color: 'red' },
  noteStyle: { color: 'grey' },
};

describe('pdfTextRuns', () => {
  it('keeps markup, formulas and templates as literal text', () => {
    for (const value of ['<script>alert(1)</script>', "=cmd|' /C calc'!A0", "{{constructor.constructor('x')()}}", '@:x', '安全组-遗留系统']) {
      expect(pdfVisibleText(value, options)).toBe(value);
    }
  });

  it('shows bidi controls, invisibles, controls and lone surrogates as markers', () => {
    expect(pdfVisibleText('a\u202Eb', options)).toBe(`a${markerFor(0x202e)}b`);
    expect(pdfVisibleText('a\u200Bb\u0000\n', options)).toBe('a‹U+200B›b‹U+0000›‹U+000A›');
    expect(pdfVisibleText('x\uD800y', options)).toBe('x‹U+D800›y');
    const runs = pdfTextRuns('a\u202Eb', options);
    expect(runs.find((run) => run.text === '‹U+202E›')?.color).toBe('red');
  });

  it('marks characters the font cannot draw, given its coverage', () => {
    const latinOnly = { ...options, coverage: (codePoint: number) => codePoint < 0x80 };
    expect(pdfVisibleText('ok 😀', latinOnly)).toBe('ok ‹U+1F600›');
  });

  it('cuts long values with a note giving the full length, never inside a surrogate pair', () => {
    const text = pdfVisibleText('😀'.repeat(2500), options);
    expect(text.endsWith(' [cut: 2500]')).toBe(true);
    expect(text.replace(' [cut: 2500]', '')).toBe('😀'.repeat(2000));
  });

  it('lets long words break anywhere, keeps short ones whole, and the runs join back to the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (value) => {
        const runs = pdfTextRuns(value, { ...options, maxLength: 10_000 });
        expect(runs.map((run) => run.text).join('')).toBe(pdfVisibleText(value, { ...options, maxLength: 10_000 }));
        for (const run of runs) {
          if (run.wordBreak === 'break-all') continue;
          const longest = Math.max(0, ...String(run.text).split(' ').map((word) => word.length));
          expect(longest).toBeLessThanOrEqual(32);
        }
      }),
      { numRuns: 300 },
    );
    const runs = pdfTextRuns(`id sg-uf6demoweb000000001 hash ${'a'.repeat(64)}`, options);
    expect(runs).toEqual([{ text: 'id sg-uf6demoweb000000001 hash ' }, { text: 'a'.repeat(64), wordBreak: 'break-all' }]);
  });
});

describe('the embedded font', () => {
  const font = new Uint8Array(readFileSync(`${defaultFontDirectory()}${fontFileNames.regular}`));

  it('covers Latin, Chinese and every character of the report wording, in both languages', () => {
    const covered = fontCoverage(font);
    expect(['A', 'é', '安', '遗', '‹', '›', '—', '…', '·', '（'].map((c) => covered(c.codePointAt(0) ?? 0))).toEqual(Array(10).fill(true));
    expect([0x202e, 0x200b, 0x1f600].map(covered)).toEqual([false, false, false]);
    const wording = JSON.stringify(reportText, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
    const missing = [...new Set(wording)].filter((c) => c >= ' ' && !covered(c.codePointAt(0) ?? 0));
    expect(missing).toEqual([]);
  });

  it('hides only the layout tables, on a copy', () => {
    const stripped = withoutLayoutTables(font);
    expect(stripped).not.toBe(font);
    expect(stripped.byteLength).toBe(font.byteLength);
    const tags = (bytes: Uint8Array): string[] => {
      const count = (bytes[4] ?? 0) * 256 + (bytes[5] ?? 0);
      return Array.from({ length: count }, (_, i) => String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)));
    };
    expect(tags(font)).toContain('GPOS');
    expect(tags(stripped)).not.toContain('GPOS');
    expect(tags(stripped)).not.toContain('GSUB');
    expect(tags(stripped)).toContain('glyf');
  });
});

describe('the PDF definition', () => {
  it('has a table-of-contents entry per section and check, and no links, images or attachments', async () => {
    const model = await buildReportModel(await demoDocument(), { client: 'C' });
    const { definition, toc } = buildPdfDefinition(model, 'en');
    expect(toc.filter((entry) => entry.level === 1).map((entry) => entry.text)).toEqual([
      '1  Scope and evidence',
      '2  Executive summary',
      '3  Results',
      '4  Findings by check',
      'Appendix',
    ]);
    expect(toc.filter((entry) => entry.text.startsWith('4.'))).toHaveLength(16);
    const keys = new Set<string>();
    JSON.stringify(definition, (key, value: unknown) => {
      keys.add(key);
      return value;
    });
    for (const key of ['link', 'linkToPage', 'linkToDestination', 'pageReference', 'textReference', 'toc', 'tocItem', 'image', 'images', 'svg', 'qr', 'attachment', 'attachments', 'files']) {
      expect(keys.has(key), key).toBe(false);
    }
    expect(definition.info.creationDate.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('is deterministic', async () => {
    const model = await buildReportModel(await demoDocument(), { client: 'C' });
    const a = buildPdfDefinition(model, 'zh');
    const b = buildPdfDefinition(model, 'zh');
    expect(JSON.stringify(a.definition)).toBe(JSON.stringify(b.definition));
  });
});
