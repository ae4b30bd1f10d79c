import {
  isAllowedAttribute,
  isAllowedTag,
  MAX_DEPTH,
  MAX_SNAPSHOT_CHARS,
  SVG_NAMESPACE,
} from './snapshot-format';

/**
 * Builds the DOM a picture describes, with createElement, createTextNode and setAttribute only. Throws on
 * anything a picture taken by take-snapshot.ts cannot contain: the caller then draws nothing ahead, which only
 * costs the head start.
 */
export function replaySnapshot(json: string, document: Document): DocumentFragment {
  if (json.length > MAX_SNAPSHOT_CHARS) throw new Error('first paint: picture too large');
  const nodes: unknown = JSON.parse(json);
  if (!Array.isArray(nodes)) throw new Error('first paint: not a picture');
  const fragment = document.createDocumentFragment();
  for (const node of nodes) fragment.append(build(node, document, false, 0));
  return fragment;
}

function build(node: unknown, document: Document, inSvg: boolean, depth: number): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (!Array.isArray(node) || depth > MAX_DEPTH) throw new Error('first paint: not a picture');
  const [tag, attributes, ...children] = node as unknown[];
  if (typeof tag !== 'string' || !isAllowedTag(tag, inSvg))
    throw new Error('first paint: element not allowed');
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
    throw new Error('first paint: not a picture');
  const svg = inSvg || tag === 'svg';
  const element = svg ? document.createElementNS(SVG_NAMESPACE, tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value !== 'string' || !isAllowedAttribute(tag, name, value))
      throw new Error('first paint: attribute not allowed');
    element.setAttribute(name, value);
  }
  for (const child of children) element.append(build(child, document, svg, depth + 1));
  return element;
}
