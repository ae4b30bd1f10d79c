import type { MessagePayload } from '../../shared/messages/contract';
import { removeOurContainers } from '../console/console-groups';
import { openConsoleOrSignIn } from '../console/open-console-or-sign-in';
import { cliCredentials } from '../credentials/cli-credentials';

export async function openConsole({ newTab, ...role }: MessagePayload<'openConsole'>): Promise<null> {
  await openConsoleOrSignIn(role, { newTab });
  return null;
}

export async function getCliCredentials({ format, ...role }: MessagePayload<'getCliCredentials'>) {
  return cliCredentials(role, format);
}

export async function removeConsoleContainers(): Promise<{ removed: number }> {
  return { removed: await removeOurContainers() };
}
