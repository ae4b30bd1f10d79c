import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

/**
 * An empty page added to the snapshot (never to dist/): how long Chromium takes to open any extension page on
 * this machine, the floor under the popup's first render.
 */
export const BLANK_PAGE = 'bench-blank.html';
const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>\n';

export interface DistSnapshot {
  readonly dir: string;
  /** Short hash of every file: which build the figures belong to. */
  readonly fingerprint: string;
  readonly builtAt: string;
  remove(): void;
}

/** Files a complete build must have, from its own manifest and pages. */
function missingFiles(dir: string): string[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return ['manifest.json'];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[] }[];
    action?: { default_popup?: string };
    options_ui?: { page?: string };
  };
  const needed = [
    manifest.background?.service_worker,
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
  ].filter((f): f is string => !!f);
  if ((manifest.content_scripts ?? []).some((c) => (c.js ?? []).length === 0))
    needed.push('<content script>');
  return needed.filter((f) => !existsSync(join(dir, f)));
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/**
 * Copies dist/chrome aside. Other engineers rebuild dist/ while the bench runs; a build in progress is
 * incomplete (emptyOutDir), so the copy is retried until the manifest's files are all there.
 */
export async function snapshotDist(source = 'dist/chrome'): Promise<DistSnapshot> {
  const from = resolve(source);
  if (!existsSync(from)) throw new Error(`${source} is missing: run \`npm run build:chrome\` first.`);
  for (let attempt = 0; attempt < 30; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), 'sso-switcher-bench-dist-'));
    try {
      cpSync(from, dir, { recursive: true });
    } catch {
      rmSync(dir, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    if (missingFiles(dir).length === 0) {
      const hash = createHash('sha256');
      for (const file of listFiles(dir)) hash.update(file).update(readFileSync(join(dir, file)));
      writeFileSync(join(dir, BLANK_PAGE), BLANK_HTML);
      return {
        dir,
        fingerprint: hash.digest('hex').slice(0, 12),
        builtAt: statSync(join(dir, 'manifest.json')).mtime.toISOString(),
        remove: () => rmSync(dir, { recursive: true, force: true }),
      };
    }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error(`${source} stayed incomplete for a minute: is a build failing?`);
}
