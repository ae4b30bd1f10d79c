// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { replaySnapshot } from './replay-snapshot';
import { MAX_DEPTH, MAX_SNAPSHOT_CHARS, type SnapshotNode } from './snapshot-format';
import { takeSnapshot } from './take-snapshot';

function markupOf(fragment: DocumentFragment): string {
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

function rootWith(markup: string): HTMLElement {
  // Test fixture only: the product never parses HTML.
  const root = document.createElement('div');
  root.append(...new DOMParser().parseFromString(markup, 'text/html').body.childNodes);
  return root;
}

const ROW = `<div class="virtual-row" style="top: 28px; height: 30px;"><div class="row role-row active" role="row" aria-rowindex="2"><span id="role-1" class="role-name" role="rowheader" aria-selected="true" aria-label="ReadOnly in acme-prod (1111-2222-3333)" aria-describedby="row-keys">Read<mark>Only</mark></span><span role="gridcell"><button type="button" class="icon-button" tabindex="-1" aria-pressed="false" aria-label="Star ReadOnly in acme-prod" aria-keyshortcuts="Alt+F">☆</button></span><span role="gridcell"><button type="button" class="icon-button" aria-label="Copy link"><svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><path d="M6.5 9.5l3-3"></path></svg></button></span></div></div>`;

describe('the first paint picture', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  it('draws the popup as it was: same elements, attributes, text and SVG icons', () => {
    const markup = `<header class="popup-header"><img src="/icons/icon-32.png" alt=""><h1>AWS SSO Switcher</h1><button type="button">Settings</button></header><main><div class="search"><input type="search" role="combobox" aria-label="Search accounts and roles" aria-haspopup="grid" aria-activedescendant="role-1" placeholder="Search accounts and roles" spellcheck="false" autocomplete="off"></div><div id="directory-list" class="virtual-list" role="grid" aria-label="Accounts and roles" aria-rowcount="40" aria-readonly="true" style="height: 400px;">${ROW}</div><span id="row-keys" hidden="">Enter to open in the console.</span></main>`;
    const picture = takeSnapshot(rootWith(markup));
    expect(picture).not.toBeNull();
    const drawn = replaySnapshot(picture as string, document);
    expect(markupOf(drawn)).toBe(markup);
    const svg = rootWith(markup).querySelector('svg');
    expect(svg?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('shows the option a select has chosen', () => {
    const root = rootWith('<select><option value="a">A</option><option value="b">B</option></select>');
    (root.querySelector('select') as HTMLSelectElement).value = 'b';
    const drawn = replaySnapshot(takeSnapshot(root) as string, document);
    expect(drawn.querySelector('select')?.value).toBe('b');
  });

  it('leaves out dialogs, alerts and what is marked skip; blanks what is marked no-text', () => {
    const picture = takeSnapshot(
      rootWith(
        `<p role="alert">Could not reach AWS</p><dialog open>Edit</dialog><div data-snapshot="skip">row 40</div><p class="sync-status" data-snapshot="no-text"><span>1000 accounts · synced 5 min ago</span></p><p data-snapshot="no-text"></p><p>kept</p>`,
      ),
    ) as string;
    expect(markupOf(replaySnapshot(picture, document))).toBe(
      '<p class="sync-status">&nbsp;</p><p></p><p>kept</p>',
    );
  });

  it('keeps no event handler, foreign element, link or typed text when taking it', () => {
    const root = rootWith(
      `<img src="https://evil.example/x.png" onerror="alert(1)" alt="a"><a href="javascript:alert(1)">link</a><script>alert(1)</script><iframe src="https://evil.example"></iframe><div style="background: url(https://evil.example/leak)" onclick="alert(1)" data-x="1">text</div><input type="search">`,
    );
    (root.querySelector('input') as HTMLInputElement).value = 'prod admin';
    const picture = takeSnapshot(root) as string;
    expect(picture).not.toMatch(/evil|alert|javascript|prod admin|onclick|data-x/);
    expect(markupOf(replaySnapshot(picture, document))).toBe(
      '<img alt="a"><div>text</div><input type="search">',
    );
  });

  it('renders hostile names as text', () => {
    const name = '<img src=x onerror="window.__pwned=1">\u202Enimda-dorp';
    const root = document.createElement('div');
    const span = document.createElement('span');
    span.textContent = name;
    root.append(span);
    const drawn = replaySnapshot(takeSnapshot(root) as string, document);
    expect(drawn.querySelector('img')).toBeNull();
    expect(drawn.textContent).toBe(name);
  });

  it.each<[string, unknown]>([
    ['a script element', [['script', {}, 'alert(1)']]],
    ['an element inside SVG that SVG does not allow', [['svg', {}, ['foreignObject', {}]]]],
    ['an event handler', [['div', { onclick: 'alert(1)' }]]],
    ['a remote image', [['img', { src: 'https://evil.example/x.png' }]]],
    ['a protocol-relative image', [['img', { src: '//evil.example/x.png' }]]],
    ['a style that fetches', [['div', { style: 'background:URL(https://evil.example)' }]]],
    ['a link', [['a', { href: 'https://evil.example' }]]],
    ['attributes that are not an object', [['div', ['class', 'x']]]],
    ['an attribute that is not text', [['div', { class: 1 }]]],
    ['a node that is neither text nor element', [42]],
    ['a picture that is not a list', { div: {} }],
  ])('refuses a tampered picture holding %s', (_, picture) => {
    expect(() => replaySnapshot(JSON.stringify(picture), document)).toThrow();
  });

  it('refuses pictures nested deeper or larger than the popup ever is', () => {
    let deep: SnapshotNode = 'x';
    for (let i = 0; i <= MAX_DEPTH + 1; i++) deep = ['div', {}, deep];
    expect(() => replaySnapshot(JSON.stringify([deep]), document)).toThrow();
    expect(() => replaySnapshot(`["${'x'.repeat(MAX_SNAPSHOT_CHARS)}"]`, document)).toThrow(/too large/);
    expect(() => replaySnapshot('not json', document)).toThrow();
  });

  it('does not keep a picture too large to be worth it', () => {
    const root = document.createElement('div');
    root.textContent = 'x'.repeat(MAX_SNAPSHOT_CHARS + 1);
    expect(takeSnapshot(root)).toBeNull();
  });
});
