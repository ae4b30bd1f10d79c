import { pollUntilDone } from '../auth/device-flow';
import { refreshAccessToken } from '../auth/session';
import { accessTokenItem } from '../storage/secrets';
import { ALARM, parseAlarm } from './schedule';

/** One dispatcher for every alarm, registered at the worker's top level. */
export async function onAlarm(alarm: { name: string }): Promise<void> {
  const parsed = parseAlarm(alarm.name);
  if (!parsed) return;
  if (parsed.kind === ALARM.devicePoll) return pollUntilDone(parsed.portalId);
  if (parsed.kind === ALARM.refresh) {
    const token = await accessTokenItem(parsed.portalId).get();
    // A failed refresh has already been recorded (signed out, or offline and retried on next use).
    await refreshAccessToken(parsed.portalId, token?.accessToken ?? null).catch(() => undefined);
  }
}
