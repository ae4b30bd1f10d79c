import type { MessagePayload } from '../../shared/messages/contract';
import { openConsole as open } from '../console/open-console';

export async function openConsole({ newTab, ...role }: MessagePayload<'openConsole'>): Promise<null> {
  await open(role, { newTab });
  return null;
}
