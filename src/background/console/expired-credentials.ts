import { browser } from '../../shared/browser';
import { readArea, removeFromArea } from '../../shared/storage/areas';
import { CREDENTIALS_EXPIRY_ALARM } from './credential-expiry-alarm';
import { roleCredentialsItem } from './role-credentials-store';

/** A stored credential's expiry (epoch ms), or null when the value is not a credential (deleted as well). */
function expirationOf(value: unknown): number | null {
  const expiration = (value as { expiration?: unknown } | null)?.expiration;
  return typeof expiration === 'number' && Number.isFinite(expiration) ? expiration : null;
}

/**
 * Deletes every stored role credential that has expired (or that does not read as one), then sets the expiry
 * alarm for the next to expire, or clears it when none is left. Runs on that alarm and at each worker start
 * (a browser that was closed or asleep when it was due).
 */
export async function forgetExpiredRoleCredentials(now: number = Date.now()): Promise<void> {
  const prefix = roleCredentialsItem('').key;
  const stored = await readArea('session', null);
  const expired: string[] = [];
  let next = Number.POSITIVE_INFINITY;
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(prefix)) continue;
    const expiration = expirationOf(value);
    if (expiration === null || expiration <= now) expired.push(key);
    else next = Math.min(next, expiration);
  }
  await removeFromArea('session', expired);
  if (next === Number.POSITIVE_INFINITY) await browser.alarms.clear(CREDENTIALS_EXPIRY_ALARM);
  else await browser.alarms.create(CREDENTIALS_EXPIRY_ALARM, { when: next });
}
