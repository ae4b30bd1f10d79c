import type { CDPSession, Page } from 'playwright-core';

/*
 * The console tag lives in a closed shadow root: page script cannot enter it, and neither can Playwright's
 * locators, which run as page script. Tests read it the way assistive technology does, from Chromium's
 * accessibility tree over the DevTools protocol, by role and accessible name.
 */

interface AxNode {
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  backendDOMNodeId?: number;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
function cdp(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

async function axNodes(page: Page): Promise<AxNode[]> {
  const { nodes } = (await (await cdp(page)).send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  return nodes;
}

const PILL = /^AWS account .* Copy account id$/;
const WARNING = /mismatch$/;

async function pillNode(page: Page): Promise<AxNode | undefined> {
  return (await axNodes(page)).find((n) => n.role?.value === 'button' && PILL.test(n.name?.value ?? ''));
}

/** The pill's accessible name ("AWS account acme-prod · Admin 1234-…. Copy account id"), or null when none. */
export async function tagPillName(page: Page): Promise<string | null> {
  return (await pillNode(page))?.name?.value ?? null;
}

/** The mismatch warning (role alert, named "⚠ Account mismatch" or "⚠ Role mismatch"), or null when none. */
export async function tagWarning(page: Page): Promise<{ name: string; description: string } | null> {
  const node = (await axNodes(page)).find(
    (n) => n.role?.value === 'alert' && WARNING.test(n.name?.value ?? ''),
  );
  return node ? { name: node.name?.value ?? '', description: node.description?.value ?? '' } : null;
}

/** Clicks the pill where it is drawn, as a user would. */
export async function clickTagPill(page: Page): Promise<void> {
  const node = await pillNode(page);
  if (!node?.backendDOMNodeId) throw new Error('no tag pill on the page');
  const { model } = (await (
    await cdp(page)
  ).send('DOM.getBoxModel', {
    backendNodeId: node.backendDOMNodeId,
  })) as { model: { content: number[] } };
  const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}

/**
 * For axe, which runs as page script and so cannot enter a closed shadow root: a copy of the tag's shadow
 * tree in an open one, on a host `#tag-audit-copy` drawn exactly over the tag (same stylesheet, same
 * elements, same custom properties). Reached through DevTools, which may see closed roots.
 */
export async function openCopyOfTag(page: Page): Promise<string> {
  const session = await cdp(page);
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const host = findById(root, 'aws-sso-switcher-tag');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) throw new Error('no tag on the page');
  const { object } = (await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as {
    object: { objectId: string };
  };
  await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: `function () {
      document.getElementById('tag-audit-copy')?.remove();
      const copy = document.createElement('div');
      copy.id = 'tag-audit-copy';
      const open = copy.attachShadow({ mode: 'open' });
      for (const node of this.childNodes) open.append(node.cloneNode(true));
      document.documentElement.append(copy);
    }`,
  });
  return '#tag-audit-copy';
}

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function attribute(node: DomNode, name: string): string | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

/** Depth first, into shadow roots (closed ones too: DevTools sees them). */
function findBy(node: DomNode, test: (node: DomNode) => boolean): DomNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findBy(child, test);
    if (found) return found;
  }
  return undefined;
}

function findById(node: DomNode, id: string): DomNode | undefined {
  return findBy(node, (n) => attribute(n, 'id') === id);
}

/** Computed style of the tag's element of class `className` (first found), read through DevTools. */
export async function tagStyle(
  page: Page,
  className: string,
  properties: readonly string[],
): Promise<Record<string, string>> {
  const session = await cdp(page);
  await session.send('DOM.enable');
  await session.send('CSS.enable');
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const node = findBy(root, (n) => attribute(n, 'class')?.split(' ').includes(className) ?? false);
  if (!node) throw new Error(`no .${className} in the tag`);
  const { computedStyle } = (await session.send('CSS.getComputedStyleForNode', { nodeId: node.nodeId })) as {
    computedStyle: { name: string; value: string }[];
  };
  return Object.fromEntries(
    computedStyle.filter((p) => properties.includes(p.name)).map((p) => [p.name, p.value]),
  );
}

/**
 * As page script (the main world): makes the console page claim another identity, in what the content script
 * reads first: the `awsc-session-data` meta tag and the `aws-userInfo` cookie.
 */
export async function claimIdentity(page: Page, accountId: string, permissionSet: string): Promise<void> {
  await page.evaluate(
    ({ accountId, permissionSet }) => {
      const meta = document.querySelector('meta[name="awsc-session-data"]');
      const data = JSON.parse(meta?.getAttribute('content') ?? '{}');
      const role = `AWSReservedSSO_${permissionSet}_0123456789abcdef`;
      const arn = `arn:aws:sts::${accountId}:assumed-role/${role}/jane`;
      const displayName = `${role}/jane`;
      meta?.setAttribute('content', JSON.stringify({ ...data, accountId, sessionARN: arn, displayName }));
      // biome-ignore lint/suspicious/noDocumentCookie: the attack is exactly a page script writing this cookie.
      document.cookie = `aws-userInfo=${encodeURIComponent(JSON.stringify({ arn }))}; path=/`;
    },
    { accountId, permissionSet },
  );
}
