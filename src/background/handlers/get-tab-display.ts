import { accountPrefsItem } from '../../shared/directory/items';
import type { MessagePayload, TabDisplay } from '../../shared/messages/contract';
import { preferencesItem } from '../../shared/storage/items';
import { visibleText } from '../../shared/text/visible-text';
import { consoleTabsItem } from '../console/console-tabs';
import { noteConsolePage } from '../console/multi-session';
import { cachedAccountName } from '../directory/account-name';
import type { HandlerContext } from '../messaging/handle-message';

/** Colour of a production-like account without a colour of its own. */
const DANGER_RED = '#d13212';
/** Colour of any other account without a colour of its own. */
const NEUTRAL = '#5f6b7a';
/** The default danger tier: names that say "prod" (prod, production, prd-…), as most organisations name them. */
const PRODUCTION_NAME = /(^|[^a-z])(prod|production|prd)([^a-z]|$)/i;

/**
 * Display data for the sender's own tab: first what the background knows (it opened the tab as a role), then
 * what the page says. Names come from the cached directory, alias and colour from the user's settings.
 */
export async function getTabDisplay(
  page: MessagePayload<'getTabDisplay'>,
  { tabId, pageUrl }: HandlerContext,
): Promise<TabDisplay | null> {
  await noteConsolePage(pageUrl);
  const recorded = tabId === undefined ? undefined : (await consoleTabsItem.get())[tabId];
  // The page may since have been signed in as another account some other way: then the page is right.
  const opened =
    recorded && (!page.accountId || page.accountId === recorded.accountId) ? recorded : undefined;
  const accountId = opened?.accountId ?? page.accountId;
  if (!accountId) return null;
  const roleName = opened?.roleName ?? page.roleName ?? null;
  const [prefs, accountName] = await Promise.all([accountPrefsItem.get(), cachedAccountName(accountId)]);
  const own = prefs[accountId] ?? {};
  // Shown on the page and in the tab title: bidi controls must not make it read as another account.
  const label = visibleText(own.alias || accountName || accountId);
  const byName = PRODUCTION_NAME.test(own.alias ?? '') || PRODUCTION_NAME.test(accountName ?? '');
  const danger = own.tier === 'production' || (own.tier !== 'normal' && byName);
  const { tagging } = await preferencesItem.get();
  return {
    accountId,
    label,
    roleName: roleName === null ? null : visibleText(roleName),
    color: own.color ?? (danger ? DANGER_RED : NEUTRAL),
    danger,
    parts: tagging,
    ...(opened ? { expiresAt: opened.expiresAt } : {}),
  };
}
