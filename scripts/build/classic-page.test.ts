import { describe, expect, it } from 'vitest';
import { classicHtml } from './classic-page';

const BUILT = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>AWS SSO Switcher</title>
    <script type="module" crossorigin src="/assets/index.html-DFY-lR8c.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/browser-BwfV4ICD.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Bpmsj8mD.css">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

describe('a page turned classic', () => {
  it('has its styles inline in the head and one classic script after the DOM it renders into', () => {
    const html = classicHtml(BUILT, 'popup/popup.js', 'body{margin:0}\n');
    expect(html).not.toMatch(/type="module"|modulepreload|\/assets\/|<link/);
    expect(html).toContain('<style>body{margin:0}</style>\n  </head>');
    expect(html.indexOf('<div id="app">')).toBeLessThan(
      html.indexOf('<script src="/popup/popup.js"></script>'),
    );
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('with a first paint, runs that first and tells it which script to load after the page has loaded', () => {
    const html = classicHtml(BUILT, 'popup/popup.js', null, 'popup/first-paint.js');
    expect(html).toContain(
      '<script src="/popup/first-paint.js" data-app="/popup/popup.js"></script>\n  </body>',
    );
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('fails the build when the page has no module script (crxjs changed what it writes)', () => {
    expect(() => classicHtml('<html><head></head><body></body></html>', 'p.js', null)).toThrow(
      /no module script/,
    );
  });

  it('refuses styles that would end the style element early', () => {
    expect(() => classicHtml(BUILT, 'p.js', 'a{}</style><script>')).toThrow(/cannot be inlined/);
  });
});
