import { describe, expect, it } from 'vitest';
import { terminalSafe } from './terminal-text';

describe('terminalSafe', () => {
  it('keeps printable text, CJK, emoji and Arabic as they are', () => {
    expect(terminalSafe('bad/安全组 🔥 مجموعة.json: not valid JSON')).toBe(
      'bad/安全组 🔥 مجموعة.json: not valid JSON',
    );
  });

  it('writes line breaks, tabs, escapes, NUL, DEL, C1 and bidi controls as escapes', () => {
    expect(terminalSafe('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(terminalSafe('\u001b[31mred\u001b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(terminalSafe('nul\u0000 del\u007f c1\u009b')).toBe('nul\\u0000 del\\u007f c1\\u009b');
    expect(terminalSafe('\u202Egnp.exe \u2066x\u2069 \u200f')).toBe(
      '\\u202egnp.exe \\u2066x\\u2069 \\u200f',
    );
  });
});
