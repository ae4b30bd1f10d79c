/**
 * Text for the address bar's suggestions. Account names, aliases and e-mail addresses come from AWS and the
 * user and may hold anything: markup characters, control characters, bidi overrides, lone surrogates, or
 * thousands of characters. Chrome parses a suggestion's description as XML (`<match>`, `<dim>`, `<url>`):
 * one unescaped `<` and a name could style or hide the rest, and an invalid document makes Chrome drop the
 * suggestion. Firefox shows descriptions as plain text, where escapes would show literally.
 */

/**
 * What is never shown: C0 and C1 controls (a newline would break the one-line row), bidi embeddings,
 * overrides and isolates (U+202A–E, U+2066–9: they could make "prod" read as "dorp"), and U+FFFE/U+FFFF, which
 * XML 1.0 forbids. Controls become spaces so words stay apart; the others go.
 */
const CONTROLS = /\p{Cc}/gu;
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` made safe to show on one line, in either browser. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd').replace(CONTROLS, ' ').replace(INVISIBLE, '');
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * `text` as character data of Chrome's suggestion XML: cleaned as above, then the five XML special
 * characters escaped, so no input can open, close or break a tag.
 */
export function escapeOmniboxXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Where to cut `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function cutPoint(text: string, max: number): number {
  if (text.length <= max) return text.length;
  const at = Math.max(0, max);
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xd800 && unit <= 0xdbff ? at - 1 : at;
}

/** A run of a field's text, matched by the query or not. */
export interface Segment {
  readonly text: string;
  readonly match: boolean;
}

/**
 * `value` split into matched and unmatched runs by the search's highlight ranges (offsets into `value`, end
 * exclusive, sorted, not overlapping), cut to `max` units with an ellipsis. Ranges out of bounds are clipped.
 */
export function segments(
  value: string,
  ranges: readonly { start: number; end: number }[],
  max: number,
): Segment[] {
  const cut = cutPoint(value, max);
  const out: Segment[] = [];
  let at = 0;
  for (const range of ranges) {
    const start = Math.max(at, Math.min(range.start, cut));
    const end = Math.max(start, Math.min(range.end, cut));
    if (start > at) out.push({ text: value.slice(at, start), match: false });
    if (end > start) out.push({ text: value.slice(start, end), match: true });
    at = end;
  }
  if (cut > at) out.push({ text: value.slice(at, cut), match: false });
  if (cut < value.length) out.push({ text: '…', match: false });
  return out;
}

/** Segments as Chrome's XML (`<match>` around matched runs) or as plain text. */
export function render(parts: readonly Segment[], markup: boolean): string {
  if (!markup) return cleanText(parts.map((p) => p.text).join(''));
  return parts
    .map((p) => (p.match ? `<match>${escapeOmniboxXml(p.text)}</match>` : escapeOmniboxXml(p.text)))
    .join('');
}
