import * as v from 'valibot';
import { AccountPrefsSchema } from '../directory/items';
import { EXPORT_FORMAT } from './export';
import { checkPortals, type ImportedPortal, ImportPortalSchema } from './import-portals';
import { locateJsonError } from './json-position';
import { type RoamingPreferences, RoamingPreferencesSchema } from './keys';
import {
  DEVICE_PREFERENCE_FIELDS,
  DEVICE_PREFERENCES_KEY,
  META_KEY,
  PREFERENCES_KEY,
  SETTINGS_VERSION,
} from './meta';
import { migrate } from './migrations';
import { formatPath } from './path';
import { isPlainObject } from './plain';
import { salvage } from './salvage';
import type { Snapshot } from './storage-port';
import type { AccountPrefs } from './view';

/**
 * Reads a settings file into checked settings, or says exactly what is wrong and where: a JSON path and the
 * expected value, or the line and column of a syntax error. All or nothing: a file with any error imports
 * nothing. Sections are optional (an administrator may hand out only account settings). Fields the file does not
 * know are ignored with a warning, so a typo like `colour` does not pass silently. A file of an older version is
 * migrated like stored settings are, then checked against today's schemas.
 */

export interface ImportError {
  /** A JSON path into the file, or `(file)`. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type { ImportedPortal };

export interface ImportedSettings {
  readonly version: number;
  readonly portals?: ImportedPortal[];
  /** Only the fields the file sets. */
  readonly preferences?: Partial<RoamingPreferences>;
  readonly accountPrefs?: Record<string, AccountPrefs>;
}

export type ParsedFile =
  | { readonly ok: true; readonly settings: ImportedSettings; readonly warnings: string[] }
  | { readonly ok: false; readonly errors: ImportError[] };

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const SECTIONS = {
  portals: v.array(ImportPortalSchema),
  preferences: RoamingPreferencesSchema,
  accountPrefs: v.record(v.pipe(v.string(), v.regex(/^\d{12}$/)), AccountPrefsSchema),
} as const;
type Section = keyof typeof SECTIONS;
const TOP_LEVEL = new Set(['format', 'version', 'exportedAt', ...Object.keys(SECTIONS)]);
const DEVICE_NOTE = 'is kept by each browser for itself; not imported';

function syntaxError(text: string): ImportError {
  const where = locateJsonError(text);
  if (!where) return { path: '(file)', message: 'is not valid JSON' };
  const { line, column, message } = where;
  return {
    path: '(file)',
    message: `is not valid JSON at line ${line}, column ${column}: ${message}`,
    line,
    column,
  };
}

/** The file's sections laid out as storage of its version was, so the storage migrations apply to it. */
function asSnapshot(data: Record<string, unknown>, version: number): Snapshot {
  const { portals, accountPrefs, preferences } = data;
  const local: Record<string, unknown> = { portals, accountPrefs };
  const sync: Record<string, unknown> = {};
  if (version === 1) local[PREFERENCES_KEY] = preferences;
  else {
    local[META_KEY] = { version, preferencesArea: 'sync' };
    sync[PREFERENCES_KEY] = preferences;
  }
  return { local, sync };
}

export function parseSettingsFile(text: string): ParsedFile {
  if (text.length > MAX_IMPORT_BYTES)
    return { ok: false, errors: [{ path: '(file)', message: 'is larger than 5 MB' }] };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: [syntaxError(text.replace(/^\uFEFF/, ''))] };
  }
  if (!isPlainObject(data))
    return { ok: false, errors: [{ path: '(top level)', message: 'expected an object' }] };
  const errors: ImportError[] = [];
  if (data.format !== EXPORT_FORMAT) {
    errors.push({
      path: 'format',
      message: `expected "${EXPORT_FORMAT}": this is not an AWS SSO Switcher settings file`,
    });
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    errors.push({ path: 'version', message: 'expected a whole number from 1' });
  } else if (version > SETTINGS_VERSION) {
    errors.push({
      path: 'version',
      message: `is ${version}: the file comes from a newer version of AWS SSO Switcher; update it to import this file`,
    });
  }
  if (errors.length > 0 || typeof version !== 'number') return { ok: false, errors };

  const warnings = Object.keys(data)
    .filter((key) => !TOP_LEVEL.has(key))
    .map((key) => `${formatPath([key])}: not a setting; ignored`);
  const migrated = migrate(asSnapshot(data, version), { now: 0, forImport: true });
  if (migrated.status === 'newer')
    return { ok: false, errors: [{ path: 'version', message: 'is not supported' }] };
  const { local, sync } = migrated.snapshot;
  if (isPlainObject(local[DEVICE_PREFERENCES_KEY])) {
    warnings.push(
      ...Object.keys(local[DEVICE_PREFERENCES_KEY]).map((key) => `preferences.${key} ${DEVICE_NOTE}`),
    );
  }
  const raw: Record<Section, unknown> = {
    portals: local.portals,
    preferences: sync[PREFERENCES_KEY],
    accountPrefs: local.accountPrefs,
  };
  const checked: Partial<Record<Section, unknown>> = {};
  for (const section of Object.keys(SECTIONS) as Section[]) {
    if (raw[section] === undefined) continue;
    const result = salvage(SECTIONS[section], raw[section], undefined, [section]);
    errors.push(...result.problems.map((p) => ({ path: formatPath(p.path), message: p.message })));
    for (const path of result.unknown) {
      const device =
        path.length === 2 &&
        path[0] === 'preferences' &&
        (DEVICE_PREFERENCE_FIELDS as readonly unknown[]).includes(path[1]);
      warnings.push(`${formatPath(path)} ${device ? DEVICE_NOTE : 'is not a setting; ignored'}`);
    }
    checked[section] = result.value;
  }
  const portals = Array.isArray(raw.portals) ? checkPortals(raw.portals, errors) : undefined;
  if (errors.length > 0) return { ok: false, errors };
  const preferences = isPlainObject(checked.preferences)
    ? Object.fromEntries(
        Object.entries(v.parse(RoamingPreferencesSchema, checked.preferences)).filter(
          ([key]) => key in (checked.preferences as object),
        ),
      )
    : undefined;
  return {
    ok: true,
    settings: {
      version,
      ...(portals ? { portals } : {}),
      ...(preferences ? { preferences } : {}),
      ...(checked.accountPrefs ? { accountPrefs: v.parse(SECTIONS.accountPrefs, checked.accountPrefs) } : {}),
    },
    warnings,
  };
}
