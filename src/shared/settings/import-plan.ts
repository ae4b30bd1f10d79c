import * as v from 'valibot';
import { type Portal, portalLabel } from '../portals/portal';
import type { ImportedSettings } from './import-file';
import { type RoamingPreferences, RoamingPreferencesSchema } from './keys';
import { deepEqual } from './plain';
import type { AccountPrefs, SettingsView } from './view';

/**
 * What an import changes, decided before anything is written.
 *
 * - merge (default): the file adds to what is here. Portals are matched by start URL (ids differ between
 *   installations; a start URL names the portal): a new one is added, signed out; a known one keeps its id, so
 *   its sign-in and cached accounts stay, and takes the file's name. Account settings merge per account and per
 *   field: the file's fields win, fields it does not set stay. Preferences the file sets replace ours.
 * - replace: the file is the whole truth for what it carries: portals not in it are removed (the caller must
 *   then sign them out and forget their secrets: `removedPortalIds`), account settings are the file's, and
 *   preferences it does not set return to their defaults.
 *
 * A known portal's region never changes by import: its client registration and tokens belong to that region.
 * The file's other region is reported; removing and adding the portal changes it.
 */
export type ImportMode = 'merge' | 'replace';

export interface PortalPreview {
  readonly id: string;
  readonly label: string;
  /** For changed portals: which fields. */
  readonly fields?: readonly string[];
}

export interface ImportPreview {
  readonly mode: ImportMode;
  readonly portals: {
    readonly added: PortalPreview[];
    readonly changed: PortalPreview[];
    readonly removed: PortalPreview[];
  };
  /** Accounts whose settings change, and which fields (set, changed or cleared). */
  readonly accounts: { readonly accountId: string; readonly fields: readonly string[] }[];
  readonly preferences: { readonly field: string; readonly from: unknown; readonly to: unknown }[];
  readonly warnings: readonly string[];
  readonly hasChanges: boolean;
}

export interface ImportPlan {
  readonly preview: ImportPreview;
  readonly next: Pick<SettingsView, 'portals' | 'preferences' | 'accountPrefs'>;
  readonly removedPortalIds: readonly string[];
}

function planPortals(
  current: Portal[],
  imported: ImportedSettings['portals'],
  mode: ImportMode,
  newId: () => string,
  warnings: string[],
  keepStartUrls: readonly string[],
) {
  const added: PortalPreview[] = [];
  const changed: PortalPreview[] = [];
  if (!imported) return { portals: current, added, changed, removed: [] as Portal[] };
  const ids = new Set(current.map((p) => p.id));
  const updated = new Map<string, Portal>();
  /** The file's portals in its order: known ones updated, new ones with an id. */
  const inFileOrder: Portal[] = [];
  for (const portal of imported) {
    const known = current.find((p) => p.startUrl === portal.startUrl);
    if (!known) {
      const id = portal.id && !ids.has(portal.id) ? portal.id : newId();
      ids.add(id);
      const next: Portal = {
        id,
        startUrl: portal.startUrl,
        ...(portal.resolvedStartUrl ? { resolvedStartUrl: portal.resolvedStartUrl } : {}),
        region: portal.region,
        ...(portal.name ? { name: portal.name } : {}),
        ...(portal.ipStack ? { ipStack: portal.ipStack } : {}),
      };
      added.push({ id, label: portalLabel(next) });
      inFileOrder.push(next);
      continue;
    }
    if (portal.region !== known.region) {
      warnings.push(
        `${portalLabel(known)}: kept region ${known.region} (the file says ${portal.region}); remove and add the portal to change it`,
      );
    }
    const { name: _name, ipStack: _ipStack, ...rest } = known;
    const name = portal.name ?? (mode === 'merge' ? known.name : undefined);
    const ipStack = portal.ipStack ?? (mode === 'merge' ? known.ipStack : undefined);
    const next: Portal = { ...rest, ...(name ? { name } : {}), ...(ipStack ? { ipStack } : {}) };
    const fields = [
      ...(next.name !== known.name ? ['name'] : []),
      ...(next.ipStack !== known.ipStack ? ['ipStack'] : []),
    ];
    if (fields.length > 0) changed.push({ id: known.id, label: portalLabel(next), fields });
    updated.set(known.id, next);
    inFileOrder.push(next);
  }
  if (mode === 'replace') {
    // Portals an administrator configured stay whatever the file says: the user cannot remove them.
    const kept = current.filter((p) => !updated.has(p.id) && keepStartUrls.includes(p.startUrl));
    for (const portal of kept) warnings.push(`${portalLabel(portal)}: set by your organisation; kept`);
    const removed = current.filter((p) => !updated.has(p.id) && !kept.includes(p));
    return { portals: [...inFileOrder, ...kept], added, changed, removed };
  }
  const kept = current.map((p) => updated.get(p.id) ?? p);
  const fresh = inFileOrder.filter((p) => added.some((a) => a.id === p.id));
  return { portals: [...kept, ...fresh], added, changed, removed: [] as Portal[] };
}

function planAccounts(
  current: Record<string, AccountPrefs>,
  imported: ImportedSettings['accountPrefs'],
  mode: ImportMode,
) {
  if (!imported) return { accountPrefs: current, accounts: [] };
  const next: Record<string, AccountPrefs> = mode === 'replace' ? {} : { ...current };
  for (const [id, prefs] of Object.entries(imported))
    next[id] = mode === 'replace' ? prefs : { ...current[id], ...prefs };
  const accounts = [...new Set([...Object.keys(current), ...Object.keys(next)])].flatMap((accountId) => {
    const before: Record<string, unknown> = current[accountId] ?? {};
    const after: Record<string, unknown> = next[accountId] ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (f) => !deepEqual(before[f], after[f]),
    );
    return fields.length > 0 ? [{ accountId, fields }] : [];
  });
  return { accountPrefs: next, accounts };
}

function planPreferences(
  current: RoamingPreferences,
  imported: ImportedSettings['preferences'],
  mode: ImportMode,
) {
  if (!imported) return { preferences: current, changes: [] };
  const base = mode === 'replace' ? v.parse(RoamingPreferencesSchema, {}) : current;
  const preferences: RoamingPreferences = { ...base, ...imported };
  const fields = Object.keys(preferences) as (keyof RoamingPreferences)[];
  const changes = fields
    .filter((field) => !deepEqual(current[field], preferences[field]))
    .map((field) => ({ field, from: current[field], to: preferences[field] }));
  return { preferences, changes };
}

export function planImport(
  current: SettingsView,
  imported: ImportedSettings,
  mode: ImportMode,
  fileWarnings: readonly string[] = [],
  newId: () => string = () => crypto.randomUUID(),
  /** Start URLs of portals a replace must keep (managed by an administrator). */
  keepStartUrls: readonly string[] = [],
): ImportPlan {
  const warnings = [...fileWarnings];
  const portals = planPortals(current.portals, imported.portals, mode, newId, warnings, keepStartUrls);
  const accounts = planAccounts(current.accountPrefs, imported.accountPrefs, mode);
  const preferences = planPreferences(current.preferences, imported.preferences, mode);
  const removed = portals.removed.map((p) => ({ id: p.id, label: portalLabel(p) }));
  const preview: ImportPreview = {
    mode,
    portals: { added: portals.added, changed: portals.changed, removed },
    accounts: accounts.accounts,
    preferences: preferences.changes,
    warnings,
    hasChanges:
      portals.added.length +
        portals.changed.length +
        removed.length +
        accounts.accounts.length +
        preferences.changes.length >
      0,
  };
  return {
    preview,
    next: {
      portals: portals.portals,
      preferences: preferences.preferences,
      accountPrefs: accounts.accountPrefs,
    },
    removedPortalIds: removed.map((p) => p.id),
  };
}
