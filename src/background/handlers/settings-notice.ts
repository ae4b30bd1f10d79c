import { withSettingsLock } from '../../shared/settings/browser-storage';
import {
  dismissSettingsNotice as dismissStoredNotice,
  readSettingsNotice,
  type SettingsNotice,
} from '../../shared/settings/notice';
import { notifyUi } from '../status/notify-ui';

/**
 * "Some settings were unreadable and were reset…", left by recovery until the user dismisses it. Read under the
 * settings lock, so a page that woke the worker waits for that start's recovery and sees its notice.
 */
export function getSettingsNotice(): Promise<SettingsNotice | null> {
  return withSettingsLock(() => readSettingsNotice());
}

export async function dismissSettingsNotice(): Promise<null> {
  await dismissStoredNotice();
  await notifyUi();
  return null;
}
