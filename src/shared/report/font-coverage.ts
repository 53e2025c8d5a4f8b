/**
 * Which code points a TrueType/OpenType font maps to a glyph, read from its `cmap` table (formats 4
 * and 12). The PDF builder shows a visible marker for characters the embedded font cannot draw,
 * instead of an empty box that would also copy out as the wrong character.
 */

export type GlyphCoverage = (codePoint: number) => boolean;

interface Range {
  from: number;
  to: number;
}

function tableOffset(view: DataView, tag: string): number | null {
  const tables = view.getUint16(4);
  for (let index = 0; index < tables; index += 1) {
    const record = 12 + index * 16;
    let name = '';
    for (let byte = 0; byte < 4; byte += 1) name += String.fromCharCode(view.getUint8(record + byte));
    if (name === tag) return view.getUint32(record + 8);
  }
  return null;
}

function format12(view: DataView, offset: number): Range[] {
  const groups = view.getUint32(offset + 12);
  const ranges: Range[] = [];
  for (let index = 0; index < groups; index += 1) {
    const group = offset + 16 + index * 12;
    const from = view.getUint32(group);
    const to = view.getUint32(group + 4);
    if (view.getUint32(group + 8) !== 0 || from !== to) ranges.push({ from, to });
  }
  return ranges;
}

function format4(view: DataView, offset: number): Range[] {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const ranges: Range[] = [];
  for (let index = 0; index < segments; index += 1) {
    const end = view.getUint16(ends + index * 2);
    const start = view.getUint16(starts + index * 2);
    const delta = view.getUint16(deltas + index * 2);
    const rangeOffset = view.getUint16(rangeOffsets + index * 2);
    if (start === 0xffff) continue;
    for (let code = start; code <= end; code += 1) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const at = rangeOffsets + index * 2 + rangeOffset + (code - start) * 2;
        glyph = at + 2 <= view.byteLength ? view.getUint16(at) : 0;
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph === 0) continue;
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last.to === code - 1) last.to = code;
      else ranges.push({ from: code, to: code });
    }
  }
  return ranges;
}

/** Reads the font's Unicode cmap; a font it cannot read covers nothing beyond printable ASCII. */
export function fontCoverage(font: Uint8Array): GlyphCoverage {
  let ranges: Range[] = [];
  try {
    const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
    const cmap = tableOffset(view, 'cmap');
    if (cmap !== null) {
      const count = view.getUint16(cmap + 2);
      let best: { offset: number; format: number } | null = null;
      for (let index = 0; index < count; index += 1) {
        const record = cmap + 4 + index * 8;
        const platform = view.getUint16(record);
        const encoding = view.getUint16(record + 2);
        const offset = cmap + view.getUint32(record + 4);
        const format = view.getUint16(offset);
        const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
        if (!unicode || (format !== 4 && format !== 12)) continue;
        if (best === null || (format === 12 && best.format !== 12)) best = { offset, format };
      }
      if (best !== null) ranges = best.format === 12 ? format12(view, best.offset) : format4(view, best.offset);
    }
  } catch {
    ranges = [];
  }
  if (ranges.length === 0) ranges = [{ from: 0x20, to: 0x7e }];
  ranges.sort((a, b) => a.from - b.from);
  return (codePoint) => {
    let low = 0;
    let high = ranges.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = ranges[middle] as Range;
      if (codePoint < range.from) high = middle - 1;
      else if (codePoint > range.to) low = middle + 1;
      else return true;
    }
    return false;
  };
}

/**
 * A copy of the font whose OpenType layout tables (GSUB, GPOS) are hidden by renaming their tags in
 * the table directory. fontkit then lays text out glyph by glyph from `cmap` and `hmtx` instead of
 * running the shaping engine over Noto Sans SC's large lookup tables, which was most of the PDF
 * layout time. The report needs neither ligatures nor kerning; Latin and CJK set the same way. The
 * embedded subset is unaffected: pdfkit's subsetter never writes these tables.
 */
export function withoutLayoutTables(font: Uint8Array): Uint8Array {
  const copy = font.slice();
  try {
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    const tables = view.getUint16(4);
    for (let index = 0; index < tables; index += 1) {
      const record = 12 + index * 16;
      const tag = String.fromCharCode(copy[record] ?? 0, copy[record + 1] ?? 0, copy[record + 2] ?? 0, copy[record + 3] ?? 0);
      // Lower-case first letter: a private tag no reader looks for.
      if (tag === 'GSUB' || tag === 'GPOS') copy[record] = (copy[record] ?? 0) | 0x20;
    }
  } catch {
    return font;
  }
  return copy;
}
