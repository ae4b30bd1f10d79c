import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin, type PluginOption } from 'vite';
import { preactWithoutInnerHtml } from './preact-without-inner-html.ts';

export interface ClassicPage {
  /** The page's HTML inside the build, as crxjs writes it, e.g. `src/popup/index.html`. */
  readonly html: string;
  /** Its script's source entry, e.g. `src/popup/main.tsx`. */
  readonly entry: string;
  /** Output path of the script inside the extension, e.g. `popup/popup.js` (its CSS goes next to it). */
  readonly output: string;
  /**
   * A tiny script that runs first and loads the page's script after the load event, e.g. the popup's first
   * paint (src/popup/first-paint/first-paint.ts): it is told the script's path in `data-app`.
   */
  readonly firstPaint?: { readonly entry: string; readonly output: string };
}

const MODULE_TAGS =
  /\s*<(?:script type="module"[^>]*><\/script>|link rel="(?:modulepreload|stylesheet)"[^>]*>)/g;

/**
 * Rebuilds a page's script as one classic script (IIFE) with its styles inline, after the main build, and points
 * the page at them. Why: the popup is opened fifty times a day and its first frame is the product's first
 * impression. Measured in Chromium on this project's machines, an extension page with a module script reaches
 * its script ~17 ms later than with a classic one, and a module graph of several chunks later still; a classic
 * script at the end of the body runs during parsing, with the DOM it needs already there. Same code, same
 * Content-Security-Policy (script-src 'self'): only the packaging differs. The page's own module entry, which
 * nothing loads any more, is removed; chunks shared with other pages stay.
 */
export function classicPagePlugin(outDir: string, pages: readonly ClassicPage[]): Plugin {
  return {
    name: 'aws-sso-switcher:classic-page',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      for (const page of pages) {
        const htmlPath = resolve(outDir, page.html);
        const original = readFileSync(htmlPath, 'utf8');
        const cssFile = page.output.replace(/\.js$/, '');
        // The same Preact as the main build's: without its innerHTML branch.
        await buildClassicScript(
          outDir,
          page.entry,
          page.output,
          [preactWithoutInnerHtml(), preact()],
          cssFile,
        );
        if (page.firstPaint)
          await buildClassicScript(outDir, page.firstPaint.entry, page.firstPaint.output, []);
        const cssPath = resolve(outDir, `${cssFile}.css`);
        const css = existsSync(cssPath) ? readFileSync(cssPath, 'utf8') : null;
        rmSync(cssPath, { force: true });
        writeFileSync(htmlPath, classicHtml(original, page.output, css, page.firstPaint?.output));
        removeOrphanEntry(outDir, original);
      }
    },
  };
}

async function buildClassicScript(
  outDir: string,
  entry: string,
  output: string,
  plugins: PluginOption[],
  cssFileName?: string,
): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      cssCodeSplit: false,
      lib: {
        entry: resolve(entry),
        formats: ['iife'],
        name: 'awsSsoSwitcherPage',
        fileName: () => output,
        cssFileName,
      },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
}

/**
 * The page's HTML with its module tags replaced: the styles inline in the head, the script last in the body.
 * Inline, because a script waits for every stylesheet before it in the document: a linked one costs a fetch
 * before the first frame (measured: ~25 ms). The CSS is our own build output, and extension pages' default CSP
 * restricts scripts, not styles.
 */
export function classicHtml(html: string, script: string, css: string | null, firstPaint?: string): string {
  if (!/<script type="module"/.test(html))
    throw new Error('classic-page: the page has no module script to replace');
  if (css?.includes('</style')) throw new Error('classic-page: the stylesheet cannot be inlined as it is');
  const withoutModules = html.replace(MODULE_TAGS, '');
  const head = css ? `    <style>${css.trim()}</style>\n  </head>` : '  </head>';
  // With a first paint, it is the page's one script and loads the page's own after the load event.
  const scriptTag = firstPaint
    ? `<script src="/${firstPaint}" data-app="/${script}"></script>`
    : `<script src="/${script}"></script>`;
  return withoutModules
    .replace(/\s*<\/head>/, `\n${head}`)
    .replace(/\s*<\/body>/, `\n    ${scriptTag}\n  </body>`);
}

/** The page's own entry chunk (`/assets/index.html-….js`): nothing else loads it once the page is classic. */
function removeOrphanEntry(outDir: string, html: string): void {
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (entry) rmSync(resolve(outDir, entry), { force: true });
}
