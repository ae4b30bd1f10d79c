import { expiresInText } from '../../shared/credentials/expires-in';
import { CREDENTIAL_FORMATS } from '../../shared/credentials/formats';
import { accountLabel } from '../../shared/directory/favorites';
import { lastUsedRole } from '../../shared/directory/recent-role';
import { writeClipboard } from '../clipboard/write-clipboard';
import { cliCredentials } from '../credentials/cli-credentials';
import { readDirectorySnapshot } from './directory-snapshot';
import { showDone, showNothingToDo } from './feedback';

/**
 * `copy-last-role-credentials`: the CLI credentials of the role opened most recently, in the format last
 * chosen in the popup, to the clipboard. The same text as the popup's copy button (cli-credentials.ts); only
 * ever on this explicit shortcut. The badge confirms it and the tooltip says for which role and until when.
 */
export async function copyLastRoleCredentials(): Promise<void> {
  const s = await readDirectorySnapshot();
  const role = lastUsedRole(s.directories, s.prefs, s.usage);
  if (!role)
    return showNothingToDo('No role opened yet, so no credentials to copy. Open one from the popup first.');
  const credentials = await cliCredentials(role, undefined);
  await writeClipboard(credentials.text);
  const format = CREDENTIAL_FORMATS.find((f) => f.id === credentials.format)?.label ?? credentials.format;
  await showDone(
    `Copied credentials of ${role.roleName} in ${accountLabel(role)} (${format}); ${expiresInText(credentials.expiresAt, Date.now())}.`,
  );
}
