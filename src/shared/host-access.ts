import { browser } from './browser';

/**
 * Access to the AWS sites the extension talks to (host permissions) and tags (console pages). Browsers let
 * people withhold it: Firefox treats MV3 host permissions as opt-in, and Chrome's "site access" can be set to
 * "on click". Without it every AWS call fails like an offline network, so the UI checks and asks instead.
 */
export const HOST_ACCESS_MISSING =
  'AWS SSO Switcher is not allowed to reach AWS sites in this browser. Choose “Allow access to AWS sites”, then try again.';

/** Every origin the manifest asks for: API hosts and the console pages the content script tags. */
export function requiredOrigins(): string[] {
  const manifest = browser.runtime.getManifest() as {
    host_permissions?: string[];
    content_scripts?: { matches?: string[] }[];
  };
  const origins = new Set([
    ...(manifest.host_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []),
  ]);
  return [...origins];
}

export async function hasHostAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: requiredOrigins() });
  } catch {
    // A browser without the permissions API has no way to withhold them either.
    return true;
  }
}

/**
 * Asks for the one company host of a vanity start URL (docs/aws-protocol.md §3), so the extension may read where
 * it redirects. Like requestHostAccess, it must run straight from the click, before any await.
 */
export function requestVanityAccess(startUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${new URL(startUrl).origin}/*`] });
}

/**
 * Asks for every origin at once. Must run straight from a click handler: Firefox refuses the request after
 * any await (it must be a direct user action), so nothing is awaited before it.
 */
export function requestHostAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: requiredOrigins() });
}
