import { browser } from '../../shared/browser';
import { roleUsageItem } from '../../shared/directory/items';
import { roleKey } from '../../shared/directory/model';
import { awsErrorName, isNetworkError } from '../aws/errors';
import { UserFacingError } from '../messaging/user-facing-error';
import { findPortal } from '../portals/find-portal';
import { accountRegion } from './account-region';
import { recordConsoleTab } from './console-tabs';
import { consoleHome, loginUrl, logoutThenLogin, signinOrigin } from './endpoints';
import { type RoleRef, roleCredentials } from './role-credentials';
import { getSigninToken } from './signin-token';

export interface OpenConsoleOptions {
  readonly newTab: boolean;
}

/**
 * Opens the AWS console as a role: role credentials (reused while valid), a sign-in token by POST, then one
 * navigation through logout-then-login so an existing console session never shows the "sign out first" wall.
 * At most two AWS round trips before the navigation, one when credentials are reused.
 */
export async function openConsole(role: RoleRef, options: OpenConsoleOptions): Promise<void> {
  const portal = await findPortal(role.portalId);
  const credentials = await roleCredentials(role, portal.region).catch((error: unknown) => {
    throw explain(error, role);
  });
  const origin = signinOrigin(portal.region);
  const token = await getSigninToken(origin, credentials, null).catch((error: unknown) => {
    throw explain(error, role);
  });
  const destination = consoleHome(portal.region, await accountRegion(portal, role.accountId));
  const url = logoutThenLogin(origin, loginUrl(origin, token, portal.startUrl, destination));
  const tabId = await navigate(url, options.newTab);
  if (tabId !== undefined) {
    await recordConsoleTab(tabId, { ...role, expiresAt: credentials.expiration });
  }
  await recordUsage(role);
}

/** The current tab when it is a console or an empty new tab; a new tab otherwise, or when asked. */
async function navigate(url: string, newTab: boolean): Promise<number | undefined> {
  if (!newTab) {
    const [current] = await browser.tabs.query({ active: true, currentWindow: true });
    if (current?.id !== undefined && isReusable(current.url ?? current.pendingUrl ?? '')) {
      await browser.tabs.update(current.id, { url });
      return current.id;
    }
  }
  const created = await browser.tabs.create({ url, active: true });
  return created.id;
}

function isReusable(url: string): boolean {
  if (
    url === '' ||
    url === 'about:blank' ||
    /^(chrome|edge|about):\/\/newtab\/?$/.test(url) ||
    url === 'about:newtab'
  )
    return true;
  try {
    return /(^|\.)console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/.test(
      new URL(url).hostname,
    );
  } catch {
    return false;
  }
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

export function explain(error: unknown, role: RoleRef): Error {
  if (error instanceof UserFacingError) return error;
  const name = awsErrorName(error);
  if (name === 'ResourceNotFoundException' || name === 'ForbiddenException') {
    return new UserFacingError(
      `You no longer have ${role.roleName} in account ${role.accountId}. Sync the list to refresh it.`,
    );
  }
  if (isNetworkError(error))
    return new UserFacingError('Could not reach AWS. Check your connection and try again.');
  if (name === 'TooManyRequestsException')
    return new UserFacingError('AWS is throttling requests. Try again in a moment.');
  return new UserFacingError('AWS could not open the console for this role. Try again.');
}
