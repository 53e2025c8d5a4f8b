/**
 * Names and descriptions come from client exports and are hostile by default. Bidi controls
 * (U+202E reverses what follows), zero-width characters (U+200B hides a difference between two
 * ids) and other invisibles must be seen by the auditor, not obeyed by the text renderer, so
 * each is replaced with a visible marker such as ⟪U+202E⟫.
 */
/* eslint-disable no-control-regex, no-misleading-character-class -- finding control and combining characters is this module's purpose */

export interface TextSegment {
  text: string;
  /** True when the segment is a marker standing for an invisible or control character. */
  marker: boolean;
}

/**
 * Bidi embeddings/overrides/isolates and marks, zero-width and other format characters, C0/C1
 * controls (tab and newline included: a name never legitimately spans lines), line/paragraph
 * separators, the BOM, soft hyphen, and lone surrogates.
 */
const invisiblePattern =
  /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

/** `⟪U+202E⟫` for one code unit or code point. */
export function markerFor(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `⟪U+${code.toString(16).toUpperCase().padStart(4, '0')}⟫`;
}

/** Splits text into plain runs and markers; plain text is returned as is. */
export function visibleSegments(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  // Built per call: a shared global regex keeps lastIndex between calls.
  const pattern = new RegExp(invisiblePattern.source, 'g');
  for (const match of text.matchAll(pattern)) {
    const index = match.index ?? 0;
    if (index > last) segments.push({ text: text.slice(last, index), marker: false });
    segments.push({ text: markerFor(match[0]), marker: true });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), marker: false });
  return segments;
}

/** The text with every invisible or control character replaced by its marker. */
export function visibleText(text: string): string {
  return visibleSegments(text)
    .map((segment) => segment.text)
    .join('');
}

/** True when the text holds anything that visibleText would mark. */
export function hasInvisibleCharacters(text: string): boolean {
  return new RegExp(invisiblePattern.source, 'g').test(text);
}

/**
 * Cuts very long text for table cells (a 100,000-character description must not freeze layout),
 * saying how much was left out. Cuts on code points so no surrogate pair is split.
 */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let kept = text.slice(0, maxLength);
  const lastCode = kept.charCodeAt(kept.length - 1);
  if (lastCode >= 0xd800 && lastCode <= 0xdbff) kept = kept.slice(0, -1);
  return `${kept}… (+${text.length - kept.length})`;
}
