import { parseConsoleHost } from '../../shared/aws/console-host';
import { partitionOfRegion } from '../../shared/aws/regions';

/**
 * "Same page, other account": the console page a tab shows, as a destination for another role. The
 * multi-session prefix (`{accountId}-{id}.`) is dropped, since it names the old session; region, path, query
 * and fragment stay. Null when the tab is no console page of the portal's partition (a sign-in page, another
 * site, another partition), so the caller falls back to the console home.
 */
export function samePageDestination(tabUrl: string, portalRegion: string): string | null {
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  const host = parseConsoleHost(url.hostname);
  const partition = partitionOfRegion(portalRegion);
  if (!host || host.partition !== partition.id) return null;
  // The federation endpoints and the console's own sign-out pages are no place to land.
  if (/^\/(oauth|federation|logout)\b/.test(url.pathname)) return null;
  const hostname = host.region ? `${host.region}.${partition.consoleHost}` : partition.consoleHost;
  return `https://${hostname}${url.pathname}${url.search}${url.hash}`;
}
