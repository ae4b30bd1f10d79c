import { browser } from '../../shared/browser';
import { roleUsageItem } from '../../shared/directory/items';
import { roleKey } from '../../shared/directory/model';
import { awsStartUrl } from '../../shared/portals/portal';
import { preferencesItem } from '../../shared/storage/items';
import { SignedOutError } from '../auth/session';
import { awsErrorName, isNetworkError } from '../aws/errors';
import { type ServiceEndpoint, serviceEndpoint } from '../aws/service-endpoint';
import { refreshAccountRoles } from '../directory/refresh-account';
import { UserFacingError } from '../messaging/user-facing-error';
import { findPortal } from '../portals/find-portal';
import { accountRegion } from './account-region';
import { containerFor, groupTab } from './console-groups';
import { consoleTabsItem, recordConsoleTab } from './console-tabs';
import { samePageDestination } from './destination';
import { consoleHome, loginUrl, logoutThenLogin, signinOrigin } from './endpoints';
import { MAX_CONSOLE_SESSIONS, usesMultiSession } from './multi-session';
import { type RoleRef, roleCredentials } from './role-credentials';
import { signinTokenWithDuration } from './session-duration';
import {
  bringTabForward,
  choosePlacement,
  navigateTo,
  type PlacementRequest,
  placementOrigin,
} from './tab-placement';

export type OpenConsoleOptions = PlacementRequest;

/**
 * Opens the AWS console as a role: role credentials (reused while valid), a sign-in token by POST, then one
 * navigation. At most two AWS round trips before the navigation, one when credentials are reused.
 * - Single-session console: the navigation goes through logout-then-login, so the old session is replaced
 *   without AWS's "sign out first" wall.
 * - Multi-session console: the session is added instead; a tab already holding this role is brought forward
 *   (unless a new tab was asked for), and a sixth session is refused before AWS refuses it.
 * - From a console page, the new role lands on the same page (service, region, path), else on the console home
 *   in the account's region.
 */
export async function openConsole(role: RoleRef, options: OpenConsoleOptions): Promise<void> {
  const portal = await findPortal(role.portalId);
  const [preferences, multiSession] = await Promise.all([preferencesItem.get(), usesMultiSession()]);
  if (multiSession) {
    const live = await liveConsoleTabs();
    if (!options.newTab && (await focusOpenTab(role, live))) return;
    refuseSixthSession(role, live);
  }
  const grouping = preferences.consoleGroups === 'off' ? null : preferences.consoleGroups;
  const container = grouping ? await containerFor(role, grouping).catch(() => undefined) : undefined;
  const placement = await choosePlacement(options, preferences.consoleTabMode, container);
  const endpoint = serviceEndpoint(portal);
  const credentials = await roleCredentials(role, endpoint).catch((error: unknown) => {
    throw explain(error, role, endpoint);
  });
  const origin = signinOrigin(portal.region);
  const roleLabel = `${role.roleName} in ${role.accountId}`;
  const token = await signinTokenWithDuration(
    origin,
    credentials,
    preferences.sessionDurationMinutes,
    roleLabel,
  ).catch((error: unknown) => {
    throw explain(error, role, endpoint);
  });
  const destination =
    samePageDestination(placementOrigin(placement), portal.region) ??
    consoleHome(portal.region, await accountRegion(portal, role.accountId));
  // The federation Issuer is the portal AWS knows (a vanity URL's resolved one, docs/aws-protocol.md §3).
  const login = loginUrl(origin, token, awsStartUrl(portal), destination);
  const tabId = await navigateTo(multiSession ? login : logoutThenLogin(origin, login), placement);
  if (tabId !== undefined) {
    await recordConsoleTab(tabId, { ...role, expiresAt: credentials.expiration });
    // Grouping is a convenience: a failure (a permission taken back, a closed window) must not fail the sign-in.
    if (grouping && !container) await groupTab(tabId, role, grouping).catch(() => undefined);
  }
  await recordUsage(role);
}

/** Brings forward an open tab that holds this role's console session still; true when there was one. */
async function focusOpenTab(role: RoleRef, live: LiveTabs): Promise<boolean> {
  const match = live.find(
    ([, t]) => t.portalId === role.portalId && t.accountId === role.accountId && t.roleName === role.roleName,
  );
  if (!match) return false;
  await bringTabForward(match[0]);
  return true;
}

/** AWS holds at most five console sessions per browser: say which are open instead of letting AWS fail. */
function refuseSixthSession(role: RoleRef, live: LiveTabs): void {
  const sessions = new Set(live.map(([, t]) => `${t.roleName} in ${t.accountId}`));
  sessions.delete(`${role.roleName} in ${role.accountId}`);
  if (sessions.size < MAX_CONSOLE_SESSIONS) return;
  throw new UserFacingError(
    `The console already has ${sessions.size} sessions open (${[...sessions].join(', ')}), AWS's limit. Close one of those tabs and sign out of it in the console, then try again.`,
  );
}

/** Recorded console tabs whose credentials still run and whose tab still exists. */
type LiveTabs = Awaited<ReturnType<typeof liveConsoleTabs>>;

async function liveConsoleTabs() {
  const now = Date.now();
  const open = new Set((await browser.tabs.query({})).map((t) => t.id));
  return Object.entries(await consoleTabsItem.get())
    .filter(([id, t]) => t.expiresAt > now && open.has(Number(id)))
    .map(([id, t]) => [Number(id), t] as const);
}

async function recordUsage(role: RoleRef): Promise<void> {
  await navigator.locks.request('role-usage', async () => {
    const usage = await roleUsageItem.get();
    const key = roleKey(role);
    const previous = usage[key];
    await roleUsageItem.set({
      ...usage,
      [key]: { count: (previous?.count ?? 0) + 1, lastUsedAt: Date.now() },
    });
  });
}

/** Our words for what went wrong. A role AWS no longer grants is also dropped from the cached list. */
export function explain(error: unknown, role: RoleRef, endpoint?: ServiceEndpoint): Error {
  if (error instanceof UserFacingError) return error;
  const name = awsErrorName(error);
  // The portal refused the token even after a refresh: withAccessToken has ended the session.
  if (name === 'UnauthorizedException') return new SignedOutError();
  if (name === 'ResourceNotFoundException' || name === 'ForbiddenException') {
    if (endpoint) void refreshAccountRoles(role.portalId, endpoint, role.accountId).catch(() => undefined);
    return new UserFacingError(
      `You no longer have ${role.roleName} in account ${role.accountId}. The list is being refreshed.`,
    );
  }
  if (isNetworkError(error))
    return new UserFacingError('Could not reach AWS. Check your connection and try again.');
  if (name === 'TooManyRequestsException')
    return new UserFacingError('AWS is throttling requests. Try again in a moment.');
  return new UserFacingError('AWS could not open the console for this role. Try again.');
}
