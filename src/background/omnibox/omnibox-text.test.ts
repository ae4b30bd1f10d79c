import { describe, expect, it } from 'vitest';
import { cleanText, cutPoint, escapeOmniboxXml, render, segments } from './omnibox-text';
import { expectWellFormed } from './xml-well-formed.test-support';

describe('escapeOmniboxXml', () => {
  it.each([
    ['</match><url>http://evil</url>', '&lt;/match&gt;&lt;url&gt;http://evil&lt;/url&gt;'],
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['a "quoted" \'name\'', 'a &quot;quoted&quot; &apos;name&apos;'],
    ['&amp;', '&amp;amp;'],
    ['<![CDATA[x]]>', '&lt;![CDATA[x]]&gt;'],
    ['<?xml version="1.0"?>', '&lt;?xml version=&quot;1.0&quot;?&gt;'],
    ['<!-- comment -->', '&lt;!-- comment --&gt;'],
    ['prod\nadmin\ttab\u0000nul\u0085nel', 'prod admin tab nul nel'],
    ['\u202eedoc-dorp\u202c', 'edoc-dorp'],
    ['\u2067isolated\u2069', 'isolated'],
    ['bad \ufffe\uffff', 'bad '],
    ['lone \ud800 high', 'lone \ufffd high'],
    ['lone \udc00 low', 'lone \ufffd low'],
    ['pair 😀 kept', 'pair 😀 kept'],
    ['שלום prod', 'שלום prod'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeOmniboxXml(input)).toBe(expected);
    expectWellFormed(escapeOmniboxXml(input));
  });

  it('keeps any string well-formed (seeded random hostile input)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const alphabet = [
      '<',
      '>',
      '&',
      '"',
      "'",
      '/',
      'a',
      ' ',
      '\n',
      '\u0000',
      '\ud83d',
      '\ude00',
      '\u202e',
      ';',
      '#',
    ];
    for (let n = 0; n < 2000; n++) {
      const s = Array.from(
        { length: Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      expectWellFormed(escapeOmniboxXml(s));
    }
  });
});

describe('cleanText (plain text for Firefox)', () => {
  it('removes what could break the line or reorder it, and escapes nothing', () => {
    expect(cleanText('a <b> & "c"\n\u202ed')).toBe('a <b> & "c" d');
  });
});

describe('segments and render', () => {
  it('marks matched runs and escapes each run', () => {
    const parts = segments('acme<prod>', [{ start: 4, end: 10 }], 100);
    expect(parts).toEqual([
      { text: 'acme', match: false },
      { text: '<prod>', match: true },
    ]);
    expect(render(parts, true)).toBe('acme<match>&lt;prod&gt;</match>');
    expect(render(parts, false)).toBe('acme<prod>');
  });

  it('cuts long names with an ellipsis, never inside a surrogate pair, and clips ranges', () => {
    const long = `${'x'.repeat(9)}😀tail`;
    expect(cutPoint(long, 10)).toBe(9);
    const parts = segments(long, [{ start: 5, end: 30 }], 10);
    expect(parts.map((p) => p.text).join('')).toBe(`${'x'.repeat(9)}…`);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['xxxx']);
    expect(
      segments('x'.repeat(5000), [], 60)
        .map((p) => p.text)
        .join(''),
    ).toHaveLength(61);
  });

  it('tolerates ranges out of order or beyond the text', () => {
    expect(
      render(
        segments(
          'abc',
          [
            { start: 2, end: 9 },
            { start: 0, end: 1 },
          ],
          10,
        ),
        true,
      ),
    ).toBe('ab<match>c</match>');
  });
});
