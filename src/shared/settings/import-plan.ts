import * as v from 'valibot';
import { type FieldChange, fieldChanges } from './field-changes';
import type { ImportedSettings } from './import-file';
import { type RoamingPreferences, RoamingPreferencesSchema } from './keys';
import { deepEqual } from './plain';
import { type PortalPreview, planPortals, shown } from './plan-portals';
import type { AccountPrefs, SettingsView } from './view';

export type { FieldChange, PortalPreview };

/**
 * What an import changes, decided before anything is written.
 *
 * - merge (default): the file adds to what is here. Portals are matched by start URL (ids differ between
 *   installations; a start URL names the portal): a new one is added, signed out; a known one keeps its id, so
 *   its sign-in and cached accounts stay, and takes the file's name. A portal of the same id or name but another
 *   start URL is a start URL change, which needs the user's confirmation (plan-portals.ts). Account settings
 *   merge per account and per field: the file's fields win, fields it does not set stay. Preferences the file
 *   sets replace ours.
 * - replace: the file is the whole truth for what it carries: portals not in it are removed (the caller must
 *   then sign them out and forget their secrets: `removedPortalIds`), account settings are the file's, and
 *   preferences it does not set return to their defaults.
 *
 * A known portal's region never changes by import: its client registration and tokens belong to that region.
 * The file's other region is reported; removing and adding the portal changes it. (A confirmed start URL change
 * takes the file's region: the portal's sign-in is forgotten with its old start URL anyway.)
 */
export type ImportMode = 'merge' | 'replace';

export interface ImportPreview {
  readonly mode: ImportMode;
  readonly portals: {
    readonly added: PortalPreview[];
    /** Name or endpoints change. */
    readonly changed: PortalPreview[];
    /** Same portal (by id or name), another start URL: applied only when confirmed (start-url-trust.ts). */
    readonly startUrlChanged: PortalPreview[];
    readonly removed: PortalPreview[];
  };
  /** Accounts whose settings change, each field with its value before and after (set, changed or cleared). */
  readonly accounts: { readonly accountId: string; readonly changes: readonly FieldChange[] }[];
  readonly preferences: FieldChange[];
  readonly warnings: readonly string[];
  readonly hasChanges: boolean;
}

export interface ImportPlan {
  readonly preview: ImportPreview;
  readonly next: Pick<SettingsView, 'portals' | 'preferences' | 'accountPrefs'>;
  readonly removedPortalIds: readonly string[];
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
    const changes = fieldChanges(current[accountId] ?? {}, next[accountId] ?? {});
    return changes.length > 0 ? [{ accountId, changes }] : [];
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
  const removed = portals.removed.map(shown);
  const { added, changed, startUrlChanged } = portals;
  const preview: ImportPreview = {
    mode,
    portals: { added, changed, startUrlChanged, removed },
    accounts: accounts.accounts,
    preferences: preferences.changes,
    warnings,
    hasChanges:
      added.length +
        changed.length +
        startUrlChanged.length +
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
