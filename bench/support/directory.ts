import { decodeDirectory, encodeDirectory } from '../../src/shared/directory/compact.ts';
import type { PortalDirectory } from '../../src/shared/directory/model.ts';
import type { Portal } from '../../src/shared/portals/portal.ts';
import { createOrganization, PERMISSION_SETS } from '../../test/emulator/organization.ts';

/** The portal id the seeded cache belongs to (any id the portal schema accepts). */
export const SEEDED_PORTAL_ID = 'bench-portal';

/**
 * A cached directory in the exact schema of src/shared/directory/model.ts, as a completed sync leaves it:
 * the emulator's realistic names (deterministic by seed), exactly three roles per account.
 */
export function cachedDirectory(accounts: number, portalId = SEEDED_PORTAL_ID, seed = 11): PortalDirectory {
  const now = Date.now();
  const syncedAt = now - 60_000;
  const organization = createOrganization({ seed, accounts });
  return {
    portalId,
    syncedAt,
    previousSyncedAt: syncedAt - 3_600_000,
    accounts: organization.accounts.map((account, i) => ({
      accountId: account.accountId,
      accountName: account.accountName,
      emailAddress: account.emailAddress,
      firstSeenAt: syncedAt - 86_400_000,
      rolesSyncedAt: syncedAt,
      roles: [0, 1, 2].map((r) => ({
        roleName: PERMISSION_SETS[(i + r) % PERMISSION_SETS.length] as string,
        firstSeenAt: syncedAt - 86_400_000,
      })),
    })),
  };
}

/** The `portals` entry for the emulator's portal, so the popup treats the cache as that portal's. */
export function seededPortal(emulator: { startUrl: string; region: string }): Portal {
  return { id: SEEDED_PORTAL_ID, startUrl: emulator.startUrl, region: emulator.region, name: 'Bench' };
}

/**
 * The value the product keeps at `directory:<portalId>`, encoded by the product's own code: since c940723 one
 * compact string (src/shared/directory/compact.ts), so the bench seeds exactly what a sync would have written.
 */
export function storedValue(directory: PortalDirectory): string {
  return encodeDirectory(directory);
}

/** A stored `directory:<portalId>` value read back: the compact string, or nested objects as before c940723. */
export function fromStoredValue(value: unknown): PortalDirectory | null {
  if (typeof value === 'string') return decodeDirectory(value);
  return (value as PortalDirectory | undefined) ?? null;
}
