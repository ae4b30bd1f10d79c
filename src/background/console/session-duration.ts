import { defineItem } from '../../shared/storage/define-item';
import { consoleNoticeItem } from '../../shared/storage/items';
import { STORAGE } from '../../shared/storage/registry';
import type { RoleCredentials } from './role-credentials-store';
import { getSigninToken, SessionDurationRefused } from './signin-token';

/** Session lengths AWS already refused, per role, so the refusal is reported once, not on every sign-in. */
const refusedItem = defineItem(STORAGE.durationRefused);

/**
 * A sign-in token asking for the user's session length. AWS refuses lengths it cannot grant (outside 15 min to
 * 12 h, or for some credentials): then the console opens with AWS's default instead of not at all, and the
 * user is told once per role and length.
 */
export async function signinTokenWithDuration(
  origin: string,
  credentials: RoleCredentials,
  minutes: number | null,
  roleLabel: string,
): Promise<string> {
  if (minutes === null) return getSigninToken(origin, credentials, null);
  try {
    return await getSigninToken(origin, credentials, minutes * 60);
  } catch (error) {
    if (!(error instanceof SessionDurationRefused)) throw error;
    const token = await getSigninToken(origin, credentials, null);
    const refused = await refusedItem.get();
    if (refused[roleLabel] !== minutes) {
      await refusedItem.set({ ...refused, [roleLabel]: minutes });
      await consoleNoticeItem.set(
        `AWS refused a ${formatMinutes(minutes)} console session for ${roleLabel}, so it opened with AWS's default length.`,
      );
    }
    return token;
  }
}

function formatMinutes(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}-hour` : `${minutes}-minute`;
}
