import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ContextBundle {
  readonly context: string;
  readonly files: readonly string[];
  readonly rawBytes: number;
  /** Sum of each file gzipped alone (zlib default level): the files load separately. */
  readonly gzipBytes: number;
}

/** Static imports of a built ES module (`import … from "./x.js"`, `import "./x.js"`), relative to the module. */
function staticImports(dist: string, file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  const found = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)];
  return found.map((m) => normalize(join(dirname(file), m[1] as string)));
}

/** A page's own files: the HTML, its module scripts and their imports, modulepreloads and stylesheets. */
function pageFiles(dist: string, html: string): string[] {
  const source = readFileSync(join(dist, html), 'utf8');
  const refs = [...source.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) =>
    normalize(
      (m[1] as string).startsWith('/') ? (m[1] as string).slice(1) : join(dirname(html), m[1] as string),
    ),
  );
  return [html, ...refs];
}

/** Everything reachable from the entries by static import. */
function closure(dist: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (file.endsWith('.js')) for (const next of staticImports(dist, file)) visit(next);
  };
  for (const entry of entries) visit(entry);
  return [...seen];
}

function measure(dist: string, context: string, files: string[]): ContextBundle {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes).length;
  }
  return { context, files, rawBytes, gzipBytes };
}

/** What each context of the built extension loads, read from dist's manifest and pages. */
export function bundleSizes(dist: string): ContextBundle[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    action: { default_popup: string };
    options_ui: { page: string };
    content_scripts: { js: string[]; css?: string[] }[];
  };
  return [
    measure(dist, 'service worker', closure(dist, [manifest.background.service_worker])),
    measure(dist, 'popup', closure(dist, pageFiles(dist, manifest.action.default_popup))),
    measure(dist, 'options page', closure(dist, pageFiles(dist, manifest.options_ui.page))),
    // Each content script loads alone into the pages it matches.
    ...manifest.content_scripts.map((c) =>
      measure(dist, `content script ${c.js.join(' + ')}`, [...c.js, ...(c.css ?? [])]),
    ),
  ];
}
