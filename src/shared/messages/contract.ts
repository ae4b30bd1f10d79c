import * as v from 'valibot';
import { RegionCodeSchema } from '../aws/regions';
import { type CredentialFormat, CredentialFormatSchema } from '../credentials/format-ids';
import type { Portal, PortalView } from '../portals/portal';
import type { ImportError } from '../settings/import-file';
import type { ImportPreview } from '../settings/import-plan';
import type { ManagedSettings } from '../settings/managed';
import type { SettingsNotice } from '../settings/notice';
import type { Preferences, TaggingParts } from '../storage/items';
import { PreferencesSchema } from '../storage/schemas/preferences';

const PREFERENCE = PreferencesSchema.entries;

/**
 * The one message contract between contexts. Each message names who may send it (`audience`), the schema its
 * payload must pass at runtime, and (in `ProtocolMap`) the type of its reply. The background rejects anything
 * else with an error reply; see docs/architecture.md for the table.
 *
 * Schema library: valibot. Its functions tree-shake to a few hundred bytes per schema, which matters for the
 * content script's 10 kB budget, and its parsers never throw on hostile input when used with `safeParse`.
 */
export type Audience =
  /** Only the extension's own pages (popup, options): anything touching tokens or credentials. */
  | 'extension'
  /** Content scripts on AWS console pages, and only about their own tab. */
  | 'content'
  /** The content script on AWS's device-approval page (device.sso.<region>.amazonaws.com). */
  | 'device';

const empty = v.strictObject({});
const portalId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/));
const onePortal = v.strictObject({ portalId });
const accountId = v.pipe(v.string(), v.regex(/^\d{12}$/));
/** Permission set names: 1-32 characters of [\w+=,.@-] in AWS; allow some slack, never anything huge. */
const roleName = v.pipe(v.string(), v.minLength(1), v.maxLength(128));
/** A change to one account's settings; '' clears a field (back to the name's or the user's default). */
const accountPatch = v.strictObject({
  alias: v.optional(v.pipe(v.string(), v.maxLength(100))),
  color: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i))])),
  hidden: v.optional(v.boolean()),
  tier: v.optional(v.picklist(['production', 'normal', ''])),
  favorite: v.optional(v.boolean()),
  favoriteRoles: v.optional(v.pipe(v.array(roleName), v.maxLength(200))),
  defaultRegion: v.optional(v.union([v.literal(''), RegionCodeSchema])),
});
/** A settings file as text: at most 5 MB, the settings model's own limit (MAX_IMPORT_BYTES). */
const settingsImport = v.strictObject({
  text: v.pipe(v.string(), v.maxLength(5 * 1024 * 1024)),
  mode: v.picklist(['merge', 'replace']),
});
/** Apply adds the start URL changes the user confirmed in the preview (src/shared/settings/start-url-trust.ts). */
const settingsApply = v.strictObject({
  ...settingsImport.entries,
  trustedStartUrls: v.optional(
    v.pipe(
      v.array(v.strictObject({ portalId, startUrl: v.pipe(v.string(), v.maxLength(2048)) })),
      v.maxLength(1000),
    ),
  ),
});

export const MESSAGE_SCHEMAS = {
  getStatus: { audience: 'extension', payload: empty },
  getTabDisplay: {
    audience: 'content',
    /** What the page itself says (console meta, cookie, nav bar); used when we did not open the tab. */
    payload: v.strictObject({
      accountId: v.optional(accountId),
      roleName: v.optional(v.pipe(v.string(), v.maxLength(128))),
    }),
  },
  checkDeviceCode: {
    audience: 'device',
    payload: v.strictObject({ userCode: v.pipe(v.string(), v.regex(/^[A-Z0-9]{4}-?[A-Z0-9]{4}$/i)) }),
  },
  listPortals: { audience: 'extension', payload: empty },
  addPortal: {
    audience: 'extension',
    payload: v.strictObject({
      startUrl: v.pipe(v.string(), v.maxLength(2048)),
      region: v.optional(v.pipe(v.string(), v.maxLength(32))),
      name: v.optional(v.pipe(v.string(), v.maxLength(100))),
    }),
  },
  renamePortal: {
    audience: 'extension',
    payload: v.strictObject({ portalId, name: v.pipe(v.string(), v.maxLength(100)) }),
  },
  setPortalIpStack: {
    audience: 'extension',
    payload: v.strictObject({ portalId, ipStack: v.picklist(['auto', 'ipv4', 'dualstack']) }),
  },
  removePortal: { audience: 'extension', payload: onePortal },
  forgetCachedAccounts: { audience: 'extension', payload: onePortal },
  signIn: { audience: 'extension', payload: onePortal },
  cancelSignIn: { audience: 'extension', payload: onePortal },
  signOut: { audience: 'extension', payload: onePortal },
  getPreferences: { audience: 'extension', payload: empty },
  updateAccountPrefs: {
    audience: 'extension',
    payload: v.strictObject({
      accountId,
      patch: accountPatch,
    }),
  },
  syncDirectory: { audience: 'extension', payload: v.strictObject({ portalId, force: v.boolean() }) },
  openConsole: {
    audience: 'extension',
    payload: v.strictObject({ portalId, accountId, roleName, newTab: v.boolean() }),
  },
  getCliCredentials: {
    audience: 'extension',
    payload: v.strictObject({
      portalId,
      accountId,
      roleName,
      /** Absent: the format used last. Given: used and remembered. */
      format: v.optional(CredentialFormatSchema),
    }),
  },
  /** Behaviour preferences other than the ones with side effects (keepSignedIn, tagging have their own messages). */
  updatePreferences: {
    audience: 'extension',
    // Each field as the stored preferences declare it (storage/schemas/preferences.ts), without its default:
    // absent means unchanged.
    payload: v.strictObject({
      consoleTabMode: v.optional(v.unwrap(PREFERENCE.consoleTabMode)),
      sessionDurationMinutes: v.optional(v.unwrap(PREFERENCE.sessionDurationMinutes)),
      multiSession: v.optional(v.unwrap(PREFERENCE.multiSession)),
      consoleGroups: v.optional(v.unwrap(PREFERENCE.consoleGroups)),
      defaultRegion: v.optional(v.unwrap(PREFERENCE.defaultRegion)),
      credentialFormat: v.optional(v.unwrap(PREFERENCE.credentialFormat)),
      profileTemplate: v.optional(v.unwrap(PREFERENCE.profileTemplate)),
    }),
  },
  /** Firefox: removes the containers the extension made for consoles. */
  removeConsoleContainers: { audience: 'extension', payload: empty },
  setKeepSignedIn: { audience: 'extension', payload: v.strictObject({ keepSignedIn: v.boolean() }) },
  exportSettings: { audience: 'extension', payload: empty },
  previewImport: { audience: 'extension', payload: settingsImport },
  applyImport: { audience: 'extension', payload: settingsApply },
  resetSettings: { audience: 'extension', payload: empty },
  getSettingsNotice: { audience: 'extension', payload: empty },
  dismissSettingsNotice: { audience: 'extension', payload: empty },
  getManagedSettings: { audience: 'extension', payload: empty },
  /** One change for many accounts (the settings page's bulk edit): one read and one write, not one per account. */
  bulkUpdateAccountPrefs: {
    audience: 'extension',
    payload: v.strictObject({
      accountIds: v.pipe(v.array(accountId), v.minLength(1), v.maxLength(50_000)),
      patch: v.pick(accountPatch, ['color', 'tier', 'defaultRegion', 'hidden']),
    }),
  },
  setTagging: {
    audience: 'extension',
    payload: v.strictObject({
      strip: v.boolean(),
      pill: v.boolean(),
      title: v.boolean(),
      favicon: v.boolean(),
    }),
  },
} as const satisfies Record<string, { audience: Audience; payload: v.GenericSchema }>;

export type MessageType = keyof typeof MESSAGE_SCHEMAS;
export type MessagePayload<T extends MessageType> = v.InferOutput<(typeof MESSAGE_SCHEMAS)[T]['payload']>;
/** The messages one audience may send (the extension's pages: every method of src/ui/actions.ts). */
export type MessageFrom<A extends Audience> = {
  [T in MessageType]: (typeof MESSAGE_SCHEMAS)[T]['audience'] extends A ? T : never;
}[MessageType];

/** What the background knows about the extension itself. */
export interface Status {
  readonly version: string;
}

/** What a content script may learn about its own tab: display data only, never a token or credential. */
export interface TabDisplay {
  readonly accountId: string;
  /** Alias, else account name, else the id. */
  readonly label: string;
  readonly roleName: string | null;
  /** CSS colour, `#rrggbb`. */
  readonly color: string;
  /** Production-like account: shown in red with a stronger bar. */
  readonly danger: boolean;
  /** Which parts of the tag the user wants. */
  readonly parts: TaggingParts;
  /** Epoch ms when the console session's credentials end, when we opened the tab. */
  readonly expiresAt?: number;
  /**
   * Set when we opened the tab and the page now names another account or role: what the page says. The fields
   * above stay what we opened; the tag shows both in a warning instead of following the page.
   */
  readonly mismatch?: PageClaim;
}

/** Who a console page says it is signed in as, when that differs from what the extension opened there. */
export interface PageClaim {
  readonly accountId: string;
  /** Alias, else cached account name, else the id. */
  readonly label: string;
  readonly roleName: string | null;
}

/**
 * Whether a code on AWS's device page belongs to a sign-in this extension started. Nothing else is said: not
 * the device code, not which other sign-ins are pending.
 */
export type DeviceCodeCheck = { ours: true; portalName: string } | { ours: false };

/** Adding a portal either works or says which field is wrong and why. */
export type AddPortalResult =
  | { ok: true; portal: Portal }
  | { ok: false; field: 'startUrl' | 'region' | 'name'; message: string };

/** Temporary credentials of a role as text to paste (a secret: only ever sent to the extension's own pages). */
export interface CliCredentials {
  readonly text: string;
  readonly format: CredentialFormat;
  readonly profileName: string;
  readonly region: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** A settings file checked (and, for applyImport, applied): what changes, or every problem with where it is. */
export type ImportCheck = { ok: true; preview: ImportPreview } | { ok: false; errors: ImportError[] };

export interface SettingsExport {
  readonly filename: string;
  readonly text: string;
}

/** What the administrator set, checked, and the paths the UI shows locked (see effective.ts's lockPath). */
export interface ManagedSettingsView extends Omit<ManagedSettings, 'portals'> {
  /** Each with the id it has here (the user's own portal of that start URL, else managedPortalId). */
  readonly portals: readonly (ManagedSettings['portals'][number] & { readonly id: string })[];
  readonly locked: string[];
}

/** Reply type of each message. */
export interface ProtocolMap {
  getStatus: Status;
  getTabDisplay: TabDisplay | null;
  checkDeviceCode: DeviceCodeCheck;
  listPortals: PortalView[];
  addPortal: AddPortalResult;
  renamePortal: null;
  setPortalIpStack: null;
  removePortal: null;
  forgetCachedAccounts: null;
  signIn: null;
  cancelSignIn: null;
  signOut: null;
  getPreferences: Preferences;
  updateAccountPrefs: null;
  syncDirectory: null;
  openConsole: null;
  getCliCredentials: CliCredentials;
  updatePreferences: Preferences;
  removeConsoleContainers: { removed: number };
  setKeepSignedIn: Preferences;
  setTagging: Preferences;
  exportSettings: SettingsExport;
  previewImport: ImportCheck;
  applyImport: ImportCheck;
  resetSettings: { cleared: string[] };
  getSettingsNotice: SettingsNotice | null;
  dismissSettingsNotice: null;
  getManagedSettings: ManagedSettingsView;
  bulkUpdateAccountPrefs: { updated: number; skippedLocked: number };
}

export type ErrorCode = 'bad-request' | 'forbidden' | 'failed';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(MESSAGE_SCHEMAS, value);
}
