import { useMemo } from 'preact/hooks';
import { rankingSignals } from '../../shared/directory/ranking-signals';
import { buildSearchIndex, type RankingSignals, search } from '../../shared/directory/search';
import { buildRows, lookupAccounts, type Row, roleEntries } from './rows';
import type { DirectoryData } from './use-directory';

const SEARCH_LIMIT = 500;

export interface DirectoryRows {
  /** What the list shows for the search (the whole directory when there is none). */
  readonly rows: readonly Row[];
  /** How many roles there are to search (0: no accounts yet). */
  readonly roleCount: number;
  readonly totalAccounts: number;
  /** The oldest of the portals' last syncs, epoch ms (0: never). */
  readonly syncedAt: number;
  /** Accounts the list shows now. */
  readonly shownAccounts: number;
}

/** The directory as rows for a search: derived from what storage holds, memoised, nothing of its own. */
export function useDirectoryRows(data: DirectoryData, searched: string, showHidden: boolean): DirectoryRows {
  const entries = useMemo(() => roleEntries(data.directories, data.prefs, showHidden), [data, showHidden]);
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const signals = useMemo<RankingSignals>(() => favoritesAndUsage(data), [data]);
  const lookup = useMemo(() => lookupAccounts(data.directories), [data]);
  // The unsearched list (every role: ~40,000 rows at 10,000 accounts) is the same each time the box is
  // cleared: built when first shown, then reused until the directory changes, not rebuilt on every Escape.
  const unsearched = useMemo(() => {
    let built: Row[] | undefined;
    return () => {
      built ??= buildRows(search(index, '', signals, entries.length), lookup, data.portals, data.prefs);
      return built;
    };
  }, [index, signals, entries.length, lookup, data]);
  const rows = useMemo(() => {
    // Until the full list is read, the remembered first screen stands in for the unsearched list.
    if (!data.complete) return searched.trim() ? [] : ((data.firstScreen?.rows ?? []) as Row[]);
    if (!searched.trim()) return unsearched();
    return buildRows(search(index, searched, signals, SEARCH_LIMIT), lookup, data.portals, data.prefs);
  }, [index, searched, signals, unsearched, lookup, data]);
  const totalAccounts = data.complete
    ? data.directories.reduce((sum, d) => sum + d.accounts.length, 0)
    : (data.firstScreen?.totalAccounts ?? 0);
  const syncedAt = data.complete
    ? Math.min(...data.directories.map((d) => d.syncedAt ?? 0))
    : (data.firstScreen?.syncedAt ?? 0);
  const shownAccounts = data.complete ? rows.filter((r) => r.kind === 'account').length : totalAccounts;
  return { rows, roleCount: entries.length, totalAccounts, syncedAt, shownAccounts };
}

/** Shared with the omnibox (src/shared/directory/ranking-signals.ts) so both rank alike. */
function favoritesAndUsage(data: DirectoryData): RankingSignals {
  return rankingSignals(data.directories, data.prefs, data.usage, Date.now());
}
