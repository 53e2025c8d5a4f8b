import { describe, expect, it } from 'vitest';
import { positionAt } from './text-position';

describe('positionAt', () => {
  it('counts lines and columns from 1, with LF and CRLF', () => {
    const text = 'ab\ncd\r\nef';
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(text, 2)).toEqual({ line: 1, column: 3 });
    expect(positionAt(text, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(text, 7)).toEqual({ line: 3, column: 1 });
    expect(positionAt(text, 8)).toEqual({ line: 3, column: 2 });
  });

  it('clamps offsets outside the text', () => {
    expect(positionAt('ab\nc', 99)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab', -5)).toEqual({ line: 1, column: 1 });
  });
});
