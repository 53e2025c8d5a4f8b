import { describe, expect, it } from 'vitest';
import { hasInvisibleCharacters, truncateText, visibleSegments, visibleText } from './visible-text';

describe('visibleText', () => {
  it('marks bidi overrides and zero-width characters instead of keeping them', () => {
    expect(visibleText('web\u202Egnp.exe')).toBe('web⟪U+202E⟫gnp.exe');
    expect(visibleText('sg-\u200Bprod')).toBe('sg-⟪U+200B⟫prod');
    expect(visibleText('a\u2066b\u2069c\uFEFF')).toBe('a⟪U+2066⟫b⟪U+2069⟫c⟪U+FEFF⟫');
  });

  it('marks control characters, newlines and lone surrogates', () => {
    expect(visibleText('a\u0000b\nc\td')).toBe('a⟪U+0000⟫b⟪U+000A⟫c⟪U+0009⟫d');
    expect(visibleText('x\uD800y')).toBe('x⟪U+D800⟫y');
    expect(visibleText('x\uDC00')).toBe('x⟪U+DC00⟫');
  });

  it('keeps CJK, Arabic, emoji and template-looking text as they are', () => {
    for (const text of ['生产环境-web', 'مرحبا', '🔥 prod', '{{constructor.constructor("x")()}}', '@:x', '<img src=x>']) {
      expect(visibleText(text)).toBe(text);
      expect(hasInvisibleCharacters(text)).toBe(false);
    }
  });

  it('splits into plain and marker segments', () => {
    expect(visibleSegments('a\u202Eb')).toEqual([
      { text: 'a', marker: false },
      { text: '⟪U+202E⟫', marker: true },
      { text: 'b', marker: false },
    ]);
    expect(visibleSegments('')).toEqual([]);
  });

  it('is stable across calls (no shared regex state)', () => {
    expect(hasInvisibleCharacters('a\u200B')).toBe(true);
    expect(hasInvisibleCharacters('a\u200B')).toBe(true);
  });
});

describe('truncateText', () => {
  it('leaves short text alone and says how much was cut', () => {
    expect(truncateText('abc', 5)).toBe('abc');
    expect(truncateText('a'.repeat(100_000), 10)).toBe(`${'a'.repeat(10)}… (+99990)`);
  });

  it('never splits a surrogate pair', () => {
    expect(truncateText('ab😀cd', 3)).toBe('ab… (+4)');
  });
});
