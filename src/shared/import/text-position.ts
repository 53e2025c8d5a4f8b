/** 1-based line and column of a character offset, for messages an auditor can follow in an editor. */
export interface TextPosition {
  line: number;
  /** Counted in UTF-16 code units from 1; a CRLF ends a line like a lone LF. */
  column: number;
}

/** Where `offset` (a UTF-16 index into `text`) falls; offsets past the end point just after the last character. */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  // indexOf jumps between line breaks natively, far faster than a per-character loop on large files.
  let newline = text.indexOf('\n');
  while (newline !== -1 && newline < end) {
    line += 1;
    lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
  }
  return { line, column: end - lineStart + 1 };
}
