import { browser } from '../../shared/browser';
import type { RoleEntry } from '../../shared/directory/model';
import { roleEntries } from '../../shared/directory/role-entries';
import { portalLabel } from '../../shared/portals/portal';
import { type DirectorySnapshot, readDirectorySnapshot } from '../commands/directory-snapshot';
import { showFailure, showNothingToDo } from '../commands/feedback';
import { openConsoleOrSignIn } from '../console/open-console-or-sign-in';
import { findRoles } from './find-roles';
import { omniboxTakesMarkup } from './markup';
import { omniboxView, parseContent, SUGGESTION_LIMIT } from './suggestions';

/**
 * The address-bar keyword `aws` (manifest `omnibox`): type `aws prod admin`, see matching roles ranked as in
 * the popup, Enter opens the best (or the one picked). Each keystroke reads the directory from storage and
 * builds the search index afresh; the worker keeps nothing between events (docs/architecture.md).
 */
const WELCOME = 'Type an account name, alias, id or role; Enter opens the best match.';

export async function onInputStarted(): Promise<void> {
  await browser.omnibox.setDefaultSuggestion({ description: WELCOME });
}

export async function onInputChanged(
  text: string,
  suggest: (suggestions: { content: string; description: string }[]) => void,
): Promise<void> {
  const snapshot = await readDirectorySnapshot();
  const { hits, roleCount } = findRoles(snapshot, text, SUGGESTION_LIMIT, Date.now());
  const view = omniboxView(text, hits, {
    markup: omniboxTakesMarkup(),
    portalNames: new Map(snapshot.portals.map((p) => [p.id, portalLabel(p)])),
    roleCount,
  });
  await browser.omnibox.setDefaultSuggestion({ description: view.defaultDescription });
  suggest(view.suggestions);
}

type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/** Enter (or Alt+Enter, or a click) on the typed text or on a picked suggestion. */
export async function onInputEntered(text: string, disposition: Disposition): Promise<void> {
  try {
    const snapshot = await readDirectorySnapshot();
    const role = pickedRole(snapshot, text) ?? bestRole(snapshot, text);
    if (!role) {
      return showNothingToDo(
        text.trim() === '' ? 'Type part of an account or role name after “aws”.' : 'No role matches that.',
      );
    }
    await openConsoleOrSignIn(role, optionsFor(disposition));
  } catch (error) {
    await showFailure(error).catch(() => undefined);
  }
}

function optionsFor(disposition: Disposition) {
  if (disposition === 'newForegroundTab') return { newTab: true };
  if (disposition === 'newBackgroundTab') return { newTab: true, where: 'background-tab' } as const;
  return { newTab: false, where: 'this-tab' } as const;
}

/** The role of a picked suggestion (its content names role and account id), when still listed. */
function pickedRole(snapshot: DirectorySnapshot, text: string): RoleEntry | undefined {
  const picked = parseContent(text);
  if (!picked) return undefined;
  return roleEntries(snapshot.directories, snapshot.prefs, false).find(
    (e) => e.accountId === picked.accountId && e.roleName === picked.roleName,
  );
}

/** The search's best hit for typed text; none for an empty query (Enter should not open a surprise). */
function bestRole(snapshot: DirectorySnapshot, text: string): RoleEntry | undefined {
  if (text.trim() === '') return undefined;
  return findRoles(snapshot, text, 1, Date.now()).hits[0]?.entry;
}
