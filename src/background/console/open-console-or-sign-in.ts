import { browser } from '../../shared/browser';
import { startSignIn } from '../auth/device-flow';
import { SignedOutError } from '../auth/session';
import { type OpenConsoleOptions, openConsole } from './open-console';
import { rememberPendingConsole } from './pending-console';
import type { RoleRef } from './role-credentials';

/**
 * What every "open the console" entry point calls (popup, shortcuts, address bar). When the portal's session
 * has ended (expired, revoked, signed out), the request is not an error to read and retry: it starts the
 * sign-in, remembers the request, and the console opens by itself once the sign-in is approved
 * (continue-after-sign-in.ts). Any other failure is the caller's to show.
 */
export async function openConsoleOrSignIn(role: RoleRef, options: OpenConsoleOptions): Promise<void> {
  try {
    await openConsole(role, options);
  } catch (error) {
    if (!(error instanceof SignedOutError)) throw error;
    // Still the tab the user clicked from: nothing has opened or navigated yet, and the sign-in page comes next.
    const [origin] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    await rememberPendingConsole(role, options, origin?.id);
    await startSignIn(role.portalId);
  }
}
