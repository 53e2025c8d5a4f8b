/**
 * Data strings on their way into the PDF. Client exports are hostile by default: every value is
 * laid out as literal text runs (pdfmake has no markup), and
 * - bidi controls, zero-width and other invisible or control characters, lone surrogates and
 *   characters the embedded font cannot draw are shown as a visible marker such as ‹U+202E›,
 *   never obeyed and never drawn as an empty box;
 * - a value longer than `maxLength` code points is cut with a note saying how long it was (a
 *   100,000-character word would otherwise fill dozens of pages, once per place it appears);
 * - long unbroken tokens may break between any two characters (see pushPlain).
 */
/* eslint-disable no-control-regex, no-misleading-character-class -- finding control and combining characters is this module's purpose */
import type { GlyphCoverage } from './font-coverage';
import type { PdfInline, PdfStyle } from './pdf-types';

const invisible =
  /^(?:[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|[\ud800-\udfff])$/u;

export interface PdfTextOptions {
  /** Characters the embedded font can draw; without it, only invisible characters are marked. */
  coverage?: GlyphCoverage;
  /** Longest value shown, in code points. */
  maxLength: number;
  /** The note appended to a cut value, given its full length in code points. */
  truncated: (total: number) => string;
  markerStyle: PdfStyle;
  noteStyle: PdfStyle;
}

/** Unbroken runs longer than this (32 characters) may break between any two characters. */
const longRun = /[^ ]{33,}/g;

export function markerFor(codePoint: number): string {
  return `‹U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}›`;
}

function isInvisible(character: string): boolean {
  return invisible.test(character);
}

/**
 * Plain text as runs: unbroken stretches longer than `longToken` become runs of their own that
 * may break anywhere (`wordBreak: 'break-all'`), so a long word wraps inside its column instead of
 * widening the table, and pdfmake measures it character by character instead of re-measuring the
 * rest of the word on every line.
 */
function pushPlain(runs: PdfInline[], text: string): void {
  if (text === '') return;
  let start = 0;
  for (const match of text.matchAll(longRun)) {
    const index = match.index ?? 0;
    if (index > start) runs.push({ text: text.slice(start, index) });
    runs.push({ text: match[0], wordBreak: 'break-all' });
    start = index + match[0].length;
  }
  if (start < text.length) runs.push({ text: text.slice(start) });
}

function codePointLength(value: string): number {
  let length = value.length;
  for (let index = 0; index < value.length - 1; index += 1) {
    const code = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      length -= 1;
      index += 1;
    }
  }
  return length;
}

/**
 * Text runs for one data value. Always at least one run, so an empty value still takes a line
 * height in a table cell.
 */
export function pdfTextRuns(value: string, options: PdfTextOptions): PdfInline[] {
  const runs: PdfInline[] = [];
  let plain = '';
  let count = 0;
  let cut = false;
  for (const character of value) {
    if (count === options.maxLength) {
      cut = true;
      break;
    }
    count += 1;
    const codePoint = character.codePointAt(0) ?? 0;
    const marked = isInvisible(character) || (options.coverage !== undefined && !options.coverage(codePoint));
    if (!marked) {
      plain += character;
      continue;
    }
    pushPlain(runs, plain);
    plain = '';
    runs.push({ text: markerFor(codePoint), ...options.markerStyle });
  }
  pushPlain(runs, plain);
  if (cut) runs.push({ text: options.truncated(codePointLength(value)), ...options.noteStyle });
  if (runs.length === 0) runs.push({ text: '' });
  return runs;
}

/** The plain-text form of pdfTextRuns, for tests and places that need one string. */
export function pdfVisibleText(value: string, options: PdfTextOptions): string {
  return pdfTextRuns(value, options)
    .map((run) => (typeof run.text === 'string' ? run.text : ''))
    .join('');
}
