import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORAGE_DECLARATIONS } from '../../src/shared/storage/registry';

/**
 * docs/architecture.md's storage table, checked against src/shared/storage/registry.ts: the same keys, each with
 * the same areas and owner, so the table cannot go stale.
 */
describe('docs/architecture.md storage keys', () => {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  const start = doc.indexOf('## Storage keys');
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
  const table = section.slice(0, section.indexOf('Outside `browser.storage`'));
  const rows = [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \| `([^`]+)` \|/gm)].map((m) => {
    const key = m[1] as string;
    // A family's row names its id: `directory:<portalId>`, `creds:<portalId>/<accountId>/<roleName>`.
    return `${key.split(':<')[0]} | ${(m[2] as string).trim()} | ${m[3]}`;
  });
  const declared = STORAGE_DECLARATIONS.map((d) => `${d.key} | ${d.areas.join(', ')} | ${d.owner}`);

  it('has one row per declared key, with its areas and owner', () => {
    expect([...rows].sort()).toEqual([...declared].sort());
  });

  it('names families with their id, and only families', () => {
    const families = [...table.matchAll(/^\| `([^`:]+):<[^`]+` \|/gm)].map((m) => m[1]).sort();
    expect(families).toEqual(
      STORAGE_DECLARATIONS.filter((d) => d.family)
        .map((d) => d.key)
        .sort(),
    );
  });

  it('names owners that exist', () => {
    for (const { owner } of STORAGE_DECLARATIONS) expect(() => readFileSync(owner)).not.toThrow();
  });
});
