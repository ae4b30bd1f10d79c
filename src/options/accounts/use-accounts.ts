import { useEffect, useState } from 'preact/hooks';
import { accountPrefsItem, directoryItem } from '../../shared/directory/items';
import { portalLabel } from '../../shared/portals/portal';
import { getItems } from '../../shared/storage/define-item';
import { portalsItem } from '../../shared/storage/items';
import type { Actions } from '../../ui/actions';
import type { AccountRecord } from './account-filter';

/**
 * Every cached account of every portal, sorted by what the user sees (alias, else name), read from storage as
 * the popup does: nothing here is secret. Reloaded when the background says something changed, at most every
 * 300 ms, because a sync in progress announces its progress several times a second.
 */
export async function loadAccounts(): Promise<AccountRecord[]> {
  const [portals, prefs] = await getItems(portalsItem, accountPrefsItem);
  const directories = await Promise.all(portals.map((p) => directoryItem(p.id).get()));
  const byId = new Map<string, AccountRecord>();
  directories.forEach((directory, i) => {
    const label = portalLabel(portals[i] as (typeof portals)[number]);
    for (const account of directory?.accounts ?? []) {
      const known = byId.get(account.accountId);
      byId.set(account.accountId, {
        accountId: account.accountId,
        accountName: known?.accountName ?? account.accountName,
        emailAddress: known?.emailAddress ?? account.emailAddress,
        portals: [...(known?.portals ?? []), label],
        prefs: prefs[account.accountId] ?? {},
      });
    }
  });
  const title = (a: AccountRecord) => (a.prefs.alias || a.accountName).toLowerCase();
  return [...byId.values()].sort((a, b) => title(a).localeCompare(title(b)));
}

/** The accounts (null until read) and a way to read them again (after a refused change, to undo what it showed). */
export function useAccounts(actions: Actions): [AccountRecord[] | null, () => void] {
  const [accounts, setAccounts] = useState<AccountRecord[] | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => loadAccounts().then(setAccounts, () => setAccounts([]));
    load();
    const stop = actions.onChange(() => {
      clearTimeout(timer);
      timer = setTimeout(load, 300);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [actions, generation]);
  return [accounts, () => setGeneration((g) => g + 1)];
}
