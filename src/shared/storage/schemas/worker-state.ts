import * as v from 'valibot';

/**
 * Shapes of what the background stores (src/background/storage/secrets.ts and src/background/console/*). Kept
 * here, beside the registry, so every stored shape is declared in src/shared/storage; only the background reads
 * or writes these keys, and the secrets among them never leave it.
 */

/** A value sealed by src/background/storage/secret-box.ts. */
export const SealedSchema = v.object({ iv: v.string(), data: v.string() });

export const RegistrationSchema = v.object({
  clientId: v.string(),
  clientSecret: SealedSchema,
  /** Epoch seconds, as AWS sends it. */
  clientSecretExpiresAt: v.number(),
});

export const AccessTokenSchema = v.object({ accessToken: v.string(), /** epoch ms */ expiresAt: v.number() });

export const DeviceFlowSchema = v.object({
  flowId: v.string(),
  deviceCode: v.string(),
  userCode: v.string(),
  verificationUri: v.string(),
  verificationUriComplete: v.string(),
  /** Epoch ms. */
  expiresAt: v.number(),
  intervalMs: v.number(),
  nextPollAt: v.number(),
  tabId: v.optional(v.number()),
  /** Set once the flow was restarted after AWS rejected the client registration, so it happens only once. */
  reRegistered: v.optional(v.boolean()),
});
export type DeviceFlow = v.InferOutput<typeof DeviceFlowSchema>;

export const SignInOutcomeSchema = v.object({
  reason: v.picklist(['denied', 'expired', 'error', 'ended']),
  message: v.string(),
});

/** What GetRoleCredentials must return (epoch ms expiry), and so what may be stored; extra fields are dropped. */
export const CredentialsSchema = v.object({
  accessKeyId: v.pipe(v.string(), v.minLength(1)),
  secretAccessKey: v.pipe(v.string(), v.minLength(1)),
  sessionToken: v.pipe(v.string(), v.minLength(1)),
  expiration: v.pipe(v.number(), v.finite(), v.minValue(1)),
});

export const PendingConsoleSchema = v.object({
  accountId: v.string(),
  roleName: v.string(),
  newTab: v.boolean(),
  where: v.optional(v.picklist(['this-tab', 'background-tab'])),
  /** The tab that was active at the click: the console goes where it would have gone then. */
  originTabId: v.optional(v.number()),
  /** Epoch ms. */
  savedAt: v.number(),
});
export type PendingConsole = v.InferOutput<typeof PendingConsoleSchema>;

export const ConsoleTabSchema = v.object({
  portalId: v.string(),
  accountId: v.string(),
  roleName: v.string(),
  /** Epoch ms when the credentials behind the console session expire. */
  expiresAt: v.number(),
});
export type ConsoleTab = v.InferOutput<typeof ConsoleTabSchema>;

/** Group id (Chrome) or cookie store id (Firefox) per account or role key. */
export const ConsoleGroupsSchema = v.record(v.string(), v.union([v.number(), v.string()]));
