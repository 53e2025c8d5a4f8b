import type { TextPosition } from './text-position';

/**
 * Positions in UTF-8 bytes that are known to be valid (a streamed file that parsed), counted
 * the way text-position.ts counts in the decoded text: lines split at LF, columns in UTF-16
 * code units from 1, so a file gets the same line:column whichever parser read it.
 */

/** Code units a character takes in UTF-16, by its lead byte; 0 for a continuation byte. */
function utf16Units(byte: number): number {
  if ((byte & 0xc0) === 0x80) return 0;
  return byte >= 0xf0 ? 2 : 1;
}

/** UTF-16 offset in the decoded text of the character that starts at `byteOffset`. */
export function utf16OffsetOfByte(bytes: Uint8Array, byteOffset: number): number {
  const end = Math.min(byteOffset, bytes.length);
  let offset = 0;
  for (let index = 0; index < end; index += 1) offset += utf16Units(bytes[index]!);
  return offset;
}

/** line:column of each byte offset, in one pass over the bytes however many offsets are asked. */
export function positionsOfBytes(
  bytes: Uint8Array,
  byteOffsets: readonly number[],
): Map<number, TextPosition> {
  const wanted = [...new Set(byteOffsets)].sort((left, right) => left - right);
  const positions = new Map<number, TextPosition>();
  let line = 1;
  let column = 1;
  let index = 0;
  for (const target of wanted) {
    const end = Math.min(target, bytes.length);
    for (; index < end; index += 1) {
      const byte = bytes[index]!;
      if (byte === 0x0a) {
        line += 1;
        column = 1;
      } else column += utf16Units(byte);
    }
    positions.set(target, { line, column });
  }
  return positions;
}
