import { parseConsoleHost } from '../../shared/aws/console-host';
import { defineItem } from '../../shared/storage/define-item';
import { preferencesItem } from '../../shared/storage/items';
import { STORAGE } from '../../shared/storage/registry';

/**
 * Whether the user's console runs in multi-session mode. AWS offers no API to ask; a console tab on a
 * `{accountId}-{id}.{region}.console…` host proves it is on. Each tagged console page reports its URL (through
 * getTabDisplay), so the background notes when it last saw such a host. Session storage: the browser's
 * console cookies die with the browser session too.
 */
export const multiSessionSeenItem = defineItem(STORAGE.multiSessionSeen);

/** Notes a console page's host when it shows multi-session mode. */
export async function noteConsolePage(pageUrl: string | undefined): Promise<void> {
  if (!pageUrl) return;
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return;
  }
  if (parseConsoleHost(host)?.multiSessionAccountId) await multiSessionSeenItem.set(Date.now());
}

/** Add a session (multi-session) or replace the current one: the user's setting, else what was seen. */
export async function usesMultiSession(): Promise<boolean> {
  const { multiSession } = await preferencesItem.get();
  if (multiSession !== 'auto') return multiSession === 'on';
  return (await multiSessionSeenItem.get()) !== null;
}

/** AWS signs a browser in to at most five console sessions at once (protocol doc §5). */
export const MAX_CONSOLE_SESSIONS = 5;
