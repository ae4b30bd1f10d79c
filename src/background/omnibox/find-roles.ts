import { rankingSignals } from '../../shared/directory/ranking-signals';
import { roleEntries } from '../../shared/directory/role-entries';
import { buildSearchIndex, type SearchHit, search } from '../../shared/directory/search';
import type { DirectorySnapshot } from '../commands/directory-snapshot';

/**
 * The popup's search over the popup's roles with the popup's ranking (favourites, then usage), for the
 * address bar. The index is built per call: the worker keeps nothing between keystrokes.
 */
export function findRoles(
  snapshot: DirectorySnapshot,
  query: string,
  limit: number,
  now: number,
): { hits: SearchHit[]; roleCount: number } {
  const entries = roleEntries(snapshot.directories, snapshot.prefs, false);
  const index = buildSearchIndex(entries);
  const signals = rankingSignals(snapshot.directories, snapshot.prefs, snapshot.usage, now);
  return { hits: search(index, query, signals, limit), roleCount: entries.length };
}
