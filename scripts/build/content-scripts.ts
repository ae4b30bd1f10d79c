import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

export interface ContentScriptEntry {
  /** Source entry as written in manifest.json, e.g. `src/content/console/index.ts`. */
  readonly source: string;
  /** Output file inside the extension, e.g. `content/console.js`. */
  readonly output: string;
}

/** `src/content/console/index.ts` → `content/console.js` */
export function contentOutputPath(source: string): string {
  const match = /^src\/content\/([^/]+)\/index\.ts$/.exec(source);
  if (!match) throw new Error(`Content scripts live at src/content/<name>/index.ts, not ${source}`);
  return `content/${match[1]}.js`;
}

/**
 * Builds each content script as one self-contained classic script (IIFE) after the main build, and writes its
 * path into dist's manifest. crxjs would otherwise turn a content script that shares modules into a loader that
 * import()s chunks, which must then be exposed to the console pages as web_accessible_resources: pages could
 * detect and load our code, and the tag would wait for an extra module fetch.
 */
export function contentScriptsPlugin(outDir: string, entries: readonly ContentScriptEntry[]): Plugin {
  return {
    name: 'aws-sso-switcher:content-scripts',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      for (const entry of entries) {
        await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            minify: true,
            lib: {
              entry: resolve(entry.source),
              formats: ['iife'],
              name: 'awsSsoSwitcherContent',
              fileName: () => entry.output,
            },
            rolldownOptions: { output: { codeSplitting: false } },
          },
        });
      }
      const manifestPath = resolve(outDir, 'manifest.json');
      const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
        content_scripts?: { js: string[] }[];
      };
      built.content_scripts = (built.content_scripts ?? []).map((script, index) => {
        const entry = entries[index];
        return entry ? { ...script, js: [entry.output] } : script;
      });
      writeFileSync(manifestPath, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}
