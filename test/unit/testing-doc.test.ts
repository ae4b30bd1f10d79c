import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** docs/testing.md lists every end-to-end file with what it covers: this keeps the table equal to the disk. */
describe('docs/testing.md', () => {
  const doc = readFileSync('docs/testing.md', 'utf8');
  const table = doc.slice(doc.indexOf('## End-to-end files'));
  const listed = [...table.matchAll(/^\| `(test\/[^`]+)` \|/gm)].map((m) => m[1]).sort();
  const onDisk = [
    ...readdirSync('test/e2e')
      .filter((f) => f.endsWith('.e2e.test.ts'))
      .map((f) => `test/e2e/${f}`),
    ...readdirSync('test/firefox')
      .filter((f) => f.endsWith('.firefox.test.ts'))
      .map((f) => `test/firefox/${f}`),
  ].sort();

  it('lists exactly the e2e and Firefox test files there are', () => {
    expect(listed).toEqual(onDisk);
  });

  it('names only npm scripts that exist', () => {
    const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts as object);
    const named = [...doc.matchAll(/npm run ([a-z:]+)/g)].map((m) => m[1] as string);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
