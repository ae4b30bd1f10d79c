import { partitionOfRegion } from '../../shared/aws/regions';
import { accountPrefsItem } from '../../shared/directory/items';
import type { Portal } from '../../shared/portals/portal';
import { getItems } from '../../shared/storage/define-item';
import { preferencesItem } from '../../shared/storage/items';

/**
 * The region an account is used in: its own default region, else the user's default, else the portal's region.
 * A setting from another partition (a user default of eu-west-1 meeting a GovCloud account) is skipped: the
 * console and CLI of a partition know only its own regions.
 */
export async function accountRegion(portal: Portal, accountId: string): Promise<string> {
  const [prefs, preferences] = await getItems(accountPrefsItem, preferencesItem);
  return pickRegion(portal.region, [prefs[accountId]?.defaultRegion, preferences.defaultRegion]);
}

export function pickRegion(portalRegion: string, candidates: readonly (string | null | undefined)[]): string {
  const partition = partitionOfRegion(portalRegion).id;
  for (const region of candidates) {
    if (region && partitionOfRegion(region).id === partition) return region;
  }
  return portalRegion;
}
