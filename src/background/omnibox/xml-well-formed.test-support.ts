import { expect } from 'vitest';

/**
 * Chrome's suggestion XML may contain only our own tags; everything else must be character data. Strips the
 * allowed tags, then demands no `<` or `>`, only the five predefined entities, and no character XML 1.0
 * forbids: a string passing this is well-formed whatever the input was.
 */
export function expectWellFormed(xml: string): void {
  const rest = xml.replace(/<\/?(match|dim|url)>/g, '');
  expect(rest).not.toMatch(/[<>]/);
  expect(rest.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
  // XML 1.0 allows tab, newline and carriage return among the C0 controls, and neither U+FFFE nor U+FFFF.
  const forbidden = [...rest].filter((c) => {
    const code = c.charCodeAt(0);
    return (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
    );
  });
  expect(forbidden).toEqual([]);
  expect(rest).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
}
