import type { AccountPrefs, PortalDirectory, RoleEntry, RoleUsage } from './model';
import { roleEntries } from './role-entries';

/**
 * The role opened most recently (`roleUsage[roleKey].lastUsedAt`) that can still be opened: its portal's
 * cache still lists it and its account is not hidden. Usage of removed portals, accounts and roles stays in
 * storage for ranking and is skipped here. Null when nothing qualifies. Ties (same millisecond) go to the
 * role used more often, then to the smaller key, so the answer never depends on object key order.
 */
export function lastUsedRole(
  directories: readonly PortalDirectory[],
  prefs: Readonly<Record<string, AccountPrefs>>,
  usage: Readonly<Record<string, RoleUsage>>,
): RoleEntry | null {
  const ranked = Object.entries(usage)
    .filter(([, u]) => Number.isFinite(u.lastUsedAt))
    .sort(
      ([ka, a], [kb, b]) =>
        b.lastUsedAt - a.lastUsedAt || b.count - a.count || (ka < kb ? -1 : ka > kb ? 1 : 0),
    );
  if (ranked.length === 0) return null;
  const byKey = new Map<string, RoleEntry>();
  for (const entry of roleEntries(directories, prefs, false)) {
    byKey.set(`${entry.portalId}/${entry.accountId}/${entry.roleName}`, entry);
  }
  for (const [key] of ranked) {
    const entry = byKey.get(key);
    if (entry) return entry;
  }
  return null;
}
