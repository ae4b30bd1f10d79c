import type { Portal } from '../portals/portal';
import type { Preferences } from '../storage/items';
import type { ManagedSettings } from './managed';
import { formatPath } from './path';
import type { AccountPrefs } from './view';

/**
 * The settings in force: what the administrator manages wins and is locked; the user's own settings fill the
 * rest. Pure, so every context computes the same answer from the same two inputs.
 */

export interface UserSettings {
  readonly portals: readonly Portal[];
  readonly preferences: Preferences;
  readonly accountPrefs: Readonly<Record<string, AccountPrefs>>;
}

export interface EffectivePortal extends Portal {
  /** Configured by the administrator: the user cannot remove it. */
  readonly managed: boolean;
}

export interface EffectiveSettings {
  readonly portals: readonly EffectivePortal[];
  readonly preferences: Preferences;
  readonly accountPrefs: Readonly<Record<string, AccountPrefs>>;
  /** Paths the UI shows as locked (see lockPath). */
  readonly locked: ReadonlySet<string>;
}

/** The paths in `locked`, so the UI asks `locked.has(lockPath.account(id, 'color'))`. */
export const lockPath = {
  preference: (field: string, part?: string) =>
    formatPath(part ? ['preferences', field, part] : ['preferences', field]),
  account: (accountId: string, field: string) => formatPath(['accountPrefs', accountId, field]),
  // Always quoted: a portal id in a path is a key, never an index or a property name.
  portal: (portalId: string, field?: 'name' | 'region' | 'ipStack') =>
    `portals[${JSON.stringify(portalId)}]${field ? `.${field}` : ''}`,
};

/**
 * A stable id for a managed portal the user has not added, from its start URL: the same in every context and
 * on every read, so secrets and caches keyed by it are found again. Two FNV-1a hashes (forward and backward).
 */
export function managedPortalId(startUrl: string): string {
  const hash = (text: string) => {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return `managed-${hash(startUrl)}${hash([...startUrl].reverse().join(''))}`;
}

export function effectiveSettings(user: UserSettings, managed: ManagedSettings): EffectiveSettings {
  const locked = new Set<string>();

  const portals: EffectivePortal[] = user.portals.map((portal) => ({ ...portal, managed: false }));
  for (const policy of managed.portals) {
    const index = portals.findIndex((p) => p.startUrl === policy.startUrl);
    const current = portals[index];
    const id = current?.id ?? managedPortalId(policy.startUrl);
    const name = policy.name ?? current?.name;
    const ipStack = policy.ipStack ?? current?.ipStack;
    const next: EffectivePortal = {
      id,
      startUrl: policy.startUrl,
      // A vanity address's AWS portal, found by this browser (docs/aws-protocol.md §3): the policy has none.
      ...(current?.resolvedStartUrl ? { resolvedStartUrl: current.resolvedStartUrl } : {}),
      region: policy.region,
      ...(name ? { name } : {}),
      ...(ipStack ? { ipStack } : {}),
      managed: true,
    };
    if (current) portals[index] = next;
    else portals.push(next);
    locked.add(lockPath.portal(id));
    locked.add(lockPath.portal(id, 'region'));
    if (policy.name) locked.add(lockPath.portal(id, 'name'));
    if (policy.ipStack) locked.add(lockPath.portal(id, 'ipStack'));
  }

  const accountPrefs: Record<string, AccountPrefs> = { ...user.accountPrefs };
  for (const [accountId, policy] of Object.entries(managed.accountPrefs)) {
    accountPrefs[accountId] = { ...accountPrefs[accountId], ...policy };
    for (const field of Object.keys(policy)) locked.add(lockPath.account(accountId, field));
  }

  const { tagging: managedTagging, ...managedPreferences } = managed.preferences;
  const preferences: Preferences = {
    ...user.preferences,
    ...managedPreferences,
    tagging: { ...user.preferences.tagging, ...managedTagging },
  };
  for (const field of Object.keys(managedPreferences)) locked.add(lockPath.preference(field));
  for (const part of Object.keys(managedTagging ?? {})) locked.add(lockPath.preference('tagging', part));

  return { portals, preferences, accountPrefs, locked };
}
