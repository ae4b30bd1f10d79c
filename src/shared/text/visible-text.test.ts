import { describe, expect, it } from 'vitest';
import { visibleText } from './visible-text';

describe('names as they may be shown', () => {
  it('cannot reorder themselves to pass for another name', () => {
    const spoof = '\u202enimda-dorp';
    expect(visibleText(spoof)).toBe('\ufffdnimda-dorp');
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069'])
      expect(visibleText(`a${c}b`)).toBe('a\ufffdb');
  });

  it('keeps length, so highlight ranges computed on the stored name still fit', () => {
    const name = 'acme\u202e-prod\u2069 Ω 日本 😀';
    expect(visibleText(name)).toHaveLength(name.length);
  });

  it('leaves right-to-left scripts and ordinary text alone', () => {
    for (const name of ['חשבון-ייצור', 'حساب الإنتاج', 'acme-prod', 'ReadOnly<script>'])
      expect(visibleText(name)).toBe(name);
  });
});
