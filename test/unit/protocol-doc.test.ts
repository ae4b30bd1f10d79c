import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Code comments cite docs/aws-protocol.md by section (`docs/aws-protocol.md §4.3`): every cited section exists, and
 * nothing cites a document outside the repository (the workplace's shared reference is not ours to point at).
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|md)$/.test(name) ? [path] : [];
  });
}

const files = ['src', 'test', 'scripts', 'bench', 'docs'].flatMap(sourceFiles);
const doc = readFileSync('docs/aws-protocol.md', 'utf8');
const sections = new Set(
  [...doc.matchAll(/^#{2,4} (\d+(?:\.\d+)*)\. /gm), ...doc.matchAll(/^#{2,4} (\d+(?:\.\d+)+) /gm)].map(
    (m) => m[1],
  ),
);

describe('citations of docs/aws-protocol.md', () => {
  it('name sections that exist', () => {
    const missing: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/aws-protocol\.md\)? §(\d+(?:\.\d+)*)/g)) {
        if (!sections.has(match[1] as string)) missing.push(`${file}: §${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('never point outside the repository', () => {
    const outside = files.filter((file) => /\.\.\/shared\/docs/.test(readFileSync(file, 'utf8')));
    expect(outside).toEqual([]);
  });
});
