import * as v from 'valibot';
import { browserSettingsStorage } from './browser-storage';
import { NOTICE_KEY, NoticeSchema } from './meta';
import type { SettingsStorage } from './storage-port';

/**
 * `settings.notice` in storage.local: the last "Some settings were unreadable…" text recovery left, shown by the
 * settings page until the user dismisses it. Written by the runner, which has no page to talk to.
 */
export type SettingsNotice = v.InferOutput<typeof NoticeSchema>;

export async function readSettingsNotice(
  storage: SettingsStorage = browserSettingsStorage,
): Promise<SettingsNotice | null> {
  const parsed = v.safeParse(NoticeSchema, (await storage.local.get([NOTICE_KEY]))[NOTICE_KEY]);
  return parsed.success ? parsed.output : null;
}

export async function dismissSettingsNotice(
  storage: SettingsStorage = browserSettingsStorage,
): Promise<void> {
  await storage.local.remove([NOTICE_KEY]);
}
