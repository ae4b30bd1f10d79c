import { readManaged } from '../../shared/settings/managed';
import { defineItemFamily, type WritableArea } from '../../shared/storage/define-item';
import { preferencesItem } from '../../shared/storage/items';
import { STORAGE } from '../../shared/storage/registry';

export { type DeviceFlow, DeviceFlowSchema } from '../../shared/storage/schemas/worker-state';

/**
 * Secret storage, background only. Access tokens and sign-in flows live in storage.session (never on disk).
 * The refresh token and client registration live in storage.local, sealed (secret-box.ts), unless the user
 * turned "keep me signed in" off; then they live in storage.session too.
 *
 * An administrator's keepSignedIn decides, read from storage.managed: the user's switch is in storage.local
 * (`preferences.device`), which content scripts can write, and a policy that keeps secrets off the disk must not
 * be lifted from there (docs/security.md).
 */
async function longLivedArea(): Promise<WritableArea> {
  const managed = (await readManaged()).preferences.keepSignedIn;
  return (managed ?? (await preferencesItem.get()).keepSignedIn) ? 'local' : 'session';
}

export const registrationItem = defineItemFamily(STORAGE.registration, longLivedArea);
export const refreshTokenItem = defineItemFamily(STORAGE.refreshToken, longLivedArea);
export const accessTokenItem = defineItemFamily(STORAGE.accessToken);
export const deviceFlowItem = defineItemFamily(STORAGE.deviceFlow);
/** Why the last sign-in ended without a session: shown until the next attempt. Not secret. */
export const signInOutcomeItem = defineItemFamily(STORAGE.signInOutcome);

/** Every key a portal owns in secret storage, for sign-out and removal. */
export const SECRET_FAMILIES = [
  registrationItem,
  refreshTokenItem,
  accessTokenItem,
  deviceFlowItem,
  signInOutcomeItem,
];
