import * as v from 'valibot';
import { defineItem } from '../../shared/storage/define-item';

/**
 * Which tab holds which role, for tagging and "switch to the open tab": `consoleTabs` in storage.session,
 * keyed by tab id, cleaned when a tab closes (tabs.onRemoved in the worker's entry).
 */
const ConsoleTabSchema = v.object({
  portalId: v.string(),
  accountId: v.string(),
  roleName: v.string(),
  /** Epoch ms when the credentials behind the console session expire. */
  expiresAt: v.number(),
});
export type ConsoleTab = v.InferOutput<typeof ConsoleTabSchema>;

export const consoleTabsItem = defineItem({
  key: 'consoleTabs',
  area: 'session',
  schema: v.record(v.string(), ConsoleTabSchema),
  fallback: {},
});

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
