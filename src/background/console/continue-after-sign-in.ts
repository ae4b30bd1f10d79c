import { showFailure } from '../commands/feedback';
import { openConsole } from './open-console';
import { type PendingConsole, takePendingConsole } from './pending-console';
import { bringTabForward } from './tab-placement';

/**
 * Called when a sign-in has just been approved: opens the console the user asked for when the session had
 * ended, as if the click happened now. The origin tab comes forward first (the sign-in page was in front), so
 * "current tab" still means the tab the user clicked from. Nobody waits for an answer any more, so a failure
 * shows on the toolbar button and opens the popup, like a keyboard shortcut's.
 */
export async function continueToConsoleAfterSignIn(portalId: string): Promise<void> {
  const pending = await takePendingConsole(portalId);
  if (!pending) return;
  try {
    if (pending.where !== 'background-tab') await bringBack(pending);
    await openConsole(
      { portalId, accountId: pending.accountId, roleName: pending.roleName },
      { newTab: pending.newTab, ...(pending.where ? { where: pending.where } : {}) },
    );
  } catch (error) {
    await showFailure(error);
  }
}

async function bringBack({ originTabId }: PendingConsole): Promise<void> {
  if (originTabId === undefined) return;
  try {
    await bringTabForward(originTabId);
  } catch {
    // The tab was closed meanwhile: the console goes wherever the active tab allows.
  }
}
