import { defineItem } from '../../shared/storage/define-item';
import { STORAGE } from '../../shared/storage/registry';
import type { ConsoleTab } from '../../shared/storage/schemas/worker-state';

/**
 * Which tab holds which role, for tagging and "switch to the open tab": `consoleTabs` in storage.session,
 * keyed by tab id, cleaned when a tab closes (tabs.onRemoved in the worker's entry).
 */
export type { ConsoleTab };

export const consoleTabsItem = defineItem(STORAGE.consoleTabs);

export async function recordConsoleTab(tabId: number, tab: ConsoleTab): Promise<void> {
  await navigator.locks.request('console-tabs', async () => {
    await consoleTabsItem.set({ ...(await consoleTabsItem.get()), [tabId]: tab });
  });
}

export async function forgetConsoleTab(tabId: number): Promise<void> {
  await navigator.locks.request('console-tabs', async () => {
    const tabs = await consoleTabsItem.get();
    if (!(tabId in tabs)) return;
    const { [tabId]: _gone, ...rest } = tabs;
    await consoleTabsItem.set(rest);
  });
}
