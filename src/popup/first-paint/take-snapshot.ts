import {
  isAllowedAttribute,
  isAllowedTag,
  LEFT_OUT,
  MAX_SNAPSHOT_CHARS,
  SNAPSHOT_ATTRIBUTE,
  type SnapshotNode,
} from './snapshot-format';

/**
 * The picture of an element's children as the next first paint should draw them, or null when it is too large
 * to be worth keeping. Only allowed elements and attributes are kept (snapshot-format.ts); what the user typed is
 * not (an input's value is a property, not an attribute).
 */
export function takeSnapshot(root: Element): string | null {
  const nodes = childrenOf(root, false);
  const json = JSON.stringify(nodes);
  return json.length <= MAX_SNAPSHOT_CHARS ? json : null;
}

function childrenOf(element: Element, inSvg: boolean): SnapshotNode[] {
  // A blank of the same height as the text it stands for; an empty element stays empty.
  if (element.getAttribute(SNAPSHOT_ATTRIBUTE) === 'no-text') return element.textContent ? ['\u00a0'] : [];
  const nodes: SnapshotNode[] = [];
  for (const child of element.childNodes) {
    const node = pictureOf(child, inSvg);
    if (node !== null) nodes.push(node);
  }
  return nodes;
}

function pictureOf(node: Node, inSvg: boolean): SnapshotNode | null {
  if (node.nodeType === node.TEXT_NODE) return (node as Text).data;
  if (node.nodeType !== node.ELEMENT_NODE) return null;
  const element = node as Element;
  const tag = element.localName;
  if (!isAllowedTag(tag, inSvg) || element.matches(LEFT_OUT)) return null;
  const attributes: Record<string, string> = {};
  for (const name of element.getAttributeNames()) {
    const value = element.getAttribute(name) ?? '';
    if (isAllowedAttribute(tag, name, value)) attributes[name] = value;
  }
  // A select shows its chosen option by a property, which no attribute records.
  if (element instanceof HTMLOptionElement && element.selected) attributes.selected = '';
  return [tag, attributes, ...childrenOf(element, inSvg || tag === 'svg')];
}
