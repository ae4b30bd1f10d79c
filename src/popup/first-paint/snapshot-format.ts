/**
 * The popup's first paint: a picture of the popup's DOM as it last stood at rest, drawn by a tiny script before
 * the app's own script has even loaded (first-paint.ts says why). This file is what both sides agree on: its
 * shape, and which elements and attributes it may hold (where it is kept: src/ui/first-paint-key.ts, since the
 * settings page drops it too). The same allow-list is applied when the picture is taken and again when it is
 * drawn, so even a tampered picture cannot add a script, an event handler or a link: it is built with
 * createElement and setAttribute, never parsed as HTML.
 */

/** The element the app renders into (src/popup/index.html). */
export const APP_ROOT_ID = 'app';

/** The stand-in drawn before the app's root, removed when the app takes over. */
export const FIRST_PAINT_ID = 'first-paint';

/** A picture larger than this is not kept: the popup at rest draws a few dozen rows (~40 KB). */
export const MAX_SNAPSHOT_CHARS = 256 * 1024;

/** Deeper nesting than the popup ever has is refused rather than followed. */
export const MAX_DEPTH = 48;

/** A text node, or an element: tag, attributes, children. */
export type SnapshotNode =
  | string
  | [tag: string, attributes: Record<string, string>, ...children: SnapshotNode[]];

/**
 * On an element, `data-snapshot="skip"` leaves it out of the picture (dialogs, transient notices) and
 * `data-snapshot="no-text"` keeps it with its text blanked (a line that would be out of date, such as "synced 5
 * min ago"): the element keeps its place, so nothing moves when the app fills it.
 */
export const SNAPSHOT_ATTRIBUTE = 'data-snapshot';
export const LEFT_OUT = `[${SNAPSHOT_ATTRIBUTE}="skip"], [role="alert"], [role="dialog"], dialog`;

export const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

const HTML_TAGS = new Set([
  'div',
  'span',
  'p',
  'header',
  'main',
  'footer',
  'section',
  'h1',
  'h2',
  'h3',
  'button',
  'input',
  'label',
  'select',
  'option',
  'img',
  'mark',
  'strong',
  'em',
  'small',
  'kbd',
  'code',
  'ul',
  'ol',
  'li',
]);
const SVG_TAGS = new Set(['svg', 'path']);

const HTML_ATTRIBUTES = new Set([
  'class',
  'id',
  'role',
  'type',
  'placeholder',
  'title',
  'alt',
  'src',
  'style',
  'tabindex',
  'disabled',
  'hidden',
  'spellcheck',
  'autocomplete',
  'for',
  'name',
  'value',
  'selected',
  'lang',
  'dir',
]);
const SVG_ATTRIBUTES = new Set([
  'width',
  'height',
  'viewBox',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'd',
]);

export function isAllowedTag(tag: string, inSvg: boolean): boolean {
  return inSvg || tag === 'svg' ? SVG_TAGS.has(tag) : HTML_TAGS.has(tag);
}

export function isAllowedAttribute(tag: string, name: string, value: string): boolean {
  if (name.startsWith('aria-')) return true;
  if (SVG_TAGS.has(tag)) return SVG_ATTRIBUTES.has(name);
  if (!HTML_ATTRIBUTES.has(name)) return false;
  // The extension's own files only (the header's icon): no other origin is asked for anything.
  if (name === 'src') return /^\/[\w./-]+$/.test(value) && !value.startsWith('//');
  // Colours and offsets; nothing that fetches.
  if (name === 'style') return !/url\s*\(|@import|image-set|expression/i.test(value);
  return true;
}
