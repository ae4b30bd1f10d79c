import { useEffect, useState } from 'preact/hooks';
import { portalInTab, regionFromPortalPage } from '../../shared/aws/portal-tab';
import { browser } from '../../shared/browser';
import { readPortalPage } from './read-portal-page';

export interface DiscoveredPortal {
  startUrl: string;
  region: string | null;
  /** Where the region came from: the URL's host, the page, or nowhere (the user chooses it). */
  regionFrom: 'url' | 'page' | null;
}

/**
 * The AWS access portal shown in the active tab when the popup opened, null when there is none (or it cannot be
 * read), undefined while still looking (a few milliseconds; the first-run form waits, so it does not swap).
 * Read once per opening: activeTab grants the tab's URL and one page read for this gesture only
 * (docs/architecture.md "Adding the portal in the active tab").
 */
export function usePortalInTab(): DiscoveredPortal | null | undefined {
  const [found, setFound] = useState<DiscoveredPortal | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void discoverPortalInTab().then((portal) => {
      if (live) setFound(portal);
    });
    return () => {
      live = false;
    };
  }, []);
  return found;
}

export async function discoverPortalInTab(): Promise<DiscoveredPortal | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const portal = portalInTab(tab?.url);
    if (!portal || tab?.id === undefined) return null;
    if (portal.region) return { startUrl: portal.startUrl, region: portal.region, regionFrom: 'url' };
    const region = await readRegionFromPage(tab.id, portal.partition);
    return { startUrl: portal.startUrl, region, regionFrom: region ? 'page' : null };
  } catch {
    return null; // No tab access (restricted page, access revoked): nothing to offer.
  }
}

async function readRegionFromPage(tabId: number, partition: Parameters<typeof regionFromPortalPage>[1]) {
  try {
    const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: readPortalPage });
    return regionFromPortalPage(injection?.result, partition);
  } catch {
    return null; // The page refused the script (e.g. still loading elsewhere): ask the user instead.
  }
}
