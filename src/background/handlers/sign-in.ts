import type { MessagePayload } from '../../shared/messages/contract';
import { cancelSignIn as cancel, startSignIn } from '../auth/device-flow';
import { signOut as endAtAws } from '../auth/session';

export async function signIn({ portalId }: MessagePayload<'signIn'>): Promise<null> {
  await startSignIn(portalId);
  return null;
}

export async function cancelSignIn({ portalId }: MessagePayload<'cancelSignIn'>): Promise<null> {
  await cancel(portalId);
  return null;
}

export async function signOut({ portalId }: MessagePayload<'signOut'>): Promise<null> {
  await endAtAws(portalId);
  return null;
}
