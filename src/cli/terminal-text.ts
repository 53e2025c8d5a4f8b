/**
 * Text from the input (file names, values in messages) on its way to a terminal: every control
 * character is written as an escape, so a message stays one line and a hostile name cannot move
 * the cursor, recolour the screen or reorder the text (ANSI escapes, CR, bidi controls).
 */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 and C1 controls, DEL, and the bidirectional formatting characters: matching them is the point.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
