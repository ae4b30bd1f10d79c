import * as v from 'valibot';
import { defineItemFamily, type StorageArea } from '../../shared/storage/define-item';
import { preferencesItem } from '../../shared/storage/items';

/**
 * Secret storage, background only. Access tokens and sign-in flows live in storage.session (never on disk).
 * The refresh token and client registration live in storage.local, sealed (secret-box.ts), unless the user
 * turned "keep me signed in" off; then they live in storage.session too.
 */
async function longLivedArea(): Promise<StorageArea> {
  return (await preferencesItem.get()).keepSignedIn ? 'local' : 'session';
}

const Sealed = v.object({ iv: v.string(), data: v.string() });

export const registrationItem = defineItemFamily({
  key: 'auth.registration',
  area: longLivedArea,
  schema: v.nullable(
    v.object({
      clientId: v.string(),
      clientSecret: Sealed,
      /** Epoch seconds, as AWS sends it. */
      clientSecretExpiresAt: v.number(),
    }),
  ),
  fallback: null,
});

export const refreshTokenItem = defineItemFamily({
  key: 'auth.refresh',
  area: longLivedArea,
  schema: v.nullable(Sealed),
  fallback: null,
});

export const accessTokenItem = defineItemFamily({
  key: 'auth.token',
  area: 'session',
  schema: v.nullable(v.object({ accessToken: v.string(), /** epoch ms */ expiresAt: v.number() })),
  fallback: null,
});

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

export const deviceFlowItem = defineItemFamily({
  key: 'auth.flow',
  area: 'session',
  schema: v.nullable(DeviceFlowSchema),
  fallback: null,
});

/** Why the last sign-in ended without a session: shown until the next attempt. Not secret. */
export const signInOutcomeItem = defineItemFamily({
  key: 'auth.outcome',
  area: 'session',
  schema: v.nullable(
    v.object({ reason: v.picklist(['denied', 'expired', 'error', 'ended']), message: v.string() }),
  ),
  fallback: null,
});

/** Every key a portal owns in secret storage, for sign-out and removal. */
export const SECRET_FAMILIES = [
  registrationItem,
  refreshTokenItem,
  accessTokenItem,
  deviceFlowItem,
  signInOutcomeItem,
];
