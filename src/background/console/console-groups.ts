import { browser } from '../../shared/browser';
import { accountPrefsItem } from '../../shared/directory/items';
import { defineItem } from '../../shared/storage/define-item';
import { STORAGE } from '../../shared/storage/registry';
import { visibleText } from '../../shared/text/visible-text';
import { cachedAccountName } from '../directory/account-name';
import type { RoleRef } from './role-credentials';

/**
 * Keeping consoles together per account or per role: a Chrome tab group, or a Firefox container (which also
 * keeps each one's console cookies apart, so several accounts stay signed in side by side). Both need an
 * optional permission the settings page asks for when the user turns this on; without it nothing happens.
 */
export type Grouping = 'account' | 'role';

interface TabGroupsApi {
  tabs: { group(options: { tabIds: number[]; groupId?: number }): Promise<number> };
  tabGroups?: {
    get(groupId: number): Promise<unknown>;
    update(groupId: number, props: { title?: string; color?: string }): Promise<unknown>;
  };
  contextualIdentities?: {
    get(cookieStoreId: string): Promise<{ cookieStoreId: string }>;
    create(details: { name: string; color: string; icon: string }): Promise<{ cookieStoreId: string }>;
    remove(cookieStoreId: string): Promise<unknown>;
  };
}
const api = browser as unknown as TabGroupsApi;

/** Chrome's tab group colours, as the browser draws them. */
const GROUP_COLORS: Record<string, string> = {
  grey: '#5f6368',
  blue: '#1a73e8',
  red: '#d93025',
  yellow: '#f9ab00',
  green: '#188038',
  pink: '#d01884',
  purple: '#a142f4',
  cyan: '#007b83',
  orange: '#fa903e',
};
/** Firefox's container colours. */
const CONTAINER_COLORS: Record<string, string> = {
  blue: '#37adff',
  turquoise: '#00c79a',
  green: '#51cd00',
  yellow: '#ffcb00',
  orange: '#ff9f00',
  red: '#ff613d',
  pink: '#ff4bda',
  purple: '#af51f5',
  toolbar: '#7c7c7d',
};

/** The named colour closest to an account's `#rrggbb`, so a group or container looks like the account's tag. */
export function nearestColor(
  hex: string | undefined,
  palette: Record<string, string>,
  fallback: string,
): string {
  const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return fallback;
  const [r, g, b] = rgb(hex) as [number, number, number];
  let best = fallback;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const [name, value] of Object.entries(palette)) {
    const [r2, g2, b2] = rgb(value) as [number, number, number];
    const distance = (r - r2) ** 2 + (g - g2) ** 2 + (b - b2) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

/** Group id (Chrome) or cookie store id (Firefox) per account or role key. Local: containers outlive the session. */
const groupsItem = defineItem(STORAGE.consoleGroups);

function groupKey(role: RoleRef, grouping: Grouping): string {
  return grouping === 'account'
    ? `${role.portalId}/${role.accountId}`
    : `${role.portalId}/${role.accountId}/${role.roleName}`;
}

async function labelAndColor(role: RoleRef, grouping: Grouping): Promise<{ label: string; color?: string }> {
  const prefs = (await accountPrefsItem.get())[role.accountId] ?? {};
  const name = prefs.alias || (await cachedAccountName(role.accountId, role.portalId)) || role.accountId;
  const label = grouping === 'role' ? `${name} · ${role.roleName}` : name;
  return { label: visibleText(label).slice(0, 80), ...(prefs.color ? { color: prefs.color } : {}) };
}

/** Whether containers can be used here: Firefox, with the permission granted. */
export async function containersAvailable(): Promise<boolean> {
  return (
    // contextualIdentities is a required permission of the Firefox build; cookies (tabs in a container) is asked.
    api.contextualIdentities !== undefined && (await hasPermissions(['cookies']))
  );
}

async function hasPermissions(permissions: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ permissions: permissions as never[] });
  } catch {
    return false;
  }
}

/** Firefox: the container for this account or role, made (and remembered as ours) when there is none. */
export async function containerFor(role: RoleRef, grouping: Grouping): Promise<string | undefined> {
  const identities = api.contextualIdentities;
  if (!identities || !(await containersAvailable())) return undefined;
  const key = groupKey(role, grouping);
  const known = (await groupsItem.get())[key];
  if (typeof known === 'string') {
    const alive = await identities.get(known).then(
      () => true,
      () => false,
    );
    if (alive) return known;
  }
  const { label, color } = await labelAndColor(role, grouping);
  const created = await identities.create({
    name: `AWS · ${label}`,
    color: nearestColor(color, CONTAINER_COLORS, 'orange'),
    icon: 'briefcase',
  });
  await groupsItem.set({ ...(await groupsItem.get()), [key]: created.cookieStoreId });
  return created.cookieStoreId;
}

/** Chrome: puts the console's tab in the account's (or role's) tab group, made when there is none. */
export async function groupTab(tabId: number, role: RoleRef, grouping: Grouping): Promise<void> {
  const tabGroups = api.tabGroups;
  if (!tabGroups || !(await hasPermissions(['tabGroups']))) return;
  const key = groupKey(role, grouping);
  const known = (await groupsItem.get())[key];
  const existing =
    typeof known === 'number'
      ? await tabGroups.get(known).then(
          () => known,
          () => undefined,
        )
      : undefined;
  const groupId = await api.tabs.group({
    tabIds: [tabId],
    ...(existing !== undefined ? { groupId: existing } : {}),
  });
  if (existing === undefined) {
    const { label, color } = await labelAndColor(role, grouping);
    await tabGroups.update(groupId, { title: label, color: nearestColor(color, GROUP_COLORS, 'grey') });
    await groupsItem.set({ ...(await groupsItem.get()), [key]: groupId });
  }
}

/** Firefox: removes every container this extension made (their tabs close with them). */
export async function removeOurContainers(): Promise<number> {
  const identities = api.contextualIdentities;
  const groups = await groupsItem.get();
  const ours = Object.values(groups).filter((id): id is string => typeof id === 'string');
  if (identities) {
    for (const id of ours) await identities.remove(id).catch(() => undefined);
  }
  await groupsItem.set(Object.fromEntries(Object.entries(groups).filter(([, id]) => typeof id !== 'string')));
  return ours.length;
}
