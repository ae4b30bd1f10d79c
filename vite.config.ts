import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { classicPagePlugin } from './scripts/build/classic-page.ts';
import { contentOutputPath, contentScriptsPlugin } from './scripts/build/content-scripts.ts';
import { preactWithoutInnerHtml } from './scripts/build/preact-without-inner-html.ts';

/**
 * One source manifest, two flavours. `vite build --mode firefox` writes dist/firefox with an event-page background
 * (`background.scripts`: Firefox has no extension service workers) and keeps the gecko settings; the Chrome
 * flavour drops the Firefox-only key so Chrome shows no "unrecognized key" warning.
 */
type Target = 'chrome' | 'firefox';

const contentScripts = manifest.content_scripts.flatMap((script) =>
  script.js.map((source) => ({ source, output: contentOutputPath(source) })),
);

function manifestFor(browser: Target): ManifestV3Export {
  // storage.managed_schema is Chrome's: Firefox reads policies without a schema.
  const {
    $schema: _schema,
    browser_specific_settings,
    background,
    content_scripts,
    storage,
    ...common
  } = manifest;
  // Content scripts are built by contentScriptsPlugin; crxjs gets placeholders it leaves alone.
  const placeholders = content_scripts.map(({ js: _js, ...rest }) => ({ ...rest, js: [] }));
  const flavour =
    browser === 'firefox'
      ? {
          background: { scripts: [background.service_worker], type: 'module' },
          browser_specific_settings,
          // Firefox has no offscreen documents (its background page has a DOM) and warns about the name.
          // Containers keep console sessions apart in Firefox. Firefox accepts contextualIdentities only as a
          // required permission (it brings no install warning); opening a tab in a container needs `cookies`,
          // which stays optional and is asked when the user turns containers on.
          permissions: [...common.permissions.filter((p) => p !== 'offscreen'), 'contextualIdentities'],
          optional_permissions: ['cookies'],
        }
      : {
          background,
          storage,
          optional_permissions: common.optional_permissions.filter((p) => p === 'tabGroups'),
        };
  return { ...common, ...flavour, content_scripts: placeholders } as unknown as ManifestV3Export;
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = `dist/${target}`;
  return {
    plugins: [
      // Before preact(): drops Preact's dangerouslySetInnerHTML support, its only innerHTML assignment.
      preactWithoutInnerHtml(),
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      contentScriptsPlugin(outDir, contentScripts),
      classicPagePlugin(outDir, [
        {
          html: 'src/popup/index.html',
          entry: 'src/popup/main.tsx',
          output: 'popup/popup.js',
          firstPaint: { entry: 'src/popup/first-paint/first-paint.ts', output: 'popup/first-paint.js' },
        },
      ]),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Chrome forbids import() in service workers; the AWS SDK has a lazily imported event-stream chunk that
      // SSO never reaches. No code splitting keeps import() out of the worker (a unit test checks the bundle).
      rolldownOptions: {
        // Not named in the manifest: the worker opens it by path for a clipboard write (src/offscreen).
        input: { offscreen: 'src/offscreen/clipboard.html' },
        output: { codeSplitting: false },
      },
      sourcemap: false,
    },
  };
});
