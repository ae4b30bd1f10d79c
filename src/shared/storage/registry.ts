import * as v from 'valibot';
import { PortalSchema } from '../portals/portal';
import { BackupEntrySchema } from '../settings/backup';
import {
  BACKUP_KEY,
  DEVICE_PREFERENCES_KEY,
  META_KEY,
  NOTICE_KEY,
  NoticeSchema,
  PREFERENCES_KEY,
  SettingsMetaSchema,
} from '../settings/meta';
import type { StorageArea } from './areas';
import { AccountPrefsSchema, RoleUsageSchema, SyncProgressSchema } from './schemas/directory';
import { FirstScreenSchema } from './schemas/first-screen';
import { DevicePreferencesSchema, RoamingPreferencesSchema } from './schemas/preferences';
import {
  AccessTokenSchema,
  ConsoleGroupsSchema,
  ConsoleTabSchema,
  CredentialsSchema,
  DeviceFlowSchema,
  PendingConsoleSchema,
  RegistrationSchema,
  SealedSchema,
  SignInOutcomeSchema,
} from './schemas/worker-state';

/**
 * Every storage key the extension uses, declared once: its area(s), its schema, its default and the module that
 * owns it. Items are built from these (define-item.ts); the settings model (shared/settings/keys.ts, whose storage
 * port reads the settings keys in bulk) and docs/architecture.md's storage table (test/unit/storage-doc.test.ts)
 * follow them.
 *
 * Every read is validated against the schema, whatever the area: content scripts can write storage.local
 * (docs/security.md), so nothing read back is trusted, and nothing that grants or lifts a restriction is read
 * from it (administrator policy is read from storage.managed itself).
 */
export interface KeyDeclaration<T = unknown> {
  /** The key; for a family, the prefix of `key:<id>`. */
  readonly key: string;
  /** One key per id (`key:<id>`), e.g. per portal. */
  readonly family?: boolean;
  /** Where it lives. Several: its owner picks one at each call (a preference, or a fall-back). */
  readonly areas: readonly StorageArea[];
  /** The module that owns the key: it builds the key's item, the one way to read or write it. */
  readonly owner: string;
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
  /** For records: each entry's schema. A bad entry is dropped (and reported), not the whole record. */
  readonly entry?: v.GenericSchema;
  /** Holds a token, a client secret or role credentials: never leaves the background. */
  readonly secret?: boolean;
}

function declare<T>(decl: KeyDeclaration<T>): KeyDeclaration<T> {
  return decl;
}

const nullable = <T>(schema: v.GenericSchema<unknown, T>) => v.nullable(schema);

/** Administrator policy: parsed field by field by shared/settings/managed.ts, so anything is accepted here. */
const policy = (key: string) =>
  declare({
    key,
    areas: ['managed'],
    owner: 'src/shared/settings/managed.ts',
    schema: v.unknown(),
    fallback: undefined,
  });

export const STORAGE = {
  // Settings (shared/settings/keys.ts says which are exported, imported, migrated and backed up).
  portals: declare({
    key: 'portals',
    areas: ['local'],
    owner: 'src/shared/storage/items.ts',
    schema: v.array(PortalSchema),
    fallback: [],
  }),
  preferences: declare({
    key: PREFERENCES_KEY,
    areas: ['sync', 'local'],
    owner: 'src/shared/settings/preferences-item.ts',
    schema: RoamingPreferencesSchema,
    fallback: v.parse(RoamingPreferencesSchema, {}),
  }),
  devicePreferences: declare({
    key: DEVICE_PREFERENCES_KEY,
    areas: ['local'],
    owner: 'src/shared/settings/preferences-item.ts',
    schema: DevicePreferencesSchema,
    fallback: v.parse(DevicePreferencesSchema, {}),
  }),
  accountPrefs: declare({
    key: 'accountPrefs',
    areas: ['local'],
    owner: 'src/shared/directory/items.ts',
    schema: v.record(v.string(), AccountPrefsSchema),
    fallback: {},
    entry: AccountPrefsSchema,
  }),
  roleUsage: declare({
    key: 'roleUsage',
    areas: ['local'],
    owner: 'src/shared/directory/items.ts',
    schema: RoleUsageSchema,
    fallback: {},
    entry: v.object({ count: v.number(), lastUsedAt: v.number() }),
  }),
  settingsMeta: declare({
    key: META_KEY,
    areas: ['local', 'sync'],
    owner: 'src/shared/settings/meta.ts',
    schema: nullable(SettingsMetaSchema),
    fallback: null,
  }),
  settingsBackup: declare({
    key: BACKUP_KEY,
    areas: ['local'],
    owner: 'src/shared/settings/backup.ts',
    schema: v.array(BackupEntrySchema),
    fallback: [],
  }),
  settingsNotice: declare({
    key: NOTICE_KEY,
    areas: ['local'],
    owner: 'src/shared/settings/notice.ts',
    schema: nullable(NoticeSchema),
    fallback: null,
  }),
  /** Earlier builds kept a copy of the policy here; removed at worker start, never read. */
  legacyManagedCopy: declare({
    key: 'settings.managed',
    areas: ['local'],
    owner: 'src/background/settings/apply-managed.ts',
    schema: v.unknown(),
    fallback: undefined,
  }),
  managedPortals: policy('portals'),
  managedAccountPrefs: policy('accountPrefs'),
  managedPreferences: policy('preferences'),

  // Directory cache and the popup's first screen.
  directory: declare({
    key: 'directory',
    family: true,
    areas: ['local'],
    owner: 'src/shared/directory/items.ts',
    schema: nullable(v.string()),
    fallback: null,
  }),
  syncProgress: declare({
    key: 'directory.progress',
    family: true,
    areas: ['session'],
    owner: 'src/shared/directory/items.ts',
    schema: nullable(SyncProgressSchema),
    fallback: null,
  }),
  firstScreen: declare({
    key: 'popup.firstScreen',
    areas: ['local'],
    owner: 'src/popup/directory/first-screen.ts',
    schema: FirstScreenSchema,
    fallback: null,
  }),

  // Sign-in (background/storage/secrets.ts). Registration and refresh token: local (sealed) or session, by keepSignedIn.
  registration: declare({
    key: 'auth.registration',
    family: true,
    areas: ['local', 'session'],
    owner: 'src/background/storage/secrets.ts',
    schema: nullable(RegistrationSchema),
    fallback: null,
    secret: true,
  }),
  refreshToken: declare({
    key: 'auth.refresh',
    family: true,
    areas: ['local', 'session'],
    owner: 'src/background/storage/secrets.ts',
    schema: nullable(SealedSchema),
    fallback: null,
    secret: true,
  }),
  accessToken: declare({
    key: 'auth.token',
    family: true,
    areas: ['session'],
    owner: 'src/background/storage/secrets.ts',
    schema: nullable(AccessTokenSchema),
    fallback: null,
    secret: true,
  }),
  deviceFlow: declare({
    key: 'auth.flow',
    family: true,
    areas: ['session'],
    owner: 'src/background/storage/secrets.ts',
    schema: nullable(DeviceFlowSchema),
    fallback: null,
    secret: true,
  }),
  signInOutcome: declare({
    key: 'auth.outcome',
    family: true,
    areas: ['session'],
    owner: 'src/background/storage/secrets.ts',
    schema: nullable(SignInOutcomeSchema),
    fallback: null,
  }),

  // Consoles.
  roleCredentials: declare({
    key: 'creds',
    family: true,
    areas: ['session'],
    owner: 'src/background/console/role-credentials.ts',
    schema: nullable(CredentialsSchema),
    fallback: null,
    secret: true,
  }),
  pendingConsole: declare({
    key: 'console.pending',
    family: true,
    areas: ['session'],
    owner: 'src/background/console/pending-console.ts',
    schema: nullable(PendingConsoleSchema),
    fallback: null,
  }),
  consoleTabs: declare({
    key: 'consoleTabs',
    areas: ['session'],
    owner: 'src/background/console/console-tabs.ts',
    schema: v.record(v.string(), ConsoleTabSchema),
    fallback: {},
    entry: ConsoleTabSchema,
  }),
  consoleGroups: declare({
    key: 'console.groups',
    areas: ['local'],
    owner: 'src/background/console/console-groups.ts',
    schema: ConsoleGroupsSchema,
    fallback: {},
  }),
  durationRefused: declare({
    key: 'console.durationRefused',
    areas: ['session'],
    owner: 'src/background/console/session-duration.ts',
    schema: v.record(v.string(), v.number()),
    fallback: {},
  }),
  multiSessionSeen: declare({
    key: 'console.multiSessionSeenAt',
    areas: ['session'],
    owner: 'src/background/console/multi-session.ts',
    schema: nullable(v.number()),
    fallback: null,
  }),
  consoleNotice: declare({
    key: 'console.notice',
    areas: ['session'],
    owner: 'src/shared/storage/items.ts',
    schema: nullable(v.pipe(v.string(), v.maxLength(300))),
    fallback: null,
  }),
} as const;

export type StorageKeyName = keyof typeof STORAGE;

/** Every declaration, for the docs check and the settings model's key lists. */
export const STORAGE_DECLARATIONS: readonly KeyDeclaration[] = Object.values(STORAGE) as KeyDeclaration[];
