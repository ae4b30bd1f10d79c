import { browser } from '../../shared/browser';

/**
 * One named alarm, set for the earliest expiry among the stored role credentials, so that expired ones are
 * deleted when they expire (expired-credentials.ts), not kept until sign-out. The worker keeps no timer: the
 * alarm survives it stopping. Its own module, with no imports of the store, so role-credentials.ts can call it
 * without an import circle.
 */
export const CREDENTIALS_EXPIRY_ALARM = 'role-credentials-expiry';

/** Makes sure the alarm rings by `expiration` (epoch ms): an alarm already due sooner is kept. */
export async function sweepCredentialsBy(expiration: number): Promise<void> {
  const current = await browser.alarms.get(CREDENTIALS_EXPIRY_ALARM);
  if (current && current.scheduledTime <= expiration) return;
  await browser.alarms.create(CREDENTIALS_EXPIRY_ALARM, { when: expiration });
}
