import { useEffect, useRef, useState } from 'preact/hooks';
import { portalInTab, regionFromPortalPage } from '../../shared/aws/portal-tab';
import type { PartitionId } from '../../shared/aws/regions';
import { browser } from '../../shared/browser';
import { awsStartUrl, type Portal } from '../../shared/portals/portal';
import { readPortalPage } from './read-portal-page';

export interface DiscoveredPortal {
  startUrl: string;
  region: string | null;
  /** Where the region came from: the URL's host, the page, or nowhere (the user chooses it). */
  regionFrom: 'url' | 'page' | null;
}

/** A portal is already added when one has that start URL, or is a vanity address that was resolved to it. */
export function isPortalAdded(startUrl: string, portals: readonly Portal[]): boolean {
  return portals.some((p) => p.startUrl === startUrl || awsStartUrl(p) === startUrl);
}

/**
 * The AWS access portal shown in the active tab when the popup opened, null when there is none (or it cannot be
 * read), undefined while still looking (a few milliseconds; the first-run form waits, so it does not swap).
 * Looks once, after the portals are known (null until then), so the page of a portal already added is not read.
 * activeTab grants the tab's URL and the page read for this opening only (docs/architecture.md "Adding the
 * portal in the active tab").
 */
export function usePortalInTab(portals: readonly Portal[] | null): DiscoveredPortal | null | undefined {
  const [found, setFound] = useState<DiscoveredPortal | null | undefined>(undefined);
  const latest = useRef(portals);
  latest.current = portals;
  const ready = portals !== null;
  useEffect(() => {
    if (!ready) return;
    let live = true;
    void discoverPortalInTab(latest.current ?? []).then((portal) => {
      if (live) setFound(portal);
    });
    return () => {
      live = false;
    };
  }, [ready]);
  return found;
}

export async function discoverPortalInTab(added: readonly Portal[]): Promise<DiscoveredPortal | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const portal = portalInTab(tab?.url);
    if (!portal || tab?.id === undefined) return null;
    if (portal.region) return { startUrl: portal.startUrl, region: portal.region, regionFrom: 'url' };
    if (isPortalAdded(portal.startUrl, added))
      return { startUrl: portal.startUrl, region: null, regionFrom: null };
    const region = await readRegionFromPage(tab.id, portal.partition);
    return { startUrl: portal.startUrl, region, regionFrom: region ? 'page' : null };
  } catch {
    return null; // No tab access (restricted page, access revoked): nothing to offer.
  }
}

async function readRegionFromPage(tabId: number, partition: PartitionId | null): Promise<string | null> {
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: readPortalPage });
    return regionFromPortalPage(injection?.result, partition);
  } catch {
    return null; // The page refused the script (e.g. still loading elsewhere): ask the user instead.
  }
}
