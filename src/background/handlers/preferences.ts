import { checkProfileTemplate } from '../../shared/credentials/profile-name';
import type { MessagePayload } from '../../shared/messages/contract';
import { type Preferences, preferencesItem } from '../../shared/storage/items';
import { setKeepSignedIn as applyKeepSignedIn } from '../auth/keep-signed-in';
import { UserFacingError } from '../messaging/user-facing-error';
import { lockPath, readLocks, refuseLocked } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';

export async function getPreferences(): Promise<Preferences> {
  return preferencesItem.get();
}

export async function setTagging(parts: MessagePayload<'setTagging'>): Promise<Preferences> {
  const current = await preferencesItem.get();
  const changing = Object.entries(parts).filter(
    ([part, on]) => current.tagging[part as keyof typeof parts] !== on,
  );
  refuseLocked(
    await readLocks(),
    changing.map(([part]) => lockPath.preference('tagging', part)),
    'This console tag setting',
  );
  const next = { ...current, tagging: parts };
  await preferencesItem.set(next);
  return next;
}

/** Applies a patch of plain preferences; a profile template the CLI could not use is refused with the reason. */
export async function updatePreferences(patch: MessagePayload<'updatePreferences'>): Promise<Preferences> {
  if (patch.profileTemplate !== undefined) {
    const problem = checkProfileTemplate(patch.profileTemplate);
    if (problem) throw new UserFacingError(problem);
  }
  const current = await preferencesItem.get();
  const changing = Object.entries(withoutUndefined(patch)).filter(
    ([field, value]) => current[field as keyof Preferences] !== value,
  );
  refuseLocked(
    await readLocks(),
    changing.map(([field]) => lockPath.preference(field)),
    'This preference',
  );
  const next = { ...current, ...withoutUndefined(patch) };
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
  const current = await preferencesItem.get();
  if (current.keepSignedIn !== keepSignedIn)
    refuseLocked(await readLocks(), [lockPath.preference('keepSignedIn')], 'Staying signed in');
  return applyKeepSignedIn(keepSignedIn);
}
