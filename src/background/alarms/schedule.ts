import { browser } from '../../shared/browser';

/**
 * Named alarms: the only timers that survive the service worker stopping. Names are `<kind>:<portalId>`;
 * src/background/alarms/on-alarm.ts dispatches them.
 */
export const ALARM = { refresh: 'refresh', devicePoll: 'device-poll' } as const;

/** Chrome runs alarms at most every 30 s; a device flow polls faster while the worker is awake. */
const POLL_WAKE_MINUTES = 0.5;

export async function schedulePoll(portalId: string): Promise<void> {
  await browser.alarms.create(`${ALARM.devicePoll}:${portalId}`, {
    periodInMinutes: POLL_WAKE_MINUTES,
    delayInMinutes: POLL_WAKE_MINUTES,
  });
}

export async function clearPoll(portalId: string): Promise<void> {
  await browser.alarms.clear(`${ALARM.devicePoll}:${portalId}`);
}

export async function scheduleRefresh(portalId: string, when: number): Promise<void> {
  await browser.alarms.create(`${ALARM.refresh}:${portalId}`, { when: Math.max(when, Date.now() + 30_000) });
}

export async function clearRefresh(portalId: string): Promise<void> {
  await browser.alarms.clear(`${ALARM.refresh}:${portalId}`);
}

export function parseAlarm(name: string): { kind: string; portalId: string } | null {
  const at = name.indexOf(':');
  return at > 0 ? { kind: name.slice(0, at), portalId: name.slice(at + 1) } : null;
}
