import * as v from 'valibot';
import { AccountPrefsSchema } from '../storage/schemas/directory';
import { type Preferences, PreferencesSchema } from '../storage/schemas/preferences';
import { browserManagedStorage } from './browser-storage';
import { checkPortals, ImportPortalSchema } from './import-portals';
import { formatPath, type PathSegment } from './path';
import { isPlainObject } from './plain';
import type { ManagedPort } from './storage-port';
import type { AccountPrefs } from './view';

/**
 * Settings an organisation pushes through storage.managed (Chrome: policy with public/managed-schema.json;
 * Firefox: policies.json "3rdparty"). Chrome drops a whole policy whose value does not match the schema, so the
 * schema only checks types and this file checks the rest, entry by entry and field by field: a typo in one
 * account's colour loses that colour, not every managed account. Firefox checks nothing, so nothing here trusts
 * the shape of what it gets, and nothing throws.
 */

export const MANAGED_ACCOUNT_FIELDS = ['alias', 'color', 'tier', 'defaultRegion'] as const;
export const MANAGED_PREFERENCE_FIELDS = [
  'keepSignedIn',
  'defaultRegion',
  'consoleTabMode',
  'multiSession',
  'sessionDurationMinutes',
  'profileTemplate',
] as const;
const TAGGING_PARTS = ['strip', 'pill', 'title', 'favicon'] as const;

export interface ManagedPortal {
  readonly startUrl: string;
  readonly region: string;
  readonly name?: string;
  /** Forces the portal's endpoints (docs/admin.md); the user may still change it. */
  readonly ipStack?: 'ipv4' | 'dualstack';
}
export type ManagedAccountPrefs = Partial<Pick<AccountPrefs, (typeof MANAGED_ACCOUNT_FIELDS)[number]>>;
export type ManagedPreferences = Partial<Pick<Preferences, (typeof MANAGED_PREFERENCE_FIELDS)[number]>> & {
  readonly tagging?: Partial<Preferences['tagging']>;
};

export interface ManagedSettings {
  readonly portals: readonly ManagedPortal[];
  readonly accountPrefs: Readonly<Record<string, ManagedAccountPrefs>>;
  readonly preferences: ManagedPreferences;
  /** What was ignored and why, for a diagnostics view. */
  readonly problems: readonly string[];
}

export const NO_MANAGED_SETTINGS: ManagedSettings = {
  portals: [],
  accountPrefs: {},
  preferences: {},
  problems: [],
};

/** Copies `fields` of `input` that pass their schema into an object; notes each one that does not. */
function pickValid(
  input: Record<string, unknown>,
  fields: readonly string[],
  schemaOf: (field: string) => v.GenericSchema,
  path: PathSegment[],
  problems: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (input[field] === undefined) continue;
    if (v.is(schemaOf(field), input[field])) out[field] = input[field];
    else problems.push(`${formatPath([...path, field])}: ignored, not a valid value`);
  }
  return out;
}

function parsePortals(raw: unknown, problems: string[]): ManagedPortal[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('portals: ignored, expected a list');
    return [];
  }
  raw.forEach((item, index) => {
    if (!v.is(ImportPortalSchema, item)) {
      problems.push(`${formatPath(['portals', index])}: ignored, expected {startUrl, region, name, ipStack}`);
    }
  });
  const errors: { path: string; message: string }[] = [];
  const portals = checkPortals(raw, errors);
  problems.push(...errors.map((error) => `${error.path}: ignored, ${error.message}`));
  return portals.map(({ startUrl, region, name, ipStack }) => ({
    startUrl,
    region,
    ...(name ? { name } : {}),
    ...(ipStack ? { ipStack } : {}),
  }));
}

function parseAccounts(raw: unknown, problems: string[]): Record<string, ManagedAccountPrefs> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    problems.push('accountPrefs: ignored, expected an object');
    return {};
  }
  const out: Record<string, ManagedAccountPrefs> = {};
  for (const [accountId, entry] of Object.entries(raw)) {
    const path = ['accountPrefs', accountId];
    if (!/^\d{12}$/.test(accountId) || !isPlainObject(entry)) {
      problems.push(`${formatPath(path)}: ignored, expected a 12-digit account id and an object`);
      continue;
    }
    const fields = AccountPrefsSchema.entries as Record<string, v.GenericSchema>;
    const prefs = pickValid(
      entry,
      MANAGED_ACCOUNT_FIELDS,
      (f) => fields[f] as v.GenericSchema,
      path,
      problems,
    );
    if (Object.keys(prefs).length > 0) out[accountId] = prefs as ManagedAccountPrefs;
  }
  return out;
}

function parsePreferences(raw: unknown, problems: string[]): ManagedPreferences {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    problems.push('preferences: ignored, expected an object');
    return {};
  }
  const fields = PreferencesSchema.entries as Record<string, v.GenericSchema>;
  const out = pickValid(
    raw,
    MANAGED_PREFERENCE_FIELDS,
    (f) => fields[f] as v.GenericSchema,
    ['preferences'],
    problems,
  );
  if (raw.tagging !== undefined) {
    if (isPlainObject(raw.tagging)) {
      const tagging = pickValid(
        raw.tagging,
        TAGGING_PARTS,
        () => v.boolean(),
        ['preferences', 'tagging'],
        problems,
      );
      if (Object.keys(tagging).length > 0) out.tagging = tagging;
    } else problems.push('preferences.tagging: ignored, expected an object');
  }
  return out as ManagedPreferences;
}

/** Checks what an administrator set; invalid parts are left out and listed in `problems`. */
export function parseManaged(raw: unknown): ManagedSettings {
  if (!isPlainObject(raw)) return NO_MANAGED_SETTINGS;
  const problems: string[] = [];
  return {
    portals: parsePortals(raw.portals, problems),
    accountPrefs: parseAccounts(raw.accountPrefs, problems),
    preferences: parsePreferences(raw.preferences, problems),
    problems,
  };
}

/** storage.managed, checked. No policy (Chrome: {}, Firefox: an error) and unreadable storage both mean none. */
export async function readManaged(port: ManagedPort = browserManagedStorage): Promise<ManagedSettings> {
  try {
    return parseManaged(await port.get());
  } catch {
    return NO_MANAGED_SETTINGS;
  }
}

/** The fields the administrator set for one account, e.g. ['alias', 'color']: what the UI shows locked. */
export async function managedAccountFields(accountId: string): Promise<readonly string[]> {
  return Object.keys((await readManaged()).accountPrefs[accountId] ?? {});
}
