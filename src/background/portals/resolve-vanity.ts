/**
 * Follows a company vanity start URL to its AWS-owned portal (docs/aws-protocol.md §3) the way the AWS CLI does:
 * one HEAD request (GET when HEAD is refused), redirects not followed, the `Location` read and checked by
 * resolveFromAnswer. A fetch cannot read a redirect's `Location` (`redirect: 'manual'` gives an opaque answer),
 * so the answer is read through webRequest, which reports status and headers of our own requests to hosts we may
 * access. That access is the one origin the user granted from the click that added the portal (optional host
 * permission, docs/security.md): nothing is asked or read for any other site.
 */
import { parseStartUrl } from '../../shared/aws/start-url';
import {
  HEAD_REFUSED,
  resolveFromAnswer,
  type VanityAnswer,
  type VanityResolution,
} from '../../shared/aws/vanity';
import { browser } from '../../shared/browser';
import type { Portal } from '../../shared/portals/portal';

/** How long to wait for a company's web server, like the CLI's 10 s. */
const TIMEOUT_MS = 10_000;

export function vanityOrigin(startUrl: string): string {
  return `${new URL(startUrl).origin}/*`;
}

/**
 * Gives back the access to a vanity host once no portal uses it any more (a manifest origin cannot be removed,
 * so this only ever drops what the user granted for a vanity URL).
 */
export async function releaseVanityAccess(startUrl: string, remaining: readonly Portal[]): Promise<void> {
  const parsed = parseStartUrl(startUrl);
  if (!parsed.ok || parsed.kind !== 'custom') return;
  const origin = vanityOrigin(startUrl);
  if (remaining.some((p) => vanityOrigin(p.startUrl) === origin)) return;
  await browser.permissions.remove({ origins: [origin] });
}

export async function resolveVanityStartUrl(startUrl: string): Promise<VanityResolution> {
  const host = new URL(startUrl).hostname;
  if (!(await browser.permissions.contains({ origins: [vanityOrigin(startUrl)] }))) {
    return {
      ok: false,
      message: `To follow ${host} to your AWS access portal, the extension needs your permission to visit ${host}: choose “Allow visiting ${host}” on the settings page.`,
    };
  }
  let answer = await askOnce(startUrl, 'HEAD');
  if (answer && HEAD_REFUSED.has(answer.status)) answer = await askOnce(startUrl, 'GET');
  if (!answer)
    return { ok: false, message: `Could not reach ${host}. Check the address and your connection.` };
  return resolveFromAnswer(startUrl, answer);
}

/** One request, its redirect not followed; the answer as webRequest saw it, or null when none came. */
async function askOnce(startUrl: string, method: 'HEAD' | 'GET'): Promise<VanityAnswer | null> {
  // As the browser reports it: `https://host` is requested, and reported, as `https://host/`.
  const url = new URL(startUrl).href;
  let settle: (answer: VanityAnswer | null) => void = () => undefined;
  const seen = new Promise<VanityAnswer | null>((resolve) => {
    settle = resolve;
  });
  const listener = (details: {
    url: string;
    method: string;
    tabId: number;
    statusCode: number;
    responseHeaders?: { name: string; value?: string }[];
  }) => {
    // Only our own request: no tab, this URL and method.
    if (details.tabId !== -1 || details.url !== url || details.method !== method) return;
    const location = details.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value;
    settle({ status: details.statusCode, location });
  };
  const filter = { urls: [vanityOrigin(url)] };
  browser.webRequest.onHeadersReceived.addListener(listener, filter, ['responseHeaders']);
  const timer = setTimeout(() => settle(null), TIMEOUT_MS);
  try {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch(() => null);
    // The fetch can settle before webRequest reports (events are delivered separately); a failed fetch never will.
    if (!response) settle(null);
    return await seen;
  } finally {
    clearTimeout(timer);
    browser.webRequest.onHeadersReceived.removeListener(listener);
  }
}
