import { pollUntilDone } from '../auth/device-flow';
import { refreshIfDue } from '../auth/session';
import { FEEDBACK_ALARM } from '../commands/feedback';
import { CREDENTIALS_EXPIRY_ALARM } from '../console/credential-expiry-alarm';
import { forgetExpiredRoleCredentials } from '../console/expired-credentials';
import { updateBadge } from '../status/badge';
import { ALARM, parseAlarm } from './schedule';

/** One dispatcher for every alarm, registered at the worker's top level. */
export async function onAlarm(alarm: { name: string }): Promise<void> {
  // A shortcut's badge has been shown long enough: back to the session badge.
  if (alarm.name === FEEDBACK_ALARM) return updateBadge();
  if (alarm.name === CREDENTIALS_EXPIRY_ALARM) return forgetExpiredRoleCredentials();
  const parsed = parseAlarm(alarm.name);
  if (!parsed) return;
  if (parsed.kind === ALARM.devicePoll) return pollUntilDone(parsed.portalId);
  // A failed refresh has already been recorded (signed out, or offline and retried on next use).
  if (parsed.kind === ALARM.refresh) await refreshIfDue(parsed.portalId).catch(() => undefined);
}
