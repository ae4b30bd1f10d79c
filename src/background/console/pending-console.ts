import { defineItemFamily } from '../../shared/storage/define-item';
import { STORAGE } from '../../shared/storage/registry';
import type { PendingConsole } from '../../shared/storage/schemas/worker-state';
import type { OpenConsoleOptions } from './open-console';
import type { RoleRef } from './role-credentials';

/**
 * How long a console request waits for the sign-in it started. AWS device codes live 10 minutes; a little more
 * covers the last poll. Older requests are dropped: a console opening by surprise long after the click would
 * be worse than none.
 */
export const PENDING_CONSOLE_MAX_AGE_MS = 12 * 60_000;

export type { PendingConsole } from '../../shared/storage/schemas/worker-state';

/**
 * `console.pending:<portalId>` in storage.session: the console the user asked for when the portal's session
 * had ended. The sign-in that request started opens it once approved, even if the worker was stopped in
 * between. One per portal: the latest click wins. Not secret (ids and a role name).
 */
export const pendingConsoleItem = defineItemFamily(STORAGE.pendingConsole);

export async function rememberPendingConsole(
  role: RoleRef,
  options: OpenConsoleOptions,
  originTabId: number | undefined,
): Promise<void> {
  await pendingConsoleItem(role.portalId).set({
    accountId: role.accountId,
    roleName: role.roleName,
    newTab: options.newTab,
    ...(options.where ? { where: options.where } : {}),
    ...(originTabId !== undefined ? { originTabId } : {}),
    savedAt: Date.now(),
  });
}

/** The waiting request, removed as it is read so it runs once; null when none or when it is too old. */
export async function takePendingConsole(portalId: string, now = Date.now()): Promise<PendingConsole | null> {
  const item = pendingConsoleItem(portalId);
  const pending = await item.get();
  if (!pending) return null;
  await item.remove();
  return isFresh(pending, now) ? pending : null;
}

function isFresh(pending: Pick<PendingConsole, 'savedAt'>, now: number): boolean {
  return now >= pending.savedAt && now - pending.savedAt <= PENDING_CONSOLE_MAX_AGE_MS;
}

/** The sign-in was cancelled, denied or expired: nothing may open later by surprise. */
export async function forgetPendingConsole(portalId: string): Promise<void> {
  await pendingConsoleItem(portalId).remove();
}
