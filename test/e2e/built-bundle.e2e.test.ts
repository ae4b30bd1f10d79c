import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** Every JS file the service worker loads: the loader and the modules it imports, transitively. */
function workerFiles(dist: string): string[] {
  const manifest = JSON.parse(read(dist, 'manifest.json'));
  const entry: string = manifest.background.service_worker ?? manifest.background.scripts[0];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = read(dist, file);
    for (const match of source.matchAll(/(?:import|from)\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const target = match[1] ?? '';
      visit(
        target.startsWith('assets/')
          ? target
          : join(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', target),
      );
    }
  };
  visit(entry);
  return [...seen];
}

describe.each(['dist/chrome', 'dist/firefox'])('the build in %s', (dist) => {
  it('has no import() in the background: Chrome forbids it in service workers', () => {
    const files = workerFiles(dist);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(read(dist, file)).not.toMatch(/\bimport\s*\(/);
  });

  it('ships self-contained classic content scripts and exposes nothing to web pages', () => {
    const manifest = JSON.parse(read(dist, 'manifest.json'));
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    for (const script of manifest.content_scripts) {
      for (const file of script.js) {
        const source = read(dist, file);
        expect(source).not.toMatch(/\bimport\s*\(|^import |^export /m);
      }
    }
  });

  it('assigns innerHTML nowhere (Preact’s dangerouslySetInnerHTML support is removed at build time)', () => {
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) expect(read(dist, file), file).not.toMatch(/\.innerHTML\s*\+?=(?!=)/);
  });

  it('contains no eval or remote code', () => {
    const files = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const source = read(join(dist, 'assets'), file);
      expect(source).not.toMatch(/\beval\(|new Function\(|https:\/\/[a-z.]*(cdn|unpkg|jsdelivr)/);
    }
  });
});
