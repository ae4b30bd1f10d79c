import type { MessagePayload } from '../../shared/messages/contract';
import { type Preferences, preferencesItem } from '../../shared/storage/items';
import { checkProfileTemplate } from '../../shared/credentials/profile-name';
import { setKeepSignedIn as applyKeepSignedIn } from '../auth/keep-signed-in';
import { UserFacingError } from '../messaging/user-facing-error';
import { notifyUi } from '../status/notify-ui';

export async function getPreferences(): Promise<Preferences> {
  return preferencesItem.get();
}

export async function setTagging(parts: MessagePayload<'setTagging'>): Promise<Preferences> {
  const next = { ...(await preferencesItem.get()), tagging: parts };
  await preferencesItem.set(next);
  return next;
}

/** Applies a patch of plain preferences; a profile template the CLI could not use is refused with the reason. */
export async function updatePreferences(patch: MessagePayload<'updatePreferences'>): Promise<Preferences> {
  if (patch.profileTemplate !== undefined) {
    const problem = checkProfileTemplate(patch.profileTemplate);
    if (problem) throw new UserFacingError(problem);
  }
  const next = { ...(await preferencesItem.get()), ...withoutUndefined(patch) };
  await preferencesItem.set(next);
  await notifyUi();
  return next;
}

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export async function setKeepSignedIn({
  keepSignedIn,
}: MessagePayload<'setKeepSignedIn'>): Promise<Preferences> {
  return applyKeepSignedIn(keepSignedIn);
}
