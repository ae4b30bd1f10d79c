import type { MessagePayload } from '../../shared/messages/contract';
import { type Preferences, preferencesItem } from '../../shared/storage/items';
import { setKeepSignedIn as applyKeepSignedIn } from '../auth/keep-signed-in';

export async function getPreferences(): Promise<Preferences> {
  return preferencesItem.get();
}

export async function setTagging(parts: MessagePayload<'setTagging'>): Promise<Preferences> {
  const next = { ...(await preferencesItem.get()), tagging: parts };
  await preferencesItem.set(next);
  return next;
}

export async function setKeepSignedIn({
  keepSignedIn,
}: MessagePayload<'setKeepSignedIn'>): Promise<Preferences> {
  return applyKeepSignedIn(keepSignedIn);
}
