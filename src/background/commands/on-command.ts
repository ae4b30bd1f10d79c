import { COMMAND, favoriteNumber } from '../../shared/keyboard/commands';
import { copyLastRoleCredentials } from './copy-credentials';
import { showFailure } from './feedback';
import { nextFavoriteInTab, openFavorite, reopenLastRole } from './open-role-commands';

/**
 * Runs a keyboard shortcut (commands.onCommand, registered at the worker's top level). Everything it needs is
 * read from storage now; nothing is remembered between shortcuts. A failure is never silent (feedback.ts).
 * `_execute_action` never arrives here: the browser opens the popup itself.
 */
export async function onCommand(command: string): Promise<void> {
  try {
    await run(command);
  } catch (error) {
    await showFailure(error).catch(() => undefined);
  }
}

async function run(command: string): Promise<void> {
  if (command === COMMAND.reopenLastRole) return reopenLastRole();
  if (command === COMMAND.nextFavoriteInTab) return nextFavoriteInTab();
  if (command === COMMAND.copyLastRoleCredentials) return copyLastRoleCredentials();
  const n = favoriteNumber(command);
  if (n !== null) return openFavorite(n);
}
