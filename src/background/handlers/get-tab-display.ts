import { accountPrefsItem } from '../../shared/directory/items';
import type { MessagePayload, TabDisplay } from '../../shared/messages/contract';
import { preferencesItem } from '../../shared/storage/items';
import { visibleText } from '../../shared/text/visible-text';
import { consoleTabsItem } from '../console/console-tabs';
import { noteConsolePage } from '../console/multi-session';
import { tabIdentity } from '../console/tab-identity';
import { cachedAccountName } from '../directory/account-name';
import type { HandlerContext } from '../messaging/handle-message';

/** Colour of a production-like account without a colour of its own. */
const DANGER_RED = '#d13212';
/** Colour of any other account without a colour of its own. */
const NEUTRAL = '#5f6b7a';
/** The default danger tier: names that say "prod" (prod, production, prd-…), as most organisations name them. */
const PRODUCTION_NAME = /(^|[^a-z])(prod|production|prd)([^a-z]|$)/i;

/**
 * Display data for the sender's own tab: what the background recorded when it opened the tab as a role, with a
 * mismatch when the page names someone else (console/tab-identity.ts); else what the page says. Names come
 * from the cached directory, alias and colour from the user's settings.
 */
export async function getTabDisplay(
  page: MessagePayload<'getTabDisplay'>,
  { tabId, pageUrl }: HandlerContext,
): Promise<TabDisplay | null> {
  await noteConsolePage(pageUrl);
  const recorded = tabId === undefined ? undefined : (await consoleTabsItem.get())[tabId];
  const identity = tabIdentity(recorded, page, pageUrl);
  if (!identity) return null;
  const { accountId, roleName, mismatch } = identity;
  const prefs = await accountPrefsItem.get();
  // Shown on the page and in the tab title: bidi controls must not make it read as another account.
  const labelOf = (id: string, name: string | null) => visibleText(prefs[id]?.alias || name || id);
  const own = prefs[accountId] ?? {};
  const accountName = await cachedAccountName(accountId);
  const label = labelOf(accountId, accountName);
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
    ...(identity.expiresAt === undefined ? {} : { expiresAt: identity.expiresAt }),
    ...(mismatch
      ? {
          mismatch: {
            accountId: mismatch.accountId,
            label: labelOf(mismatch.accountId, await cachedAccountName(mismatch.accountId)),
            roleName: mismatch.roleName === null ? null : visibleText(mismatch.roleName),
          },
        }
      : {}),
  };
}
